package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.clock.ClockState;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** JSON of the admin API: how clock states are written and admin bodies are read. */
final class AdminJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    static ObjectNode clock(ClockState state) {
        return MAPPER.createObjectNode().put("now", state.now().toString()).put("frozen", state.frozen());
    }

    static Instant instant(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new AdminRequestException(field + " must be an ISO-8601 instant such as \"2030-01-01T00:00:00Z\"");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new AdminRequestException(field + " must be an ISO-8601 instant such as \"2030-01-01T00:00:00Z\", not \""
                    + value.asText() + "\"");
        }
    }

    static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw new AdminRequestException(field + " must be true or false");
        }
        return value.asBoolean();
    }
}
