package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** An admin request: its JSON body ({} when empty) and the parameters of its path. */
public record AdminRequest(JsonNode body, Map<String, String> path) {
}
