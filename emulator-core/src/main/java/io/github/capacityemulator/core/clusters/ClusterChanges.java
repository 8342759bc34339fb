package io.github.capacityemulator.core.clusters;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.error.ConflictException;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.Transition;
import io.github.capacityemulator.core.requests.DeleteClusterRequest;
import io.github.capacityemulator.core.requests.UpdateClusterRequest;
import io.github.capacityemulator.core.requests.UpdateClusterSoftwareInstanceGroupSpecification;
import io.github.capacityemulator.core.requests.UpdateClusterSoftwareRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** UpdateCluster, UpdateClusterSoftware and DeleteCluster: each a transition of an InService cluster. */
final class ClusterChanges {

    /** Cluster-level members an update may change. */
    private static final List<String> UPDATABLE_ECHO = List.of("Orchestrator", "TieredStorageConfig",
            "NodeProvisioningMode", "ClusterRole");

    private final ClusterWork work;

    ClusterChanges(ClusterWork work) {
        this.work = work;
    }

    JsonNode update(RequestContext ctx, UpdateClusterRequest in, JsonNode raw) {
        long now = work.clock().now().toEpochMilli();
        GroupRules.checkOrchestrator(in.orchestrator());
        GroupRules.refuseRestrictedGroups(in.restrictedInstanceGroups(), in.restrictedInstanceGroupsConfig());
        List<GroupRequest> requests = GroupRequest.all(in.instanceGroups(), raw.get("InstanceGroups"));
        List<String> toDelete = in.instanceGroupsToDelete() == null ? List.of() : in.instanceGroupsToDelete();
        GroupRules.checkGroupNames(requests, toDelete);
        return work.store().write(sql -> {
            ClusterFacts cluster = work.clusters().find(sql, ctx, in.clusterName(), now);
            requireInService(cluster, "update", now);
            for (String name : toDelete) {
                if (cluster.group(name) == null) {
                    throw new ValidationException("Instance group " + name + " does not exist in cluster " + cluster.name() + ".");
                }
            }
            // What this request takes off a plan: its replaced groups' counts, and those of groups it deletes.
            Map<String, Integer> freed = new HashMap<>();
            for (GroupFacts g : cluster.groups()) {
                boolean respecified = requests.stream().anyMatch(r -> r.name().equals(g.name()));
                if (!g.onDemand() && (toDelete.contains(g.name()) || respecified)) {
                    freed.merge(g.trainingPlanArn(), g.targetCount(), Integer::sum);
                }
            }
            Map<String, GroupRules.Link> links = new HashMap<>();
            for (GroupRequest r : requests) {
                String plan = r.spec().trainingPlanArn();
                work.rules().checkGroup(sql, ctx, r, plan == null ? 0 : freed.getOrDefault(plan, 0), links, now);
            }
            List<GroupFacts> next = new ArrayList<>();
            for (GroupFacts g : cluster.groups()) {
                if (!toDelete.contains(g.name()) && requests.stream().noneMatch(r -> r.name().equals(g.name()))) {
                    next.add(g);
                }
            }
            for (GroupRequest r : requests) {
                GroupFacts existing = cluster.group(r.name());
                next.add(r.facts(existing == null ? null : existing.zone(), existing == null ? now : existing.createdAt()));
            }
            work.quotas().check(work.clusters().live(sql, ctx, now), cluster, next);

            long done = now + work.settings().updateDelay().toMillis();
            CapacityInventory inv = work.inventory().current().inventory();
            List<GroupFacts> placed = new ArrayList<>();
            List<GroupFacts> newlyPlaced = new ArrayList<>();
            for (GroupFacts g : next) {
                GroupFacts old = cluster.group(g.name());
                GroupRules.Link plan = links.get(g.name());
                String zone;
                if (plan != null) {
                    zone = plan.zone();
                } else if (!g.onDemand()) {
                    zone = g.zone();
                } else if (old != null && old.onDemand() && old.instanceType().equals(g.instanceType())) {
                    // The same on-demand group: it grows, if at all, in the zone it is in.
                    zone = old.zone();
                    int more = g.targetCount() - old.targetCount();
                    if (more > 0 && !work.placement().fits(sql, ctx.region(), inv, zone, g.instanceType(), more, now)) {
                        throw new ValidationException("Instance group " + g.name() + ": " + ClusterFacts.FAILURE_MESSAGE);
                    }
                } else {
                    // Only groups without a hold yet count beside the holds already stored.
                    zone = work.placement().zoneFor(sql, ctx.region(), inv, g.instanceType(), g.targetCount(), now,
                            ClusterCreation.placed(newlyPlaced));
                    if (zone == null) {
                        throw new ValidationException("Instance group " + g.name() + ": " + ClusterFacts.FAILURE_MESSAGE);
                    }
                    newlyPlaced.add(g.inZone(zone));
                }
                placed.add(g.inZone(zone));
            }
            ClusterFacts updated = cluster.with(placed, new Transition(ClusterFacts.UPDATING, now, done),
                    in.nodeRecovery() != null ? in.nodeRecovery() : cluster.nodeRecovery(), mergedEcho(cluster.echo(), raw));
            for (GroupFacts g : cluster.groups()) {
                if (updated.group(g.name()) == null) {
                    work.fleet().shutDownGroup(sql, cluster, g, now, done);
                }
            }
            for (GroupFacts g : placed) {
                work.fleet().resize(sql, ctx.account(), ctx.region(), updated, cluster.group(g.name()), g, now, done);
            }
            work.clusters().update(sql, updated);
            work.clusters().materialise(sql, updated, now);
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    private static JsonNode mergedEcho(JsonNode echo, JsonNode raw) {
        ObjectNode merged = echo.deepCopy();
        for (String member : UPDATABLE_ECHO) {
            if (raw.hasNonNull(member)) {
                merged.set(member, raw.get(member));
            }
        }
        return merged;
    }

    JsonNode updateSoftware(RequestContext ctx, UpdateClusterSoftwareRequest in) {
        long now = work.clock().now().toEpochMilli();
        return work.store().write(sql -> {
            ClusterFacts cluster = work.clusters().find(sql, ctx, in.clusterName(), now);
            requireInService(cluster, "update the software of", now);
            for (UpdateClusterSoftwareInstanceGroupSpecification g
                    : in.instanceGroups() == null ? List.<UpdateClusterSoftwareInstanceGroupSpecification>of() : in.instanceGroups()) {
                if (cluster.group(g.instanceGroupName()) == null) {
                    throw new ValidationException("Instance group " + g.instanceGroupName()
                            + " does not exist in cluster " + cluster.name() + ".");
                }
            }
            work.clusters().update(sql, cluster.with(cluster.groups(), new Transition(ClusterFacts.SYSTEM_UPDATING, now,
                    now + work.settings().softwareUpdateDelay().toMillis())));
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    JsonNode delete(RequestContext ctx, DeleteClusterRequest in) {
        long now = work.clock().now().toEpochMilli();
        return work.store().write(sql -> {
            ClusterFacts cluster = work.clusters().find(sql, ctx, in.clusterName(), now);
            String status = cluster.status(now);
            if (!status.equals(ClusterFacts.IN_SERVICE) && !status.equals(ClusterFacts.FAILED)) {
                throw new ConflictException("Cannot delete cluster " + cluster.name() + " while it is " + status + ".");
            }
            long gone = now + work.settings().deleteDelay().toMillis();
            for (GroupFacts g : cluster.groups()) {
                work.fleet().shutDownGroup(sql, cluster, g, now, gone);
            }
            work.clusters().update(sql, cluster.with(cluster.groups(), new Transition(ClusterFacts.DELETING, now, gone)));
            return ClusterJson.object().put("ClusterArn", cluster.arn());
        });
    }

    static void requireInService(ClusterFacts cluster, String what, long now) {
        String status = cluster.status(now);
        if (!status.equals(ClusterFacts.IN_SERVICE)) {
            throw new ConflictException("Cannot " + what + " cluster " + cluster.name() + " while it is " + status + ".");
        }
    }
}
