package io.github.capacityemulator.core.capacity;

import java.time.Instant;

/** {@code count} units of a pool exist from {@code from} until {@code to} (null: open-ended). */
public record CapacityWindow(Instant from, Instant to, int count) {

    public boolean covers(Instant start, Instant end) {
        return !from.isAfter(start) && (to == null || !to.isBefore(end));
    }
}
