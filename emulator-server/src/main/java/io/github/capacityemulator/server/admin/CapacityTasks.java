package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;

/** The capacity routes: the inventory, and payments that fail on purpose. */
final class CapacityTasks {

    private CapacityTasks() {
    }

    static JsonNode inventory(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        return admin.inventory();
    }

    static JsonNode replaceInventory(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        return admin.replaceInventory(body);
    }

    /** {@code {"count": N}}, N >= 1, default 1. */
    static JsonNode failNextPayments(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        int count = 1;
        if (body.has("count")) {
            JsonNode n = body.get("count");
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() > EmulatorAdmin.MAX_FAILING_PAYMENTS) {
                throw new AdminRequestException("count must be a whole number from 1 to " + EmulatorAdmin.MAX_FAILING_PAYMENTS);
            }
            count = n.asInt();
        }
        return AdminJson.MAPPER.createObjectNode().put("failNext", admin.failNextPayments(count));
    }
}
