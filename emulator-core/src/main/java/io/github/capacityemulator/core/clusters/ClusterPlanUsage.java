package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.plans.InstanceUsage;
import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.StoredResource;

import java.sql.Connection;
import java.sql.SQLException;

/** Feeds training plans the instances that live clusters' groups ask of them. */
public final class ClusterPlanUsage implements InstanceUsage {

    private final ResourceTable clusters;

    public ClusterPlanUsage(ResourceTable clusters) {
        this.clusters = clusters;
    }

    @Override
    public int targetsOnPlan(Connection c, String account, String region, String planArn, long now) throws SQLException {
        int sum = 0;
        for (StoredResource r : clusters.all(c, account, region)) {
            ClusterFacts cluster = JsonBodies.read(r.body(), ClusterFacts.class);
            if (cluster.isGone(now) || cluster.failedAt() != null) {
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
}
