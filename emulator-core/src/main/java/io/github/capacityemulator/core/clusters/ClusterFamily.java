package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.OnDemandCapacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.family.FamilyContext;
import io.github.capacityemulator.core.family.HandlerTable;
import io.github.capacityemulator.core.family.OperationFamily;
import io.github.capacityemulator.core.family.TaggableKind;
import io.github.capacityemulator.core.requests.BatchDeleteClusterNodesRequest;
import io.github.capacityemulator.core.requests.BatchRebootClusterNodesRequest;
import io.github.capacityemulator.core.requests.BatchReplaceClusterNodesRequest;
import io.github.capacityemulator.core.requests.CreateClusterRequest;
import io.github.capacityemulator.core.requests.DeleteClusterRequest;
import io.github.capacityemulator.core.requests.DescribeClusterNodeRequest;
import io.github.capacityemulator.core.requests.DescribeClusterRequest;
import io.github.capacityemulator.core.requests.ListClusterNodesRequest;
import io.github.capacityemulator.core.requests.ListClustersRequest;
import io.github.capacityemulator.core.requests.UpdateClusterRequest;
import io.github.capacityemulator.core.requests.UpdateClusterSoftwareRequest;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.SqlDialect;
import io.github.capacityemulator.core.tags.TagStore;

import java.util.ArrayList;
import java.util.List;

/**
 * HyperPod clusters: the eleven cluster operations and the admin's node failure. Cluster and node statuses are
 * functions of stored transitions and the clock; groups on training plans consume their reserved capacity.
 */
public final class ClusterFamily implements OperationFamily {

    private final ClusterSettings settings;
    private NodeBatches batches;

    public ClusterFamily(ClusterSettings settings) {
        this.settings = settings;
    }

    @Override
    public String schemaName() {
        return "clusters";
    }

    @Override
    public List<Migration> migrations(SqlDialect dialect) {
        List<String> v1 = new ArrayList<>(ResourceTable.createTable(dialect, "cluster", 63, 256));
        return List.of(new Migration(1, v1), NodeRepository.migration(2));
    }

    @Override
    public List<String> stateTables() {
        return List.of("cluster", "cluster_node");
    }

    @Override
    public List<TaggableKind> taggableKinds() {
        return List.of((sql, account, region, arn, now) -> arn.startsWith("arn:")
                && ClusterRepository.CLUSTERS.find(sql, account, region, arn).filter(c -> !c.isGone(now)).isPresent());
    }

    @Override
    public void register(FamilyContext c, HandlerTable handlers) {
        TagStore tags = new TagStore();
        NodeRepository nodes = new NodeRepository();
        OnDemandCapacity placement = new OnDemandCapacity(c.holds());
        NodeFleet fleet = new NodeFleet(nodes, placement, settings);
        ClusterRepository clusters = new ClusterRepository(nodes, tags,
                new PlanNodes(fleet, c.reservedCapacity(), settings));
        c.reservedCapacity().addConsumer(new ClusterPlanUse(clusters));
        GroupRules rules = new GroupRules(c.reservedCapacity());
        ClusterQuotas quotas = new ClusterQuotas(settings);
        ClusterWork work = new ClusterWork(c.store(), c.clock(), c.inventory(), settings, clusters, rules, quotas,
                placement, fleet);
        ClusterCreation creation = new ClusterCreation(work, tags);
        ClusterChanges changes = new ClusterChanges(work);
        ClusterQueries queries = new ClusterQueries(c.store(), c.clock(), c.tokens(), clusters, nodes, c.reservedCapacity());
        batches = new NodeBatches(c.store(), c.clock(), settings, clusters, fleet);

        handlers.add("CreateCluster", (ctx, in) -> creation.create(ctx, CreateClusterRequest.from(in), in));
        handlers.add("UpdateCluster", (ctx, in) -> changes.update(ctx, UpdateClusterRequest.from(in), in));
        handlers.add("UpdateClusterSoftware", (ctx, in) -> changes.updateSoftware(ctx, UpdateClusterSoftwareRequest.from(in)));
        handlers.add("DeleteCluster", (ctx, in) -> changes.delete(ctx, DeleteClusterRequest.from(in)));
        handlers.add("DescribeCluster", (ctx, in) -> queries.describe(ctx, DescribeClusterRequest.from(in)));
        handlers.add("ListClusters", (ctx, in) -> queries.list(ctx, ListClustersRequest.from(in)));
        handlers.add("ListClusterNodes", (ctx, in) -> queries.listNodes(ctx, ListClusterNodesRequest.from(in)));
        handlers.add("DescribeClusterNode", (ctx, in) -> queries.describeNode(ctx, DescribeClusterNodeRequest.from(in)));
        handlers.add("BatchDeleteClusterNodes", (ctx, in) -> {
            BatchDeleteClusterNodesRequest r = BatchDeleteClusterNodesRequest.from(in);
            return batches.run(ctx, new NodeBatches.Ids(r.clusterName(), r.nodeIds(), r.nodeLogicalIds()), batches.delete());
        });
        handlers.add("BatchRebootClusterNodes", (ctx, in) -> {
            BatchRebootClusterNodesRequest r = BatchRebootClusterNodesRequest.from(in);
            return batches.run(ctx, new NodeBatches.Ids(r.clusterName(), r.nodeIds(), r.nodeLogicalIds()), batches.reboot());
        });
        handlers.add("BatchReplaceClusterNodes", (ctx, in) -> {
            BatchReplaceClusterNodesRequest r = BatchReplaceClusterNodesRequest.from(in);
            return batches.run(ctx, new NodeBatches.Ids(r.clusterName(), r.nodeIds(), r.nodeLogicalIds()), batches.replace());
        });
    }

    /** The admin's node failure: {@link IllegalArgumentException} for an unknown node or one failed already. */
    public JsonNode failNode(String instanceId) {
        return batches.failNode(instanceId);
    }
}
