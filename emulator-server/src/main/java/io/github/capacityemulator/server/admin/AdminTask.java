package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.EmulatorAdmin;

/** One admin route's work: read the request, call the core admin interface, answer JSON. */
@FunctionalInterface
public interface AdminTask {
    JsonNode run(EmulatorAdmin admin, AdminRequest request);
}
