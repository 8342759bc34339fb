package io.github.capacityemulator.core.journal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One request as the emulator saw it.
 *
 * @param time       the emulator clock when it arrived
 * @param operation  the SageMaker operation (null when the target named none)
 * @param status     the HTTP status answered
 * @param errorCode  the AWS error code, null on success
 * @param input      the request body as read (null when it could not be read)
 */
public record RecordedRequest(Instant time, String operation, String account, String region, int status,
                              String errorCode, long latencyMillis, String requestId, JsonNode input) {
}
