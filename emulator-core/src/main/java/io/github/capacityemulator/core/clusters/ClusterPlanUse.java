package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.ReservedBlock;
import io.github.capacityemulator.core.capacity.ReservedCapacityConsumer;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;

/**
 * HyperPod instance groups as consumers of plans: live clusters' groups on a plan claim their target counts, and
 * use that much of the block that is active.
 */
final class ClusterPlanUse implements ReservedCapacityConsumer {

    private final ClusterRepository clusters;

    ClusterPlanUse(ClusterRepository clusters) {
        this.clusters = clusters;
    }

    @Override
    public int claimed(Sql sql, String account, String region, String planArn, long now) throws SQLException {
        int sum = 0;
        for (ClusterFacts cluster : clusters.all(sql, account, region)) {
            if (!cluster.isLive(now)) {
                continue;
            }
            for (GroupFacts g : cluster.groups()) {
                if (planArn.equals(g.trainingPlanArn())) {
                    sum += g.targetCount();
                }
            }
        }
        return sum;
    }

    @Override
    public int inUse(Sql sql, String account, String region, String planArn, ReservedBlock block, long now)
            throws SQLException {
        return block.isActive() ? claimed(sql, account, region, planArn, now) : 0;
    }
}
