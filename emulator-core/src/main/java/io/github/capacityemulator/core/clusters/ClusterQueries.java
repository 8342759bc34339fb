package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.capacity.Zones;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.paging.PageSizes;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.requests.DescribeClusterNodeRequest;
import io.github.capacityemulator.core.requests.DescribeClusterRequest;
import io.github.capacityemulator.core.requests.ListClusterNodesRequest;
import io.github.capacityemulator.core.requests.ListClustersRequest;
import io.github.capacityemulator.core.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeCluster, ListClusters, ListClusterNodes and DescribeClusterNode. Both lists sort Ascending unless asked
 * otherwise, as the model documents.
 */
final class ClusterQueries {

    private static final String INVALID_TOKEN = "Invalid pagination token given. Use the NextToken from the previous response.";

    private final Store store;
    private final EmulatorClock clock;
    private final PageTokens tokens;
    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final ReservedCapacity plans;

    ClusterQueries(Store store, EmulatorClock clock, PageTokens tokens, ClusterRepository clusters, NodeRepository nodes,
                   ReservedCapacity plans) {
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.clusters = clusters;
        this.nodes = nodes;
        this.plans = plans;
    }

    private static boolean ascending(String sortOrder) {
        return !"Descending".equals(sortOrder);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    JsonNode describe(RequestContext ctx, DescribeClusterRequest in) {
        long now = clock.now().toEpochMilli();
        return store.write(sql -> {
            ClusterFacts cluster = clusters.find(sql, ctx, in.clusterName(), now);
            String status = cluster.status(now);
            List<ObjectNode> groups = new ArrayList<>();
            for (GroupFacts g : cluster.groups()) {
                ReservedPlan plan = g.onDemand() ? null
                        : plans.plan(sql, ctx.account(), ctx.region(), g.trainingPlanArn(), now).orElse(null);
                groups.add(ClusterJson.group(g, status, nodes.countActive(sql, cluster.arn(), g.name(), now),
                        plan == null ? null : plan.status()));
            }
            return ClusterJson.describe(cluster, now, groups);
        });
    }

    JsonNode list(RequestContext ctx, ListClustersRequest in) {
        long now = clock.now().toEpochMilli();
        Long after = millis(in.creationTimeAfter());
        Long before = millis(in.creationTimeBefore());
        String contains = in.nameContains();
        String planArn = in.trainingPlanArn();
        boolean byName = "NAME".equals(in.sortBy());
        boolean ascending = ascending(in.sortOrder());
        int max = PageSizes.of(in.maxResults());
        String operation = "ListClusters:" + byName + ascending + after + "/" + before + "/" + contains + "/" + planArn;
        List<String> token = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()) : null;
        if (token != null && token.size() != 2) {
            throw new ValidationException(INVALID_TOKEN);
        }
        return store.write(sql -> {
            clusters.purgeGone(sql, ctx, now);
            Comparator<List<String>> order = Comparator.comparing((List<String> k) -> k.get(0));
            if (!ascending) {
                order = order.reversed();
            }
            Comparator<List<String>> keys = order.thenComparing(k -> k.get(1));
            List<ClusterFacts> kept = new ArrayList<>();
            for (ClusterFacts f : clusters.all(sql, ctx.account(), ctx.region())) {
                if ((after == null || f.createdAt() > after) && (before == null || f.createdAt() < before)
                        && (contains == null || f.name().contains(contains))
                        && (planArn == null || f.groups().stream().anyMatch(g -> planArn.equals(g.trainingPlanArn())))) {
                    kept.add(f);
                }
            }
            kept.sort((a, b) -> keys.compare(key(a, byName), key(b, byName)));
            if (token != null) {
                kept.removeIf(f -> keys.compare(key(f, byName), token) <= 0);
            }
            ObjectNode out = ClusterJson.object();
            ArrayNode summaries = out.putArray("ClusterSummaries");
            kept.stream().limit(max).forEach(f -> summaries.add(ClusterJson.summary(f, now)));
            if (kept.size() > max) {
                out.put("NextToken", tokens.issue(ctx, operation, key(kept.get(max - 1), byName)));
            }
            return out;
        });
    }

    private static List<String> key(ClusterFacts f, boolean byName) {
        return List.of(byName ? f.name() : String.format("%020d", f.createdAt()), f.arn());
    }

    JsonNode listNodes(RequestContext ctx, ListClusterNodesRequest in) {
        long now = clock.now().toEpochMilli();
        boolean byName = "NAME".equals(in.sortBy());
        boolean ascending = ascending(in.sortOrder());
        int max = PageSizes.of(in.maxResults());
        boolean logicalIds = Boolean.TRUE.equals(in.includeNodeLogicalIds());
        Long after = millis(in.creationTimeAfter());
        Long before = millis(in.creationTimeBefore());
        return store.write(sql -> {
            ClusterFacts cluster = clusters.find(sql, ctx, in.clusterName(), now);
            String operation = "ListClusterNodes:" + cluster.arn() + "/" + byName + ascending + "/"
                    + (after == null ? "" : in.creationTimeAfter()) + "/" + (before == null ? "" : in.creationTimeBefore())
                    + "/" + (in.instanceGroupNameContains() == null ? "" : in.instanceGroupNameContains());
            List<String> from = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()) : null;
            if (from != null && (from.size() != 2 || (!byName && !from.get(0).matches("\\d{1,19}")))) {
                throw new ValidationException(INVALID_TOKEN);
            }
            List<NodeRow> rows = nodes.page(sql, new NodeRepository.PageQuery(cluster.arn(), now, after, before,
                    in.instanceGroupNameContains(), byName, ascending, from, max + 1));
            ObjectNode out = ClusterJson.object();
            ArrayNode list = out.putArray("ClusterNodeSummaries");
            rows.stream().limit(max).forEach(n -> list.add(ClusterJson.nodeSummary(cluster, n, now, logicalIds)));
            if (rows.size() > max) {
                NodeRow last = rows.get(max - 1);
                out.put("NextToken", tokens.issue(ctx, operation,
                        List.of(byName ? last.groupName() : Long.toString(last.launchAt()), last.instanceId())));
            }
            return out;
        });
    }

    JsonNode describeNode(RequestContext ctx, DescribeClusterNodeRequest in) {
        long now = clock.now().toEpochMilli();
        boolean byId = in.nodeId() != null;
        if (byId == (in.nodeLogicalId() != null)) {
            throw new ValidationException("Specify exactly one of NodeId or NodeLogicalId.");
        }
        String id = byId ? in.nodeId() : in.nodeLogicalId();
        return store.write(sql -> {
            ClusterFacts cluster = clusters.find(sql, ctx, in.clusterName(), now);
            NodeRow node = (byId ? nodes.byId(sql, cluster.arn(), id, now) : nodes.byLogicalId(sql, cluster.arn(), id, now))
                    .orElseThrow(() -> new ResourceNotFound("Node " + id + " does not exist in cluster " + cluster.name() + "."));
            return ClusterJson.object().set("NodeDetails", ClusterJson.nodeDetails(cluster, node,
                    cluster.group(node.groupName()), now, Zones.idOf(node.zone())));
        });
    }
}
