package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The on-demand side of the inventory, shared by every consumer that needs no plan (HyperPod groups, training
 * jobs): a zone with room from now on (for as long as plans reach, or until a known end), beside every hold, and
 * open-ended holds released by their owner.
 */
public final class OnDemandCapacity {

    /** On-demand use is open-ended; it ends when its owner releases it. */
    public static final long OPEN_END = Instant.parse("9999-01-01T00:00:00Z").toEpochMilli();
    /** How far ahead on-demand use must find room: as far as plans can be bought and last. */
    private static final Duration HORIZON = Duration.ofDays(56 + 182 + 2);

    /** What a request has placed already and is not held yet: {@code count} of {@code pool} in {@code zone}. */
    public record Placed(String zone, String pool, int count) {
    }

    private final CapacityHolds holds;

    public OnDemandCapacity(CapacityHolds holds) {
        this.holds = holds;
    }

    /** The first zone (by name) with room for {@code count} more of {@code pool} from now on; null: none. */
    public String zoneFor(Sql sql, String region, CapacityInventory inv, String pool, int count, long now,
                          List<Placed> placedInThisRequest) throws SQLException {
        return zoneFor(sql, region, inv, pool, count, now, now + HORIZON.toMillis(), placedInThisRequest);
    }

    /** The first zone (by name) with room for {@code count} more of {@code pool} from now until {@code until}. */
    public String zoneFor(Sql sql, String region, CapacityInventory inv, String pool, int count, long now, long until,
                          List<Placed> placedInThisRequest) throws SQLException {
        if (count == 0) {
            return firstZone(inv, region);
        }
        for (String zone : inv.region(region).keySet()) {
            int alsoHere = placedInThisRequest.stream().filter(p -> zone.equals(p.zone()) && pool.equals(p.pool()))
                    .mapToInt(Placed::count).sum();
            if (fits(sql, region, inv, zone, pool, count + alsoHere, now, until)) {
                return zone;
            }
        }
        return null;
    }

    public boolean fits(Sql sql, String region, CapacityInventory inv, String zone, String pool, int count, long now)
            throws SQLException {
        return fits(sql, region, inv, zone, pool, count, now, now + HORIZON.toMillis());
    }

    private boolean fits(Sql sql, String region, CapacityInventory inv, String zone, String pool, int count, long now,
                         long until) throws SQLException {
        return OfferingSearch.fits(new OfferingSearch.FreeCapacityInputs(inv.windows(region, zone, pool),
                holds.of(sql, region, zone, pool, now, now)), count, Instant.ofEpochMilli(now), Instant.ofEpochMilli(until));
    }

    public static String firstZone(CapacityInventory inv, String region) {
        return inv.region(region).keySet().iterator().next();
    }

    /** Holds {@code count} of {@code pool} in {@code zone} from {@code now} until its owner releases it. */
    public void hold(Sql sql, HoldOwner owner, String region, String zone, String pool, int count, long now)
            throws SQLException {
        holds.insert(sql, owner, region, zone, pool, count, now, OPEN_END, null);
    }

    /** Holds {@code count} of {@code pool} in {@code zone} from {@code now} until {@code until}, a known end. */
    public void holdUntil(Sql sql, HoldOwner owner, String region, String zone, String pool, int count, long now,
                          long until) throws SQLException {
        holds.insert(sql, owner, region, zone, pool, count, now, until, null);
    }

    public void release(Sql sql, HoldOwner owner, long at) throws SQLException {
        holds.release(sql, owner, at);
    }
}
