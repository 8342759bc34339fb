package io.github.capacityemulator.core.faults;

/**
 * What a fault rule should do. Match: {@code operation} (required; "*" for any), and optionally account
 * and region. Effect: an AWS error ({@code errorCode}, with {@code httpStatus} and {@code message}
 * defaulted for the well-known codes) and/or added latency. Firing: for the next {@code count} matching
 * calls, or each with {@code probability} (repeatable with {@code seed}); neither means every call.
 */
public record FaultSpec(String operation, String account, String region, String errorCode, Integer httpStatus,
                        String message, Long latencyMillis, Integer count, Double probability, Long seed) {
}
