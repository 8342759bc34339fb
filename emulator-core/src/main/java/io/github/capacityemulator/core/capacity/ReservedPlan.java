package io.github.capacityemulator.core.capacity;

import java.util.List;

/**
 * A training plan as the consumers of its reserved capacity see it at a given time.
 *
 * @param usableInstances instances consumers may use in a block: per block, less UltraServer spares
 * @param claimed         instances the account's consumers have claimed of it (summed over every kind)
 */
public record ReservedPlan(String name, String arn, String status, List<String> targetResources, String instanceType,
                           int usableInstances, int claimed, List<ReservedBlock> blocks) {

    public ReservedPlan {
        targetResources = List.copyOf(targetResources);
        blocks = List.copyOf(blocks);
    }

    public boolean targets(String resource) {
        return targetResources.contains(resource);
    }
}
