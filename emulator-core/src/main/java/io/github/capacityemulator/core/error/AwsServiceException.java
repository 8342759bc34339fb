package io.github.capacityemulator.core.error;

/**
 * An error the emulator answers with, carrying SageMaker's error code. Core throws these; only the
 * server turns them into HTTP (status, envelope, headers).
 */
public abstract class AwsServiceException extends RuntimeException {

    private final String code;

    protected AwsServiceException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The value of {@code __type} and {@code x-amzn-ErrorType}. */
    public String code() {
        return code;
    }

    /** True when the fault is the service's, not the caller's. */
    public boolean isServerFault() {
        return false;
    }
}
