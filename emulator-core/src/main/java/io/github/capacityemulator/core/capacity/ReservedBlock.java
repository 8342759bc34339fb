package io.github.capacityemulator.core.capacity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reserved capacity (a block of a plan) as its consumers see it: current end (extensions included) and status.
 * {@code baseEnd} and {@code prolongations} tell what its end was at any earlier time, for consumers that replay
 * the past (an extension counts from its purchase, and no longer once its payment has failed).
 */
public record ReservedBlock(String arn, String zone, long start, long end, String status, long baseEnd,
                            List<Prolongation> prolongations) {

    public static final String ACTIVE = "Active";

    /**
     * An extension of the block: bought at {@code knownFrom} (its place among that millisecond's facts:
     * {@code sequence}), from {@code start} to {@code end}, revoked at a time (its payment failed).
     */
    public record Prolongation(long knownFrom, long sequence, long start, long end, long revokedAt) {

        /** Never revoked: its payment went through or is still being collected. */
        public static final long NEVER = Long.MAX_VALUE;

        /** Whether it counts at {@code t} for what was accepted up to {@code acceptedUpTo} in that millisecond. */
        boolean countsAt(long t, long acceptedUpTo) {
            return (knownFrom < t || knownFrom == t && sequence <= acceptedUpTo) && t < revokedAt;
        }
    }

    public ReservedBlock {
        prolongations = List.copyOf(prolongations);
    }

    /** A block that was never extended. */
    public ReservedBlock(String arn, String zone, long start, long end, String status) {
        this(arn, zone, start, end, status, end, List.of());
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** Its end as it stood after {@code t}: every extension bought by then counts, unless refused. */
    public long endAt(long t) {
        return endAt(t, Long.MAX_VALUE);
    }

    /**
     * Its end at {@code t} as seen by what was accepted up to {@code acceptedUpTo} in that millisecond (an
     * extension bought later in it does not count yet; {@link Long#MIN_VALUE}: before every fact of {@code t}).
     */
    public long endAt(long t, long acceptedUpTo) {
        long at = baseEnd;
        for (Prolongation p : prolongations.stream().sorted(Comparator.comparingLong(Prolongation::start)).toList()) {
            if (p.start() == at && p.countsAt(t, acceptedUpTo)) {
                at = p.end();
            }
        }
        return at;
    }

    /** The times after which {@link #endAt} may give another answer. */
    public List<Long> endChanges() {
        return prolongations.stream().flatMap(p -> Stream.of(p.knownFrom(), p.revokedAt()))
                .filter(x -> x != Prolongation.NEVER).toList();
    }
}
