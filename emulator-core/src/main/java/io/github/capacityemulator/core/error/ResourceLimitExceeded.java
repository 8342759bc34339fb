package io.github.capacityemulator.core.error;

/** An account-level quota would be exceeded. */
public class ResourceLimitExceeded extends AwsServiceException {

    public ResourceLimitExceeded(String message) {
        super("ResourceLimitExceeded", message);
    }
}
