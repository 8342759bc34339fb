package io.github.capacityemulator.core.clusters;

/**
 * One HyperPod instance and the times that make up its status (epoch millis; null: not happened).
 * It exists from {@code launchAt} until {@code removedAt}.
 *
 * @param blockArn the reserved capacity whose block the node lives in (null for on-demand nodes)
 */
public record NodeRow(String instanceId, String clusterArn, String groupName, String logicalId, String blockArn,
                      String zone, long launchAt, long pendingUntil, Long failedAt, Long shutdownAt, Long removedAt) {

    public boolean visibleAt(long now) {
        return launchAt <= now && (removedAt == null || now < removedAt);
    }

    /** The instance status at {@code now}, given the cluster's status. */
    public String status(long now, String clusterStatus) {
        if (shutdownAt != null && now >= shutdownAt) {
            return "ShuttingDown";
        }
        if (failedAt != null && now >= failedAt) {
            return "Failure";
        }
        if (now < pendingUntil) {
            return "Pending";
        }
        return "SystemUpdating".equals(clusterStatus) ? "SystemUpdating" : "Running";
    }
}
