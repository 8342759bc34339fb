package io.github.capacityemulator.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A row of a resource table: its name, ARN, creation time (epoch millis) and JSON body. */
public record StoredResource(String name, String arn, long createdAtMillis, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode bodyJson() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored body of " + arn + " is not JSON", e);
        }
    }
}
