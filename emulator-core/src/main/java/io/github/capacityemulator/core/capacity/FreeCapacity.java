package io.github.capacityemulator.core.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Free units of one pool in one zone, hour by hour from {@code origin}: what the inventory has for the
 * whole hour minus what bought blocks hold for any part of it.
 */
final class FreeCapacity {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final Instant origin;
    private final int[] free;

    FreeCapacity(Instant origin, int hours, List<CapacityWindow> windows, List<CapacityHold> holds) {
        this.origin = origin;
        long[] delta = new long[hours + 1];
        for (CapacityWindow w : windows) {
            int from = Math.max(0, slotCeil(w.from()));
            int to = w.to() == null ? hours : Math.min(hours, slotFloor(w.to()));
            if (from < to) {
                delta[from] += w.count();
                delta[to] -= w.count();
            }
        }
        for (CapacityHold h : holds) {
            int from = Math.max(0, slotFloor(h.start()));
            int to = Math.min(hours, slotCeil(h.end()));
            if (from < to) {
                delta[from] -= h.units();
                delta[to] += h.units();
            }
        }
        free = new int[hours];
        long running = 0;
        for (int i = 0; i < hours; i++) {
            running += delta[i];
            free[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, running));
        }
    }

    int hours() {
        return free.length;
    }

    /** For each hour, how many consecutive hours from it have at least {@code units} free. */
    int[] runs(int units) {
        int[] run = new int[free.length + 1];
        for (int i = free.length - 1; i >= 0; i--) {
            run[i] = free[i] >= units ? run[i + 1] + 1 : 0;
        }
        return run;
    }

    /** Whether {@code units} are free for all of [start, end). */
    boolean fits(int units, Instant start, Instant end) {
        int from = slotFloor(start);
        int to = slotCeil(end);
        if (from < 0 || to > free.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (free[i] < units) {
                return false;
            }
        }
        return true;
    }

    int slotFloor(Instant t) {
        return clamp(Math.floorDiv(t.toEpochMilli() - origin.toEpochMilli(), HOUR));
    }

    int slotCeil(Instant t) {
        return clamp(-Math.floorDiv(origin.toEpochMilli() - t.toEpochMilli(), HOUR));
    }

    private static int clamp(long slot) {
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, slot));
    }
}
