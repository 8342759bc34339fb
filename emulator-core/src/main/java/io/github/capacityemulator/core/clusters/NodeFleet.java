package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.HoldOwner;
import io.github.capacityemulator.core.capacity.OnDemandCapacity;
import io.github.capacityemulator.core.lifecycle.StableIds;
import io.github.capacityemulator.core.store.Sql;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The nodes of groups and what they hold: adding nodes (stable ids for nodes of a plan block), replacing,
 * shutting down and resizing groups, and the open-ended on-demand capacity holds of groups.
 */
final class NodeFleet {

    static final String GROUP_HOLD = "cluster-group";
    /** Instances of a group's nodes that are shutting down, held until the nodes are gone. */
    static final String LEAVING_HOLD = "cluster-nodes-leaving";

    private final NodeRepository nodes;
    private final OnDemandCapacity onDemand;
    private final ClusterSettings settings;
    private final SecureRandom random = new SecureRandom();

    NodeFleet(NodeRepository nodes, OnDemandCapacity onDemand, ClusterSettings settings) {
        this.nodes = nodes;
        this.onDemand = onDemand;
        this.settings = settings;
    }

    NodeRepository nodes() {
        return nodes;
    }

    private static HoldOwner owner(String clusterArn, String group) {
        return new HoldOwner(GROUP_HOLD, clusterArn, group);
    }

    void holdOnDemand(Sql sql, String region, String clusterArn, GroupFacts g, long now) throws SQLException {
        onDemand.hold(sql, owner(clusterArn, g.name()), region, g.zone(), g.instanceType(), g.targetCount(), now);
    }

    void releaseHold(Sql sql, String clusterArn, String group, long at) throws SQLException {
        onDemand.release(sql, owner(clusterArn, group), at);
    }

    /**
     * Adds {@code count} nodes to a group, Pending until {@code readyAt}. Nodes of a block get ids derived from
     * (cluster, group, block, slot), numbered from {@code firstSlot}, and end with the block.
     */
    void addNodes(Sql sql, String account, String region, ClusterFacts cluster, GroupFacts g, int count, String blockArn,
                  int firstSlot, long launchAt, long readyAt, Long blockEnd) throws SQLException {
        for (int i = 0; i < count; i++) {
            String seed = blockArn != null ? blockArn + "/" + (firstSlot + i) : launchAt + "/" + i + "/" + random.nextLong();
            String hex = HexFormat.of().formatHex(StableIds.digest(cluster.arn(), g.name(), seed));
            nodes.insert(sql, account, region, new NodeRow("i-" + hex.substring(0, 17), cluster.arn(), g.name(),
                    g.name() + "-" + hex.substring(17, 29), g.instanceType(), blockArn, g.zone(), launchAt, readyAt, null,
                    blockEnd, blockEnd == null ? null : blockEnd + settings.deleteDelay().toMillis(), blockArn != null, null));
        }
    }

    /** Swaps a node for a new one (a new id) that is Pending from {@code now} until {@code ready}. */
    NodeRow replace(Sql sql, String account, String region, NodeRow n, long now, long ready) throws SQLException {
        cancelReplacement(sql, n, now);
        String hex = StableIds.hex(n.instanceId(), "replaced", Long.toString(now));
        NodeRow fresh = new NodeRow("i-" + hex.substring(0, 17), n.clusterArn(), n.groupName(),
                n.groupName() + "-" + hex.substring(17, 29), n.instanceType(), n.blockArn(), n.zone(), now, ready, null,
                n.endsWithBlock() ? n.shutdownAt() : null, n.endsWithBlock() ? n.removedAt() : null, n.endsWithBlock(), null);
        nodes.insert(sql, account, region, fresh);
        return fresh;
    }

    /** Cancels the replacement a failure scheduled, if it has not come yet; answers whether there was one. */
    boolean cancelReplacement(Sql sql, NodeRow n, long now) throws SQLException {
        if (n.replacedBy() == null) {
            return false;
        }
        Optional<NodeRow> scheduled = nodes.anyTime(sql, n.replacedBy());
        if (scheduled.isPresent() && scheduled.get().launchAt() > now) {
            nodes.delete(sql, n.replacedBy());
        }
        return true;
    }

    /** Shuts down every node of a group that is not already, and releases the group's hold when they are gone. */
    void shutDownGroup(Sql sql, ClusterFacts cluster, GroupFacts g, long now, long removed) throws SQLException {
        for (NodeRow n : nodes.ofGroup(sql, cluster.arn(), g.name(), now)) {
            if (n.shutdownAt() == null || n.shutdownAt() > now) {
                cancelReplacement(sql, n, now);
                nodes.update(sql, n.shutDown(now, removed));
            }
        }
        releaseHold(sql, cluster.arn(), g.name(), removed);
    }

    /**
     * Brings a group's nodes and on-demand hold from {@code old} to {@code g} (null old: a new group). Plan groups
     * only shrink here; {@link PlanNodes} tops them up for the active block. Nodes that shut down keep their
     * instances until they are gone at {@code done}: an old source's through its own hold, released then by
     * {@link #shutDownGroup}; the same source's through a hold of their own.
     */
    void resize(Sql sql, String account, String region, ClusterFacts cluster, GroupFacts old, GroupFacts g, long now,
                long done) throws SQLException {
        boolean sameSource = old != null && Objects.equals(old.trainingPlanArn(), g.trainingPlanArn())
                && Objects.equals(old.instanceType(), g.instanceType());
        if (old != null && !sameSource) {
            shutDownGroup(sql, cluster, old, now, done);
        }
        List<NodeRow> current = sameSource ? nodes.ofGroup(sql, cluster.arn(), g.name(), now).stream()
                .filter(n -> n.shutdownAt() == null || n.shutdownAt() > now).toList() : List.of();
        int have = current.size();
        int leaving = Math.max(0, have - g.targetCount());
        for (NodeRow n : current.subList(0, leaving)) {
            nodes.update(sql, n.shutDown(now, done));
        }
        if (g.onDemand()) {
            if (sameSource) {
                releaseHold(sql, cluster.arn(), g.name(), now);
                holdWhileLeaving(sql, region, cluster.arn(), g, leaving, now, done);
            }
            holdOnDemand(sql, region, cluster.arn(), g, now);
        }
        if (g.onDemand() && g.targetCount() > have) {
            addNodes(sql, account, region, cluster, g, g.targetCount() - have, null, 0, now, done, null);
        }
    }

    /**
     * {@code count} nodes of an on-demand group shutting down from {@code now} keep their instances until they are
     * gone at {@code removedAt}, apart from the group's own hold (which follows its target count and is released
     * by group) so that no later change of the group gives them back early.
     */
    void holdWhileLeaving(Sql sql, String region, String clusterArn, GroupFacts g, int count, long now, long removedAt)
            throws SQLException {
        if (count > 0) {
            onDemand.holdUntil(sql, new HoldOwner(LEAVING_HOLD, clusterArn, g.name()), region, g.zone(),
                    g.instanceType(), count, now, removedAt);
        }
    }
}
