package io.github.capacityemulator.core.error;

/** The named resource does not exist in this account and region. */
public class ResourceNotFound extends AwsServiceException {

    public ResourceNotFound(String message) {
        super("ResourceNotFound", message);
    }
}
