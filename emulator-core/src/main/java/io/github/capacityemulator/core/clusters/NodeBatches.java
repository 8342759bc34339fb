package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.clock.EmulatorClock;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.Store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BatchDeleteClusterNodes, BatchRebootClusterNodes and BatchReplaceClusterNodes (each id on its own: an entry in
 * the successful or the failed list), and the admin's node failure.
 */
final class NodeBatches {

    /** One batch operation's words and action. */
    record Kind(String notFound, String badStatus, String codeMember, Set<String> allowed, NodeAction action) {
    }

    @FunctionalInterface
    interface NodeAction {
        /** Does the action; answers true when the group's target count drops by one. */
        boolean apply(Sql sql, RequestContext ctx, NodeRow node, long now) throws SQLException;
    }

    /** The ids of a batch request. */
    record Ids(String clusterName, List<String> nodeIds, List<String> logicalIds) {
    }

    private final Store store;
    private final EmulatorClock clock;
    private final ClusterSettings settings;
    private final ClusterRepository clusters;
    private final NodeFleet fleet;

    NodeBatches(Store store, EmulatorClock clock, ClusterSettings settings, ClusterRepository clusters, NodeFleet fleet) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.clusters = clusters;
        this.fleet = fleet;
    }

    Kind delete() {
        return new Kind("NodeIdNotFound", "InvalidNodeStatus", "Code", Set.of("Running", "Failure", "Pending"),
                (sql, ctx, n, now) -> {
                    fleet.cancelReplacement(sql, n, now);
                    fleet.nodes().update(sql, n.shutDown(now, now + settings.deleteDelay().toMillis()));
                    return true;
                });
    }

    Kind reboot() {
        return new Kind("InstanceIdNotFound", "InvalidInstanceStatus", "ErrorCode", Set.of("Running", "Failure"),
                (sql, ctx, n, now) -> {
                    boolean hadReplacement = fleet.cancelReplacement(sql, n, now);
                    long until = now + settings.nodeReplaceDelay().toMillis();
                    fleet.nodes().update(sql, hadReplacement ? n.rebooted(until, null, null) : n.pendingUntil(until));
                    return false;
                });
    }

    Kind replace() {
        return new Kind("InstanceIdNotFound", "InvalidInstanceStatus", "ErrorCode", Set.of("Running", "Failure"),
                (sql, ctx, n, now) -> {
                    fleet.replace(sql, ctx.account(), ctx.region(), n, now, now + settings.nodeReplaceDelay().toMillis());
                    fleet.nodes().update(sql, n.shutDown(now, now + settings.deleteDelay().toMillis()));
                    return false;
                });
    }

    JsonNode run(RequestContext ctx, Ids in, Kind kind) {
        long now = clock.now().toEpochMilli();
        if (in.nodeIds() == null && in.logicalIds() == null) {
            throw new ValidationException("Specify NodeIds or NodeLogicalIds.");
        }
        return store.write(sql -> {
            ClusterFacts cluster = clusters.find(sql, ctx, in.clusterName(), now);
            String status = cluster.status(now);
            if (!status.equals(ClusterFacts.IN_SERVICE)) {
                throw new ValidationException("Cluster " + cluster.name() + " is " + status
                        + ": nodes can be changed only while it is InService.");
            }
            ObjectNode out = ClusterJson.object();
            Map<String, Integer> drops = new HashMap<>();
            for (boolean logical : new boolean[] {false, true}) {
                List<String> ids = logical ? in.logicalIds() : in.nodeIds();
                if (ids == null) {
                    continue;
                }
                // The model gives both lists a minimum of one item: an empty one is left out.
                ArrayNode ok = ClusterJson.object().arrayNode();
                ArrayNode failed = ClusterJson.object().arrayNode();
                String idMember = logical ? "NodeLogicalId" : "NodeId";
                Set<String> done = new HashSet<>();
                for (String id : ids) {
                    if (!done.add(id)) {
                        continue;
                    }
                    Optional<NodeRow> found = logical ? fleet.nodes().byLogicalId(sql, cluster.arn(), id, now)
                            : fleet.nodes().byId(sql, cluster.arn(), id, now);
                    String nodeStatus = found.map(n -> n.status(now, status)).orElse(null);
                    if (found.isEmpty()) {
                        failed.addObject().put(kind.codeMember(), kind.notFound())
                                .put("Message", "Node " + id + " does not exist in cluster " + cluster.name() + ".")
                                .put(idMember, id);
                    } else if (!kind.allowed().contains(nodeStatus)) {
                        failed.addObject().put(kind.codeMember(), kind.badStatus())
                                .put("Message", "Node " + id + " is " + nodeStatus + "; the operation needs it "
                                        + String.join(" or ", kind.allowed().stream().sorted().toList()) + ".")
                                .put(idMember, id);
                    } else {
                        if (kind.action().apply(sql, ctx, found.get(), now)) {
                            drops.merge(found.get().groupName(), 1, Integer::sum);
                        }
                        ok.add(id);
                    }
                }
                if (!ok.isEmpty()) {
                    out.set(logical ? "SuccessfulNodeLogicalIds" : "Successful", ok);
                }
                if (!failed.isEmpty()) {
                    out.set(logical ? "FailedNodeLogicalIds" : "Failed", failed);
                }
            }
            if (!drops.isEmpty()) {
                lowerTargets(sql, ctx, cluster, drops, now);
            }
            return out;
        });
    }

    /**
     * Deleted nodes lower their groups' targets; on-demand groups hold that much less, once the deleted nodes have
     * shut down.
     */
    private void lowerTargets(Sql sql, RequestContext ctx, ClusterFacts cluster, Map<String, Integer> drops, long now)
            throws SQLException {
        List<GroupFacts> groups = new ArrayList<>();
        for (GroupFacts g : cluster.groups()) {
            GroupFacts next = g.withTarget(Math.max(0, g.targetCount() - drops.getOrDefault(g.name(), 0)));
            if (next.targetCount() != g.targetCount() && g.onDemand()) {
                fleet.releaseHold(sql, cluster.arn(), g.name(), now);
                fleet.holdOnDemand(sql, ctx.region(), cluster.arn(), next, now);
                fleet.holdWhileLeaving(sql, ctx.region(), cluster.arn(), g, g.targetCount() - next.targetCount(), now,
                        now + settings.deleteDelay().toMillis());
            }
            groups.add(next);
        }
        clusters.update(sql, cluster.with(groups, null));
    }

    /** Puts a node in Failure; with automatic recovery it is replaced after the replacement delay. */
    JsonNode failNode(String instanceId) {
        long now = clock.now().toEpochMilli();
        return store.write(sql -> {
            NodeRepository.Located located = fleet.nodes().locate(sql, instanceId).filter(l -> l.node().visibleAt(now))
                    .orElseThrow(() -> new IllegalArgumentException("no node " + instanceId));
            RequestContext ctx = new RequestContext(located.account(), located.region(), "admin");
            ClusterFacts cluster = clusters.find(sql, ctx, located.node().clusterArn(), now);
            NodeRow n = located.node();
            String status = n.status(now, cluster.status(now));
            if (status.equals("Failure") || status.equals("ShuttingDown")) {
                throw new IllegalArgumentException("node " + instanceId + " is " + status + " already");
            }
            ObjectNode out = ClusterJson.object().put("instanceId", instanceId).put("status", "Failure");
            if (cluster.nodeRecoveryAutomatic()) {
                long at = now + settings.nodeReplaceDelay().toMillis();
                NodeRow replacement = fleet.replace(sql, ctx.account(), ctx.region(), n, at, at);
                fleet.nodes().update(sql, n.failed(now, replacement.instanceId(), at, at + settings.deleteDelay().toMillis()));
                out.put("replacedAt", Instant.ofEpochMilli(at).toString());
            } else {
                fleet.nodes().update(sql, n.failed(now, null, n.shutdownAt(), n.removedAt()));
            }
            return out;
        });
    }
}
