package io.github.capacityemulator.server.hostile;

import java.util.Set;

/**
 * The answer a hostile request must get: a 4xx (exactly {@code status} when it is not 0) whose error code is one of
 * {@code codes}. {@code mayClose}: the server may instead close the connection without an answer, which HTTP allows
 * when it cannot tell where a broken chunked body ends.
 */
record Expected(Set<String> codes, int status, boolean mayClose) {

    static final String SERIALIZATION = "SerializationException";
    static final String VALIDATION = "ValidationException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";

    static Expected of(String... codes) {
        return new Expected(Set.of(codes), 0, false);
    }

    static Expected tooLarge() {
        return new Expected(Set.of(SERIALIZATION), 413, false);
    }

    Expected orClosed() {
        return new Expected(codes, status, true);
    }

    @Override
    public String toString() {
        return (status == 0 ? "4xx" : Integer.toString(status)) + " " + new java.util.TreeSet<>(codes)
                + (mayClose ? " (or the connection closed)" : "");
    }
}
