package io.github.capacityemulator.core.error;

/** The resource is in a state that does not allow the operation. */
public class ConflictException extends AwsServiceException {

    public ConflictException(String message) {
        super("ConflictException", message);
    }
}
