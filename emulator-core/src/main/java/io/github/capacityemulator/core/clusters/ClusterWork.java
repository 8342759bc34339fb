package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.OnDemandCapacity;

import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.store.Store;

/** What the operations that change clusters work with: the store, the clock, capacity, and the cluster rules. */
record ClusterWork(Store store, EmulatorClock clock, InventorySource inventory, ClusterSettings settings,
                   ClusterRepository clusters, GroupRules rules, ClusterQuotas quotas, OnDemandCapacity placement,
                   NodeFleet fleet) {
}
