package io.github.capacityemulator.server;

import io.github.capacityemulator.core.error.SerializationException;

/** A request body over the edge's limit: SerializationException, answered with 413. */
final class PayloadTooLarge extends SerializationException {
    PayloadTooLarge(String message) {
        super(message);
    }
}
