package io.github.capacityemulator.core.admin;

/** An admin request with a value the emulator cannot accept (e.g. moving the clock backwards). */
public final class AdminRequestException extends RuntimeException {
    public AdminRequestException(String message) {
        super(message);
    }
}
