package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An instance group as asked: its specification (every member the caller sent) and the count it should
 * have. {@code zone} is where on-demand nodes were placed; groups on a plan use the plan's zone.
 */
public record GroupFacts(String name, JsonNode spec, int targetCount, String zone, long createdAt) {

    public String instanceType() {
        JsonNode type = spec.get("InstanceType");
        if (type != null && !type.isNull()) {
            return type.asText();
        }
        return spec.path("InstanceRequirements").path("InstanceTypes").path(0).asText(null);
    }

    public String trainingPlanArn() {
        JsonNode arn = spec.get("TrainingPlanArn");
        return arn == null || arn.isNull() ? null : arn.asText();
    }

    GroupFacts withTarget(int count) {
        return new GroupFacts(name, spec, count, zone, createdAt);
    }
}
