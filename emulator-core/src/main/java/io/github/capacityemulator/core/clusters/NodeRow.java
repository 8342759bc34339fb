package io.github.capacityemulator.core.clusters;

/**
 * One HyperPod instance and the times that make up its status (epoch millis; null: not happened).
 * It exists from {@code launchAt} until {@code removedAt}.
 *
 * @param blockArn      the reserved capacity whose block the node lives in (null for on-demand nodes)
 * @param endsWithBlock its shutdown is its block's end, which moves when the plan is extended
 * @param replacedBy    the node scheduled to replace it after a failure (cancelled if it is rebooted,
 *                      replaced or deleted first)
 */
public record NodeRow(String instanceId, String clusterArn, String groupName, String logicalId, String instanceType,
                      String blockArn, String zone, long launchAt, long pendingUntil, Long failedAt, Long shutdownAt,
                      Long removedAt, boolean endsWithBlock, String replacedBy) {

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

    /** Shut down at {@code at} and gone at {@code removed}, whatever its block does. */
    NodeRow shutDown(long at, long removed) {
        return new NodeRow(instanceId, clusterArn, groupName, logicalId, instanceType, blockArn, zone, launchAt,
                pendingUntil, failedAt, at, removed, false, replacedBy);
    }

    /** Rebooted: Pending until {@code until}, no longer failed, and kept (its scheduled replacement is cancelled). */
    NodeRow rebooted(long until, Long blockShutdown, Long blockRemoved) {
        boolean onBlock = blockArn != null;
        return new NodeRow(instanceId, clusterArn, groupName, logicalId, instanceType, blockArn, zone, launchAt, until,
                null, onBlock ? blockShutdown : null, onBlock ? blockRemoved : null, onBlock, null);
    }

    /** Pending again until {@code until} (a reboot), everything else as it was. */
    NodeRow pendingUntil(long until) {
        return new NodeRow(instanceId, clusterArn, groupName, logicalId, instanceType, blockArn, zone, launchAt, until,
                null, shutdownAt, removedAt, endsWithBlock, null);
    }

    NodeRow failed(long at, String replacement, Long shutdown, Long removed) {
        return new NodeRow(instanceId, clusterArn, groupName, logicalId, instanceType, blockArn, zone, launchAt,
                pendingUntil, at, shutdown, removed, replacement == null && endsWithBlock, replacement);
    }
}
