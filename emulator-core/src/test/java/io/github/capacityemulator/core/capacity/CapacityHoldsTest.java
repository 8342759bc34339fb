package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Store;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds are released by their owner's columns: another part or another owner with a similar id keeps its hold. */
class CapacityHoldsTest {

    private final CapacityHolds holds = new CapacityHolds();

    private int held(Store store, long at) {
        return store.read(sql -> holds.of(sql, "us-east-1", "us-east-1a", "ml.t3.medium", 0, at)).stream()
                .mapToInt(CapacityHold::units).sum();
    }

    private long version(Store store, String region) {
        return store.read(sql -> holds.version(sql, region));
    }

    @Test
    void releasingAnOwnerReleasesOnlyItsHolds() {
        try (Store store = Store.inMemory(List.of(new CapacitySchema()))) {
            store.write(sql -> {
                holds.insert(sql, new HoldOwner("cluster-group", "arn:c1", "g"), "us-east-1", "us-east-1a", "ml.t3.medium",
                        1, 0, OnDemandCapacity.OPEN_END, null);
                holds.insert(sql, new HoldOwner("cluster-group", "arn:c1", "g2"), "us-east-1", "us-east-1a", "ml.t3.medium",
                        2, 0, OnDemandCapacity.OPEN_END, null);
                holds.insert(sql, new HoldOwner("cluster-group", "arn:c10", "g"), "us-east-1", "us-east-1a", "ml.t3.medium",
                        4, 0, OnDemandCapacity.OPEN_END, null);
                holds.release(sql, new HoldOwner("cluster-group", "arn:c1", "g"), 100);
                return null;
            });
            assertThat(held(store, 99)).isEqualTo(7);
            assertThat(held(store, 100)).isEqualTo(6);
        }
    }

    @Test
    void theRegionsPurchaseCounterMoves() {
        try (Store store = Store.inMemory(List.of(new CapacitySchema()))) {
            assertThat(version(store, "us-east-1")).isZero();
            store.write(sql -> {
                holds.bumpVersion(sql, "us-east-1");
                holds.bumpVersion(sql, "us-east-1");
                return null;
            });
            assertThat(version(store, "us-east-1")).isEqualTo(2);
            assertThat(version(store, "eu-west-1")).isZero();
        }
    }
}
