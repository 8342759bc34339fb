package io.github.capacityemulator.core.store;

/**
 * A database this emulator must not open: written by an emulator whose schema it does not know (newer, or from
 * before modules had versions). It is refused before anything in it is changed.
 */
public final class IncompatibleSchemaException extends RuntimeException {
    public IncompatibleSchemaException(String message) {
        super(message);
    }
}
