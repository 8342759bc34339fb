package io.github.capacityemulator.core.error;

/** Too many requests. */
public class ThrottlingException extends AwsServiceException {

    public ThrottlingException(String message) {
        super("ThrottlingException", message);
    }
}
