package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.error.ResourceLimitExceeded;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account-level HyperPod instance quotas, named as the public service quota pages name them. */
final class ClusterQuotas {

    static final String PER_CLUSTER = "Maximum number instances allowed per SageMaker HyperPod cluster";
    static final String ACROSS_CLUSTERS = "Total number of instances allowed across SageMaker HyperPod clusters";
    static final String PER_TYPE_SUFFIX = " for cluster usage";

    private final ClusterSettings settings;

    ClusterQuotas(ClusterSettings settings) {
        this.settings = settings;
    }

    /** Checks a cluster's groups ({@code replacing}: its current facts, null for a new one) against the quotas. */
    void check(List<ClusterFacts> live, ClusterFacts replacing, List<GroupFacts> groups) {
        int inCluster = groups.stream().mapToInt(GroupFacts::targetCount).sum();
        int before = replacing == null ? 0 : replacing.groups().stream().mapToInt(GroupFacts::targetCount).sum();
        if (inCluster > settings.maxInstancesPerCluster()) {
            throw new ResourceLimitExceeded(message(PER_CLUSTER, settings.maxInstancesPerCluster(), before,
                    inCluster - before));
        }
        int elsewhere = 0;
        Map<String, Integer> byTypeElsewhere = new HashMap<>();
        for (ClusterFacts other : live) {
            if (replacing != null && other.arn().equals(replacing.arn())) {
                continue;
            }
            for (GroupFacts g : other.groups()) {
                elsewhere += g.targetCount();
                byTypeElsewhere.merge(g.instanceType(), g.targetCount(), Integer::sum);
            }
        }
        if (elsewhere + inCluster > settings.maxInstancesAcrossClusters()) {
            throw new ResourceLimitExceeded(message(ACROSS_CLUSTERS, settings.maxInstancesAcrossClusters(),
                    elsewhere + before, inCluster - before));
        }
        Map<String, Integer> byType = new LinkedHashMap<>();
        groups.forEach(g -> byType.merge(g.instanceType(), g.targetCount(), Integer::sum));
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            int used = byTypeElsewhere.getOrDefault(e.getKey(), 0);
            int had = replacing == null ? 0 : replacing.groups().stream().filter(g -> e.getKey().equals(g.instanceType()))
                    .mapToInt(GroupFacts::targetCount).sum();
            if (used + e.getValue() > settings.maxInstancesPerType()) {
                throw new ResourceLimitExceeded(message(e.getKey() + PER_TYPE_SUFFIX, settings.maxInstancesPerType(),
                        used + had, e.getValue() - had));
            }
        }
    }

    static String message(String name, int limit, int used, int delta) {
        return "The account-level service limit '" + name + "' is " + limit + " Instances, with current utilization of "
                + used + " Instances and a request delta of " + delta + " Instances. Please contact AWS support to "
                + "request an increase for this limit.";
    }
}
