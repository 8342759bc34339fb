package io.github.capacityemulator.core.store;

/** The store failed (a bug or a broken database file), never a caller's mistake. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
