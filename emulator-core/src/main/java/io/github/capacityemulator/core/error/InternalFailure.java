package io.github.capacityemulator.core.error;

/** An unexpected fault of the emulator itself; never the answer to bad input. */
public class InternalFailure extends AwsServiceException {

    public InternalFailure(String message) {
        super("InternalFailure", message);
    }

    @Override
    public boolean isServerFault() {
        return true;
    }
}
