package io.github.capacityemulator.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stored bodies: records of facts written as JSON text and read back. */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonBodies() {
    }

    public static String write(Object facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + facts.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored body is not a " + type.getSimpleName(), e);
        }
    }
}
