package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.admin.Health;

import java.util.List;

/** The admin API under {@code /_emulator}: a table of routes, each delegating to {@link EmulatorAdmin}. */
public final class AdminRoutes {

    public static final String ROOT = "/_emulator";
    /** The one admin route that stays open with --admin-token: container health checks call it. */
    public static final String HEALTH = ROOT + "/health";

    private AdminRoutes() {
    }

    public static List<AdminRoute> all() {
        return List.of(
                new AdminRoute("GET", HEALTH, AdminRoutes::health),
                new AdminRoute("POST", ROOT + "/reset", AdminRoutes::reset),
                new AdminRoute("GET", ROOT + "/clock", ClockTasks::read),
                new AdminRoute("PUT", ROOT + "/clock", ClockTasks::set),
                new AdminRoute("POST", ROOT + "/clock/advance", ClockTasks::advance),
                new AdminRoute("GET", ROOT + "/inventory", CapacityTasks::inventory),
                new AdminRoute("PUT", ROOT + "/inventory", CapacityTasks::replaceInventory),
                new AdminRoute("POST", ROOT + "/payments/fail-next", CapacityTasks::failNextPayments),
                new AdminRoute("POST", ROOT + "/nodes/{instanceId}/fail", AdminRoutes::failNode),
                new AdminRoute("POST", ROOT + "/training-jobs/{name}/complete", TrainingJobTasks::complete),
                new AdminRoute("POST", ROOT + "/training-jobs/{name}/fail", TrainingJobTasks::fail),
                new AdminRoute("GET", ROOT + "/requests", ObservabilityTasks::requests),
                new AdminRoute("DELETE", ROOT + "/requests", ObservabilityTasks::clearRequests),
                new AdminRoute("POST", ROOT + "/faults", ObservabilityTasks::addFault),
                new AdminRoute("GET", ROOT + "/faults", ObservabilityTasks::faults),
                new AdminRoute("DELETE", ROOT + "/faults", ObservabilityTasks::clearFaults));
    }

    private static JsonNode health(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        Health health = admin.health();
        return AdminJson.MAPPER.createObjectNode().put("status", health.status()).put("version", health.version())
                .put("checkResponses", health.checkResponses());
    }

    private static JsonNode failNode(EmulatorAdmin admin, AdminRequest request) {
        return admin.failNode(request.path().get("instanceId"));
    }

    private static JsonNode reset(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        admin.reset();
        return AdminJson.MAPPER.createObjectNode().put("status", "reset");
    }
}
