package io.github.capacityemulator.core.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Finds where a reservation fits: up to three placements, earliest first and at least a day apart,
 * each one continuous block in one zone or, only when no single block fits anywhere in the window,
 * two consecutive blocks of whole days (in the same zone when {@code singleZone}).
 */
public final class OfferingSearch {

    public static final int MAX_OFFERINGS = 3;

    /**
     * What to place.
     *
     * @param earliestStart the first whole hour a block may start at
     * @param latestStart   the last instant the first block may start at (8 weeks ahead)
     * @param endBefore     blocks must end by then; null for no limit
     */
    public record Request(String pool, int units, int days, boolean singleZone,
                          Instant earliestStart, Instant latestStart, Instant endBefore) {
    }

    private final List<String> zones;
    private final BiFunction<String, Instant, FreeCapacityInputs> inputs;

    /** The inventory windows and holds of a zone's pool, for a timeline starting at an instant. */
    public record FreeCapacityInputs(List<CapacityWindow> windows, List<CapacityHold> holds) {
    }

    /**
     * @param zones  the region's zones, in the order ties are broken
     * @param inputs windows and holds of (zone, pool) — called at most once per zone and search
     */
    public OfferingSearch(List<String> zones, BiFunction<String, Instant, FreeCapacityInputs> inputs) {
        this.zones = zones.stream().sorted().toList();
        this.inputs = inputs;
    }

    /** Whether {@code units} are free for all of [start, end) given a zone's windows and holds. */
    public static boolean fits(FreeCapacityInputs in, int units, Instant start, Instant end) {
        Instant origin = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), 3600) * 3600);
        int hours = (int) Duration.between(origin, end).toHours() + 2;
        return new FreeCapacity(origin, hours, in.windows(), in.holds()).fits(units, start, end);
    }

    public List<List<CapacityBlock>> search(Request request) {
        Timelines timelines = new Timelines(request);
        List<List<CapacityBlock>> found = singleBlocks(request, timelines);
        if (found.isEmpty() && request.days() > 1) {
            found = splitBlocks(request, timelines);
        }
        return found;
    }

    private List<List<CapacityBlock>> singleBlocks(Request r, Timelines timelines) {
        List<List<CapacityBlock>> found = new ArrayList<>();
        for (Instant s = r.earliestStart(); !s.isAfter(r.latestStart()) && found.size() < MAX_OFFERINGS;
             s = s.plus(Duration.ofHours(1))) {
            CapacityBlock probe = CapacityBlock.of("", s, r.days());
            if (r.endBefore() != null && probe.end().isAfter(r.endBefore())) {
                break;
            }
            for (String zone : zones) {
                if (timelines.fits(zone, probe.start(), probe.end())) {
                    found.add(List.of(CapacityBlock.of(zone, s, r.days())));
                    s = s.plus(Duration.ofHours(23)); // the next offering starts at least a day later
                    break;
                }
            }
        }
        return found;
    }

    private List<List<CapacityBlock>> splitBlocks(Request r, Timelines timelines) {
        List<List<CapacityBlock>> found = new ArrayList<>();
        for (Instant s1 = r.earliestStart(); !s1.isAfter(r.latestStart()) && found.size() < MAX_OFFERINGS;
             s1 = s1.plus(Duration.ofHours(1))) {
            List<CapacityBlock> pair = firstSplitAt(r, timelines, s1);
            if (pair != null) {
                found.add(pair);
                s1 = s1.plus(Duration.ofHours(23));
            }
        }
        return found;
    }

    /** The split starting at s1 with the longest first block, or null. */
    private List<CapacityBlock> firstSplitAt(Request r, Timelines timelines, Instant s1) {
        for (int d1 = r.days() - 1; d1 >= 1; d1--) {
            int d2 = r.days() - d1;
            CapacityBlock first = CapacityBlock.of("", s1, d1);
            if (r.endBefore() != null && first.end().isAfter(r.endBefore())) {
                continue;
            }
            for (String z1 : zones) {
                if (!timelines.fits(z1, first.start(), first.end())) {
                    continue;
                }
                CapacityBlock second = secondBlock(r, timelines, z1, first.end(), d2);
                if (second != null) {
                    return List.of(new CapacityBlock(z1, first.start(), first.end()), second);
                }
            }
        }
        return null;
    }

    /** The earliest second block of {@code days} days after {@code after}; ties go to the first zone by name. */
    private CapacityBlock secondBlock(Request r, Timelines timelines, String z1, Instant after, int days) {
        List<String> candidates = r.singleZone() ? List.of(z1) : zones;
        Instant s2 = Instant.ofEpochSecond(((after.getEpochSecond() + 3599) / 3600) * 3600);
        int minimumHours = 24 * days - 11;
        CapacityBlock best = null;
        for (String z2 : candidates) {
            if (!timelines.couldFitFrom(z2, s2, minimumHours)) {
                continue;
            }
            for (Instant s = s2; timelines.within(s) && (best == null || s.isBefore(best.start()));
                 s = s.plus(Duration.ofHours(1))) {
                CapacityBlock block = CapacityBlock.of(z2, s, days);
                if (r.endBefore() != null && block.end().isAfter(r.endBefore())) {
                    break;
                }
                if (timelines.fits(z2, block.start(), block.end())) {
                    best = block;
                    break;
                }
            }
        }
        return best;
    }

    /** One free-capacity timeline per zone, built on first use. */
    private final class Timelines {
        private final Request request;
        private final Instant origin;
        private final int hours;
        private final Map<String, FreeCapacity> byZone = new HashMap<>();
        private final Map<String, int[]> longestRunFrom = new HashMap<>();

        Timelines(Request request) {
            this.request = request;
            this.origin = request.earliestStart();
            Instant horizon = request.latestStart().plus(Duration.ofDays(request.days() + 2L));
            if (request.endBefore() != null && request.endBefore().isBefore(horizon)) {
                horizon = request.endBefore();
            }
            this.hours = (int) Math.max(0, Duration.between(origin, horizon).toHours() + 1);
        }

        private FreeCapacity of(String zone) {
            return byZone.computeIfAbsent(zone, z -> {
                FreeCapacityInputs in = inputs.apply(z, origin);
                return new FreeCapacity(origin, hours, in.windows(), in.holds());
            });
        }

        boolean fits(String zone, Instant start, Instant end) {
            return of(zone).fits(request.units(), start, end);
        }

        boolean within(Instant t) {
            return of(zones.get(0)).slotFloor(t) < hours;
        }

        /** Cheap pruning: is there any run of {@code hoursNeeded} at or after {@code from}? */
        boolean couldFitFrom(String zone, Instant from, int hoursNeeded) {
            FreeCapacity free = of(zone);
            int[] longest = longestRunFrom.computeIfAbsent(zone, z -> {
                int[] run = free.runs(request.units());
                int[] best = new int[run.length];
                for (int i = run.length - 2; i >= 0; i--) {
                    best[i] = Math.max(run[i], best[i + 1]);
                }
                return best;
            });
            int slot = free.slotFloor(from);
            return slot >= 0 && slot < longest.length && longest[slot] >= hoursNeeded;
        }
    }
}
