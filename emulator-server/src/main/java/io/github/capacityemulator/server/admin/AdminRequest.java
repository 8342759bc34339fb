package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** An admin request: its JSON body ({} when empty), the parameters of its path and of its query. */
public record AdminRequest(JsonNode body, Map<String, String> path, Map<String, String> query) {
}
