package io.github.capacityemulator.core.faults;

import io.github.capacityemulator.core.error.AwsServiceException;

/** An error a fault rule answers with, with the HTTP status the rule asked for. */
public final class InjectedFault extends AwsServiceException {

    private final int httpStatus;

    InjectedFault(String code, int httpStatus, String message) {
        super(code, message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isServerFault() {
        return httpStatus >= 500;
    }
}
