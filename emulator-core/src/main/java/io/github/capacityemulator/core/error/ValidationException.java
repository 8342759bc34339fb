package io.github.capacityemulator.core.error;

/** The input breaks a constraint of the contract or a rule of the service. */
public class ValidationException extends AwsServiceException {

    public ValidationException(String message) {
        super("ValidationException", message);
    }
}
