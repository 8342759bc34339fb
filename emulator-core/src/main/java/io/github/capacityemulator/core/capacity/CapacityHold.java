package io.github.capacityemulator.core.capacity;

import java.time.Instant;

/** {@code units} of a pool in a zone taken by a bought block, from {@code start} until {@code end}. */
public record CapacityHold(String zone, String pool, int units, Instant start, Instant end) {
}
