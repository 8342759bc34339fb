package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.requests.ClusterOrchestrator;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of a cluster's request that the model does not state: orchestrator, group names, and plan fit. */
final class GroupRules {

    static final String TARGET = "hyperpod-cluster";

    private final ReservedCapacity plans;

    GroupRules(ReservedCapacity plans) {
        this.plans = plans;
    }

    static void checkOrchestrator(ClusterOrchestrator orchestrator) {
        if (orchestrator == null) {
            return;
        }
        int set = (orchestrator.eks() != null ? 1 : 0) + (orchestrator.slurm() != null ? 1 : 0);
        if (set != 1) {
            throw new ValidationException("Orchestrator must specify exactly one of Eks or Slurm.");
        }
    }

    static void refuseRestrictedGroups(Object restrictedGroups, Object restrictedConfig) {
        if (restrictedGroups != null || restrictedConfig != null) {
            throw new ValidationException("RestrictedInstanceGroups are not supported by this emulator.");
        }
    }

    static void checkGroupNames(List<GroupRequest> groups, List<String> alsoDeleted) {
        Set<String> seen = new HashSet<>();
        for (GroupRequest g : groups) {
            String name = g.name();
            if (!seen.add(name)) {
                throw new ValidationException("Instance group names must be unique in a cluster; " + name
                        + " appears more than once.");
            }
            if (alsoDeleted.contains(name)) {
                throw new ValidationException("Instance group " + name
                        + " cannot be both updated and deleted in the same request.");
            }
            if ((g.spec().instanceType() != null) == (g.spec().instanceRequirements() != null)) {
                throw new ValidationException("Instance group " + name
                        + " must specify exactly one of InstanceType or InstanceRequirements.");
            }
        }
    }

    /**
     * A plan a group names must exist, target HyperPod clusters, be neither Expired nor Failed, reserve the group's
     * instance type and have room for it beside what others (and the request's earlier groups, in {@code links})
     * claim, less what this request frees ({@code freed}). The plan is added to {@code links}, by group name.
     */
    void checkGroup(Sql sql, RequestContext ctx, GroupRequest request, int freed, Map<String, Link> links, long now)
            throws SQLException {
        String group = request.name();
        String arn = request.spec().trainingPlanArn();
        if (arn == null) {
            return;
        }
        ReservedPlan plan = plans.plan(sql, ctx.account(), ctx.region(), arn, now).orElseThrow(() ->
                new ValidationException("Instance group " + group + ": training plan " + arn
                        + " does not exist in this account and region."));
        String type = request.facts(null, now).instanceType();
        int asked = request.spec().instanceCount();
        String because = null;
        if (!plan.targets(TARGET)) {
            because = "it targets " + plan.targetResources() + ", not " + TARGET;
        } else if (plan.status().equals("Expired") || plan.status().equals("Failed")) {
            because = "it is " + plan.status();
        } else if (!plan.instanceType().equals(type)) {
            because = "it reserves " + plan.instanceType() + ", not " + type;
        } else {
            int others = plan.claimed() - freed;
            int pending = links.values().stream().filter(l -> l.plan().arn().equals(arn)).mapToInt(Link::asked).sum();
            if (others + pending + asked > plan.usableInstances()) {
                because = "it has room for " + Math.max(0, plan.usableInstances() - others - pending)
                        + " more instances, and the group asks for " + asked;
            }
        }
        if (because != null) {
            throw new ValidationException("Instance group " + group + " cannot use training plan " + plan.name()
                    + ": " + because + ".");
        }
        links.put(group, new Link(plan, asked));
    }

    /** A group's plan as checked, and the instances the group asks of it. */
    record Link(ReservedPlan plan, int asked) {

        String zone() {
            return plan.blocks().get(0).zone();
        }
    }
}
