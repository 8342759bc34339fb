package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.OfferingSearch;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where on-demand groups find room: a zone with the free capacity from now on, beside every hold. */
final class OnDemandPlacement {

    /** How far ahead an on-demand group must find room: as far as plans can be bought and last. */
    private static final Duration HORIZON = Duration.ofDays(56 + 182 + 2);

    private final CapacityHolds holds;

    OnDemandPlacement(CapacityHolds holds) {
        this.holds = holds;
    }

    /** The first zone (by name) with room for {@code count} more instances from now on; null: none. */
    String zoneFor(Sql sql, String region, CapacityInventory inv, String type, int count, long now,
                   List<GroupFacts> placedInThisRequest) throws SQLException {
        if (count == 0) {
            return firstZone(inv, region);
        }
        for (String zone : inv.region(region).keySet()) {
            int alsoHere = placedInThisRequest.stream().filter(g -> zone.equals(g.zone()) && type.equals(g.instanceType())
                    && g.onDemand()).mapToInt(GroupFacts::targetCount).sum();
            if (fits(sql, region, inv, zone, type, count + alsoHere, now)) {
                return zone;
            }
        }
        return null;
    }

    boolean fits(Sql sql, String region, CapacityInventory inv, String zone, String type, int count, long now)
            throws SQLException {
        Instant start = Instant.ofEpochMilli(now);
        return OfferingSearch.fits(new OfferingSearch.FreeCapacityInputs(inv.windows(region, zone, type),
                holds.of(sql, region, zone, type, now, now)), count, start, start.plus(HORIZON));
    }

    static String firstZone(CapacityInventory inv, String region) {
        return inv.region(region).keySet().iterator().next();
    }
}
