package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.ReservedBlock;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.lifecycle.DueTransitions;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Nodes of plan groups appear at a block's start and go at its (possibly extended) end: on every access,
 * block-tied nodes move to their block's current end, and each group is topped up to its target for the active
 * block, with ids derived from (cluster, group, block, slot) so that they are the same whichever read comes first.
 */
final class PlanNodes implements DueTransitions<ClusterFacts> {

    private final NodeFleet fleet;
    private final ReservedCapacity plans;
    private final ClusterSettings settings;

    PlanNodes(NodeFleet fleet, ReservedCapacity plans, ClusterSettings settings) {
        this.fleet = fleet;
        this.plans = plans;
        this.settings = settings;
    }

    @Override
    public void materialise(Sql sql, ClusterFacts cluster, long now) throws SQLException {
        if (cluster.failedAt() != null) {
            return;
        }
        String[] arn = cluster.arn().split(":");
        String region = arn[3];
        String account = arn[4];
        boolean deleting = cluster.status(now).equals(ClusterFacts.DELETING);
        NodeRepository nodes = fleet.nodes();
        for (GroupFacts g : cluster.groups()) {
            if (g.onDemand()) {
                continue;
            }
            Optional<ReservedPlan> plan = plans.plan(sql, account, region, g.trainingPlanArn(), now);
            if (plan.isEmpty()) {
                continue;
            }
            for (ReservedBlock b : plan.get().blocks()) {
                if (b.status().equals("Failed") || b.status().equals("Pending")) {
                    continue;
                }
                nodes.moveBlockEnd(sql, cluster.arn(), b.arn(), b.end(), b.end() + settings.deleteDelay().toMillis());
                if (deleting || b.start() > now || now >= b.end()) {
                    continue;
                }
                int alive = nodes.aliveOnBlock(sql, cluster.arn(), g.name(), b.arn());
                if (alive < g.targetCount()) {
                    int ever = nodes.everOnBlock(sql, cluster.arn(), g.name(), b.arn());
                    // The first nodes of a block came with it; later ones (a group grown) come now.
                    long launch = ever == 0 ? Math.max(b.start(), g.createdAt()) : now;
                    long ready = Math.max(cluster.readyAt(), launch + settings.nodeReplaceDelay().toMillis());
                    fleet.addNodes(sql, account, region, cluster, g.inZone(b.zone()), g.targetCount() - alive, b.arn(),
                            ever, launch, ready, b.end());
                }
            }
        }
    }
}
