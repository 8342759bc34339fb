package io.github.capacityemulator.core.plans;

import java.util.List;

/**
 * What a HyperPod instance group needs to know of its training plan at a given time.
 *
 * @param capacityForClusters instances clusters may use: per block, less UltraServer spares
 * @param targetsInUse        instances the account's live clusters already ask of it
 */
public record PlanLink(String name, String arn, String status, List<String> targetResources, String instanceType,
                       int capacityForClusters, int targetsInUse, List<Block> blocks) {

    /** A block with its current end and status. */
    public record Block(String arn, String zone, long start, long end, String status) {
    }
}
