package io.github.capacityemulator.core.error;

/** The body cannot be read as the operation's input (bad JSON, wrong JSON type, unsupported content type). */
public class SerializationException extends AwsServiceException {

    public SerializationException(String message) {
        super("SerializationException", message);
    }
}
