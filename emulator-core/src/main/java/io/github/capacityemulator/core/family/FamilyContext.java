package io.github.capacityemulator.core.family;

import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.capacity.InventorySource;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.store.Store;

import java.util.List;

/**
 * The shared machinery a family is given when it registers: the store, the clock, the capacity inventory and its
 * holds, where plans meet the consumers of their reserved capacity, page tokens, and every family's taggable kinds.
 */
public record FamilyContext(Store store, EmulatorClock clock, InventorySource inventory, CapacityHolds holds,
                            ReservedCapacity reservedCapacity, PageTokens tokens, List<TaggableKind> taggableKinds) {

    public FamilyContext {
        taggableKinds = List.copyOf(taggableKinds);
    }
}
