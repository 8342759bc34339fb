package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.requests.ClusterInstanceGroupSpecification;

/**
 * An instance group: what drives behaviour as typed facts (its instance type, the count it should have, its plan,
 * the zone on-demand nodes were placed in), and {@code echo}, the specification as sent, kept only because
 * DescribeCluster gives its members back.
 */
public record GroupFacts(String name, String instanceType, int targetCount, String trainingPlanArn, String zone,
                         long createdAt, JsonNode echo) {

    /** A group as a request specifies it ({@code raw}: the same specification as sent). */
    static GroupFacts of(ClusterInstanceGroupSpecification spec, JsonNode raw, String zone, long createdAt) {
        String type = spec.instanceType() != null ? spec.instanceType()
                : spec.instanceRequirements() == null || spec.instanceRequirements().instanceTypes() == null
                        || spec.instanceRequirements().instanceTypes().isEmpty()
                        ? null : spec.instanceRequirements().instanceTypes().get(0);
        return new GroupFacts(spec.instanceGroupName(), type, spec.instanceCount(), spec.trainingPlanArn(), zone,
                createdAt, raw);
    }

    boolean onDemand() {
        return trainingPlanArn == null;
    }

    GroupFacts withTarget(int count) {
        return new GroupFacts(name, instanceType, count, trainingPlanArn, zone, createdAt, echo);
    }

    GroupFacts inZone(String newZone) {
        return new GroupFacts(name, instanceType, targetCount, trainingPlanArn, newZone, createdAt, echo);
    }
}
