package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.OnDemandCapacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.error.ResourceInUse;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.lifecycle.Transition;
import io.github.capacityemulator.core.requests.CreateClusterRequest;
import io.github.capacityemulator.core.tags.TagStore;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateCluster: groups on plans must fit their plans, on-demand groups must find a zone with room; a cluster whose
 * capacity is not there goes Creating, then RollingBack, then Failed.
 */
final class ClusterCreation {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Cluster-level members DescribeCluster gives back as sent. */
    static final List<String> ECHOED = List.of("VpcConfig", "Orchestrator", "TieredStorageConfig", "NodeProvisioningMode",
            "ClusterRole");

    private final ClusterWork work;
    private final TagStore tags;
    private final SecureRandom random = new SecureRandom();

    ClusterCreation(ClusterWork work, TagStore tags) {
        this.work = work;
        this.tags = tags;
    }

    JsonNode create(RequestContext ctx, CreateClusterRequest in, JsonNode raw) {
        String name = in.clusterName();
        long now = work.clock().now().toEpochMilli();
        GroupRules.checkOrchestrator(in.orchestrator());
        GroupRules.refuseRestrictedGroups(in.restrictedInstanceGroups(), in.restrictedInstanceGroupsConfig());
        if (in.instanceGroups() == null) {
            throw new ValidationException("InstanceGroups is required: a cluster needs at least one instance group.");
        }
        List<GroupRequest> requests = GroupRequest.all(in.instanceGroups(), raw.get("InstanceGroups"));
        GroupRules.checkGroupNames(requests, List.of());
        return work.store().write(sql -> {
            work.clusters().purgeGone(sql, ctx, now);
            if (work.clusters().exists(sql, ctx, name)) {
                throw new ResourceInUse("Cluster " + name + " already exists.");
            }
            Map<String, GroupRules.Link> links = new HashMap<>();
            for (GroupRequest r : requests) {
                work.rules().checkGroup(sql, ctx, r, 0, links, now);
            }
            work.quotas().check(work.clusters().live(sql, ctx, now), null, requests.stream().map(r -> r.facts(null, now)).toList());

            String arn = ctx.arn("cluster/" + newId());
            CapacityInventory inv = work.inventory().current().inventory();
            List<GroupFacts> groups = new ArrayList<>();
            boolean fits = true;
            for (GroupRequest r : requests) {
                GroupRules.Link plan = links.get(r.name());
                GroupFacts g = r.facts(null, now);
                String zone = plan != null ? plan.zone()
                        : work.placement().zoneFor(sql, ctx.region(), inv, g.instanceType(), g.targetCount(), now, placed(groups));
                if (zone == null) {
                    fits = false;
                    zone = OnDemandCapacity.firstZone(inv, ctx.region());
                }
                groups.add(g.inZone(zone));
            }
            long created = now + work.settings().createDelay().toMillis();
            ClusterFacts cluster;
            if (fits) {
                cluster = new ClusterFacts(name, arn, now, in.nodeRecovery(), echo(raw), groups,
                        List.of(new Transition(ClusterFacts.CREATING, now, created)), null, null);
                for (GroupFacts g : groups) {
                    if (g.onDemand()) {
                        work.fleet().holdOnDemand(sql, ctx.region(), arn, g, now);
                        work.fleet().addNodes(sql, ctx.account(), ctx.region(), cluster, g, g.targetCount(), null, 0, now,
                                created, null);
                    }
                }
            } else {
                long rolledBack = created + work.settings().deleteDelay().toMillis();
                cluster = new ClusterFacts(name, arn, now, in.nodeRecovery(), echo(raw), groups,
                        List.of(new Transition(ClusterFacts.CREATING, now, created),
                                new Transition(ClusterFacts.ROLLING_BACK, created, rolledBack)),
                        ClusterFacts.FAILURE_MESSAGE, rolledBack);
            }
            work.clusters().insert(sql, ctx, cluster);
            tags.addTags(sql, ctx.account(), ctx.region(), arn, TagStore.tagsOf(in.tags()));
            return ClusterJson.object().put("ClusterArn", arn);
        });
    }

    /** On-demand groups placed earlier in the request: they count beside the holds already stored. */
    static List<OnDemandCapacity.Placed> placed(List<GroupFacts> groups) {
        return groups.stream().filter(GroupFacts::onDemand)
                .map(g -> new OnDemandCapacity.Placed(g.zone(), g.instanceType(), g.targetCount())).toList();
    }

    /** The cluster-level members of a request that DescribeCluster echoes, as sent. */
    static ObjectNode echo(JsonNode raw) {
        ObjectNode echo = ClusterJson.object();
        for (String member : ECHOED) {
            if (raw.hasNonNull(member)) {
                echo.set(member, raw.get(member));
            }
        }
        return echo;
    }

    private String newId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
