package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;

/**
 * Scripted training job outcomes: {@code POST /_emulator/training-jobs/{name}/complete} and {@code .../fail}
 * (body {@code {"failureReason": "..."}}, optional), with {@code ?account=&region=} when the name is in several scopes.
 */
final class TrainingJobTasks {

    private TrainingJobTasks() {
    }

    static JsonNode complete(EmulatorAdmin admin, AdminRequest request) {
        return admin.completeTrainingJob(request.path().get("name"), request.query().get("account"),
                request.query().get("region"));
    }

    static JsonNode fail(EmulatorAdmin admin, AdminRequest request) {
        JsonNode reason = request.body().get("failureReason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new AdminRequestException("failureReason must be a string"); // its length is core's rule
        }
        return admin.failTrainingJob(request.path().get("name"), request.query().get("account"),
                request.query().get("region"), reason == null || reason.isNull() ? null : reason.asText());
    }
}
