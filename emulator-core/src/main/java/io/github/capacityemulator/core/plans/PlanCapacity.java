package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.capacity.HoldOwner;
import io.github.capacityemulator.core.capacity.OfferingSearch;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.StoreException;

import java.sql.SQLException;
import java.time.Instant;

/** What plans take of the inventory: free capacity for a search, the re-check at purchase, and the holds. */
final class PlanCapacity {

    static final String BLOCK_HOLD = "reserved-capacity";
    static final String EXTENSION_HOLD = "plan-extension";

    private final CapacityHolds holds;

    PlanCapacity(CapacityHolds holds) {
        this.holds = holds;
    }

    CapacityHolds holds() {
        return holds;
    }

    OfferingSearch.FreeCapacityInputs inputsOf(Sql sql, String region, CapacityInventory inv, String zone, String pool,
                                               Instant origin, Instant now) {
        try {
            return new OfferingSearch.FreeCapacityInputs(inv.windows(region, zone, pool),
                    holds.of(sql, region, zone, pool, origin.toEpochMilli(), now.toEpochMilli()));
        } catch (SQLException e) {
            throw new StoreException("cannot read capacity holds", e);
        }
    }

    /** Re-checks, inside the purchase's transaction, that every block still fits what others hold. */
    void requireCapacity(Sql sql, String region, CapacityInventory inv, OfferingFacts offering, Instant now) {
        for (OfferingFacts.Block b : offering.blocks()) {
            Instant start = Instant.ofEpochMilli(b.start());
            OfferingSearch.FreeCapacityInputs in = inputsOf(sql, region, inv, b.zone(), offering.pool(), start, now);
            if (!OfferingSearch.fits(in, offering.unitsPerBlock(), start, Instant.ofEpochMilli(b.end()))) {
                String what = offering.extension() ? "Training plan extension offering " : "Training plan offering ";
                throw new ResourceNotFound(what + offering.id()
                        + " is no longer available: its capacity has been reserved by another purchase.");
            }
        }
    }

    /** Holds a bought block or extension; an unpaid one is released when its payment fails. */
    void hold(Sql sql, HoldOwner owner, String region, OfferingFacts offering, OfferingFacts.Block b, Long releasedAt)
            throws SQLException {
        holds.insert(sql, owner, region, b.zone(), offering.pool(), offering.unitsPerBlock(), b.start(), b.end(),
                releasedAt);
    }
}
