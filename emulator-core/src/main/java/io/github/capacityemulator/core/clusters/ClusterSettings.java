package io.github.capacityemulator.core.clusters;

import java.time.Duration;

/**
 * Tunables of the HyperPod model: how long each transition takes in clock time, and the account-level
 * quotas on instances.
 */
public record ClusterSettings(Duration createDelay, Duration updateDelay, Duration softwareUpdateDelay,
                              Duration deleteDelay, Duration nodeReplaceDelay, int maxInstancesPerCluster,
                              int maxInstancesAcrossClusters, int maxInstancesPerType) {

    public static ClusterSettings defaults() {
        return new ClusterSettings(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(3),
                Duration.ofMinutes(2), Duration.ofMinutes(3), 2500, 5000, 2500);
    }
}
