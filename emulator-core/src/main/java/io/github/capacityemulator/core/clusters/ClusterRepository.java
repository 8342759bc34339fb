package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.DueTransitions;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.tags.TagStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Clusters as stored (one row of facts each) and as found: a cluster is loaded with what its facts and the clock
 * say must exist by now ({@link DueTransitions}: the nodes of its plans' blocks), and one whose deletion has
 * finished is gone, its rows with it.
 */
final class ClusterRepository {

    static final ResourceTable<ClusterFacts> CLUSTERS = new ResourceTable<>("cluster", ClusterFacts.class);

    private final NodeRepository nodes;
    private final TagStore tags;
    private final DueTransitions<ClusterFacts> due;

    ClusterRepository(NodeRepository nodes, TagStore tags, DueTransitions<ClusterFacts> due) {
        this.nodes = nodes;
        this.tags = tags;
        this.due = due;
    }

    void insert(Sql sql, RequestContext ctx, ClusterFacts cluster) throws SQLException {
        CLUSTERS.insert(sql, ctx.account(), ctx.region(), cluster.name(), cluster.arn(), cluster.createdAt(), cluster);
    }

    void update(Sql sql, ClusterFacts cluster) throws SQLException {
        CLUSTERS.update(sql, cluster.arn(), cluster);
    }

    boolean exists(Sql sql, RequestContext ctx, String name) throws SQLException {
        return CLUSTERS.find(sql, ctx.account(), ctx.region(), name).isPresent();
    }

    /** Every stored cluster of the scope (gone ones included until purged), oldest first. */
    List<ClusterFacts> all(Sql sql, String account, String region) throws SQLException {
        return CLUSTERS.all(sql, account, region);
    }

    /** Clusters that hold instances at {@code now}. */
    List<ClusterFacts> live(Sql sql, RequestContext ctx, long now) throws SQLException {
        List<ClusterFacts> out = new ArrayList<>();
        for (ClusterFacts f : all(sql, ctx.account(), ctx.region())) {
            if (f.isLive(now)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Deleted clusters whose deletion has finished are gone: their rows and tags go too. */
    void purgeGone(Sql sql, RequestContext ctx, long now) throws SQLException {
        for (ClusterFacts f : all(sql, ctx.account(), ctx.region())) {
            if (f.isGone(now)) {
                CLUSTERS.delete(sql, f.arn());
                nodes.deleteCluster(sql, f.arn());
                tags.deleteAll(sql, ctx.account(), ctx.region(), f.arn());
            }
        }
    }

    /** The cluster named by a name or ARN, with what is due by now written. */
    ClusterFacts find(Sql sql, RequestContext ctx, String nameOrArn, long now) throws SQLException {
        ClusterFacts cluster = CLUSTERS.find(sql, ctx.account(), ctx.region(), nameOrArn)
                .filter(f -> !f.isGone(now))
                .orElseThrow(() -> new ResourceNotFound("Cluster '" + nameOrArn + "' does not exist."));
        due.materialise(sql, cluster, now);
        return cluster;
    }

    /** Writes what is due for a cluster just changed in this transaction. */
    void materialise(Sql sql, ClusterFacts cluster, long now) throws SQLException {
        due.materialise(sql, cluster, now);
    }
}
