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
     * An extension of the block: bought at {@code knownFrom}, from {@code start} to {@code end}, revoked at a time.
     * It counts only after the instant of its purchase: what was decided at that instant (an interruption, a
     * failure) had been shown before the purchase and stands.
     */
    public record Prolongation(long knownFrom, long start, long end, long revokedAt) {

        /** Never revoked: its payment went through or is still being collected. */
        public static final long NEVER = Long.MAX_VALUE;

        boolean countsAt(long t) {
            return knownFrom < t && t < revokedAt;
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

    /** Its end as it stood at {@code t}: prolonged by the unbroken chain of extensions that counted then. */
    public long endAt(long t) {
        long at = baseEnd;
        for (Prolongation p : prolongations.stream().sorted(Comparator.comparingLong(Prolongation::start)).toList()) {
            if (p.start() == at && p.countsAt(t)) {
                at = p.end();
            }
        }
        return at;
    }

    /** The times after which {@link #endAt} may give another answer. */
    public List<Long> endChanges() {
        return prolongations.stream().flatMap(p -> Stream.of(p.knownFrom() + 1, p.revokedAt()))
                .filter(x -> x != Prolongation.NEVER).toList();
    }
}
