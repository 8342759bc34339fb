package io.github.capacityemulator.core.clusters;

/** A transition of the cluster: its kind (the status it shows) from {@code start} until {@code end}. */
public record ClusterOperation(String status, long start, long end) {
}
