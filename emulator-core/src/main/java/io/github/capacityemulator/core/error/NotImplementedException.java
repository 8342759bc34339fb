package io.github.capacityemulator.core.error;

/** A real SageMaker operation that the emulator does not serve. */
public class NotImplementedException extends AwsServiceException {

    public NotImplementedException(String message) {
        super("NotImplemented", message);
    }

    @Override
    public boolean isServerFault() {
        return true;
    }
}
