package io.github.capacityemulator.core.error;

/** The resource name is taken, or the resource is in use. */
public class ResourceInUse extends AwsServiceException {

    public ResourceInUse(String message) {
        super("ResourceInUse", message);
    }
}
