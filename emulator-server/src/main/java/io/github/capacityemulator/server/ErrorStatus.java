package io.github.capacityemulator.server;

import io.github.capacityemulator.core.error.AwsServiceException;
import io.github.capacityemulator.core.faults.InjectedFault;
import io.github.capacityemulator.server.auth.AuthenticationFailure;

import java.util.Map;

/** The HTTP status of each error: 400 unless SageMaker (or the emulator's edge) answers otherwise. */
final class ErrorStatus {

    private static final Map<String, Integer> BY_CODE = Map.of(
            "NotImplemented", 501,
            "InternalFailure", 500);

    private ErrorStatus() {
    }

    static int of(AwsServiceException error) {
        if (error instanceof PayloadTooLarge) {
            return 413;
        }
        if (error instanceof RouteNotFound) {
            return 404;
        }
        if (error instanceof AuthenticationFailure failure) {
            return failure.httpStatus();
        }
        if (error instanceof InjectedFault fault) {
            return fault.httpStatus();
        }
        return BY_CODE.getOrDefault(error.code(), 400);
    }
}
