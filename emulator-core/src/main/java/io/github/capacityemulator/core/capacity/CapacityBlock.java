package io.github.capacityemulator.core.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** A continuous block of capacity in one zone: it starts on a whole hour and ends at 11:30 UTC. */
public record CapacityBlock(String zone, Instant start, Instant end) {

    /** Blocks end at 11:30 UTC on their last day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(11, 30);

    /**
     * The block of {@code days} whole days that starts at {@code start}: it ends at 11:30 UTC on the day on
     * which its days would end, so its length is uneven by up to half a day.
     */
    public static CapacityBlock of(String zone, Instant start, int days) {
        Instant nominalEnd = start.plus(Duration.ofDays(days));
        Instant end = nominalEnd.atZone(ZoneOffset.UTC).toLocalDate().atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
        return new CapacityBlock(zone, start, end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
