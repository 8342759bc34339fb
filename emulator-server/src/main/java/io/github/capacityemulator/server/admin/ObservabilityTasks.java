package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.faults.FaultRule;
import io.github.capacityemulator.core.faults.FaultSpec;
import io.github.capacityemulator.core.journal.RecordedRequest;

import java.util.Set;

/** The request journal and fault injection routes. */
final class ObservabilityTasks {

    private static final Set<String> FAULT_MEMBERS = Set.of("operation", "account", "region", "error", "latencyMillis",
            "count", "probability", "seed");
    private static final Set<String> ERROR_MEMBERS = Set.of("code", "status", "message");

    private ObservabilityTasks() {
    }

    /** Entries written one by one as the answer goes out: 100,000 of them as a tree would weigh tens of MB more. */
    static JsonNode requests(EmulatorAdmin admin, AdminRequest request) {
        return AdminJson.MAPPER.createObjectNode().putPOJO("requests",
                new JournalListing(admin.requestsToWrite(request.query().get("operation"))));
    }

    static JsonNode clearRequests(EmulatorAdmin admin, AdminRequest request) {
        admin.clearRequests();
        return AdminJson.MAPPER.createObjectNode().put("status", "cleared");
    }

    static JsonNode addFault(EmulatorAdmin admin, AdminRequest request) {
        JsonNode b = request.body();
        b.fieldNames().forEachRemaining(name -> {
            if (!FAULT_MEMBERS.contains(name)) {
                throw new AdminRequestException("unknown member '" + name + "'; a fault rule has " + FAULT_MEMBERS.stream().sorted().toList());
            }
        });
        JsonNode error = b.get("error");
        if (error != null && (!error.isObject() || !error.path("code").isTextual())) {
            throw new AdminRequestException("error must be an object with a \"code\" string, e.g. {\"code\": \"ThrottlingException\"}");
        }
        if (error != null) {
            error.fieldNames().forEachRemaining(name -> {
                if (!ERROR_MEMBERS.contains(name)) {
                    throw new AdminRequestException("unknown member 'error." + name + "'; an error has " + ERROR_MEMBERS.stream().sorted().toList());
                }
            });
        }
        FaultSpec spec = new FaultSpec(text(b, "operation"), text(b, "account"), text(b, "region"),
                error == null ? null : error.get("code").asText(),
                error == null || !error.has("status") ? null : toInt(whole(error.get("status"), "error.status"), "error.status"),
                error == null ? null : text(error, "message"),
                b.has("latencyMillis") ? whole(b.get("latencyMillis"), "latencyMillis") : null,
                b.has("count") ? toInt(whole(b.get("count"), "count"), "count") : null,
                b.has("probability") ? number(b.get("probability"), "probability") : null,
                b.has("seed") ? whole(b.get("seed"), "seed") : null);
        return json(admin.addFault(spec));
    }

    static JsonNode faults(EmulatorAdmin admin, AdminRequest request) {
        ObjectNode out = AdminJson.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("faults");
        admin.faults().forEach(f -> list.add(json(f)));
        return out;
    }

    static JsonNode clearFaults(EmulatorAdmin admin, AdminRequest request) {
        admin.clearFaults();
        return AdminJson.MAPPER.createObjectNode().put("status", "cleared");
    }

    private static ObjectNode json(FaultRule f) {
        FaultSpec s = f.spec();
        ObjectNode o = AdminJson.MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("operation", s.operation());
        if (s.account() != null) {
            o.put("account", s.account());
        }
        if (s.region() != null) {
            o.put("region", s.region());
        }
        if (s.errorCode() != null) {
            o.putObject("error").put("code", s.errorCode()).put("status", s.httpStatus()).put("message", s.message());
        }
        if (s.latencyMillis() != null) {
            o.put("latencyMillis", s.latencyMillis());
        }
        if (s.count() != null) {
            o.put("count", s.count());
            o.put("remaining", f.remaining());
        }
        if (s.probability() != null) {
            o.put("probability", s.probability());
        }
        if (s.seed() != null) {
            o.put("seed", s.seed());
        }
        o.put("fired", f.fired());
        return o;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new AdminRequestException(field + " must be a string");
        }
        return v.asText();
    }

    private static Long whole(JsonNode v, String field) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new AdminRequestException(field + " must be a whole number");
        }
        return v.asLong();
    }

    private static int toInt(long value, String field) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new AdminRequestException(field + " is out of range");
        }
        return (int) value;
    }

    private static Double number(JsonNode v, String field) {
        if (!v.isNumber()) {
            throw new AdminRequestException(field + " must be a number");
        }
        return v.asDouble();
    }
}
