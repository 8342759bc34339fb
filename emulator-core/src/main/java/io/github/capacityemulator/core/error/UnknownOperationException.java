package io.github.capacityemulator.core.error;

/** The target names no SageMaker operation. */
public class UnknownOperationException extends AwsServiceException {

    public UnknownOperationException(String message) {
        super("UnknownOperationException", message);
    }
}
