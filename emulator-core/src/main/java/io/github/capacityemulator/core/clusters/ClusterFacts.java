package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cluster is: its configuration as asked, its groups, and the transitions it went through, each
 * with its start and end. Its status is a function of these and the clock.
 *
 * @param config      the request's cluster-level members (VPC, orchestrator, node recovery ...)
 * @param failedAt    when a creation that found no capacity finished rolling back (null: it did not fail)
 */
public record ClusterFacts(String name, String arn, long createdAt, JsonNode config, List<GroupFacts> groups,
                           List<ClusterOperation> operations, String failureMessage, Long failedAt) {

    public static final String FAILURE_MESSAGE =
            "We currently do not have sufficient capacity for the requested instance type(s). Please try again.";

    /** The status at {@code now}: the transition in progress, else Failed or InService. */
    public String status(long now) {
        for (ClusterOperation op : operations) {
            if (op.start() <= now && now < op.end()) {
                return op.status();
            }
        }
        if (failedAt != null && now >= failedAt) {
            return "Failed";
        }
        return "InService";
    }

    /** When a delete finished, the cluster is gone. */
    public boolean isGone(long now) {
        return operations.stream().anyMatch(op -> op.status().equals("Deleting") && op.end() <= now);
    }

    /** Ready for the transition's nodes: when creation (or the last transition) ends. */
    public long readyAt() {
        return operations.stream().mapToLong(ClusterOperation::end).max().orElse(createdAt);
    }

    public boolean nodeRecoveryAutomatic() {
        return !"None".equals(config.path("NodeRecovery").asText("Automatic"));
    }

    public GroupFacts group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst().orElse(null);
    }

    ClusterFacts with(List<GroupFacts> newGroups, ClusterOperation op, JsonNode newConfig) {
        List<ClusterOperation> ops = new ArrayList<>(operations);
        if (op != null) {
            ops.add(op);
        }
        return new ClusterFacts(name, arn, createdAt, newConfig, List.copyOf(newGroups), List.copyOf(ops),
                failureMessage, failedAt);
    }

    /** The cluster id: the last part of its ARN. */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
