package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.lifecycle.Timeline;
import io.github.capacityemulator.core.lifecycle.Transition;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cluster is: its groups, its node recovery, the cluster-level members DescribeCluster echoes, and the
 * transitions it went through, each with its start and end. Its status is a function of these and the clock.
 *
 * @param echo     the request's cluster-level members that DescribeCluster gives back as sent (VPC, orchestrator ...)
 * @param failedAt when a creation that found no capacity finished rolling back (null: it did not fail)
 */
public record ClusterFacts(String name, String arn, long createdAt, String nodeRecovery, JsonNode echo,
                           List<GroupFacts> groups, List<Transition> operations, String failureMessage, Long failedAt) {

    public static final String FAILURE_MESSAGE =
            "We currently do not have sufficient capacity for the requested instance type(s). Please try again.";
    static final String CREATING = "Creating";
    static final String UPDATING = "Updating";
    static final String SYSTEM_UPDATING = "SystemUpdating";
    static final String DELETING = "Deleting";
    static final String ROLLING_BACK = "RollingBack";
    static final String IN_SERVICE = "InService";
    static final String FAILED = "Failed";

    private Timeline timeline() {
        return new Timeline(operations);
    }

    /** The status at {@code now}: the transition in progress, else Failed or InService. */
    public String status(long now) {
        return timeline().statusAt(now, failedAt != null && now >= failedAt ? FAILED : IN_SERVICE);
    }

    /** When a delete finished, the cluster is gone. */
    public boolean isGone(long now) {
        return timeline().finished(DELETING, now);
    }

    /** Whether it holds (or will hold) instances at {@code now}: not gone, and not a creation that failed. */
    public boolean isLive(long now) {
        return !isGone(now) && failedAt == null;
    }

    /** Ready for the transition's nodes: when creation (or the last transition) ends. */
    public long readyAt() {
        return timeline().lastEnd(createdAt);
    }

    public boolean nodeRecoveryAutomatic() {
        return !"None".equals(nodeRecovery);
    }

    public GroupFacts group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst().orElse(null);
    }

    ClusterFacts with(List<GroupFacts> newGroups, Transition op) {
        return with(newGroups, op, nodeRecovery, echo);
    }

    ClusterFacts with(List<GroupFacts> newGroups, Transition op, String newNodeRecovery, JsonNode newEcho) {
        List<Transition> ops = new ArrayList<>(operations);
        if (op != null) {
            ops.add(op);
        }
        return new ClusterFacts(name, arn, createdAt, newNodeRecovery, newEcho, List.copyOf(newGroups), List.copyOf(ops),
                failureMessage, failedAt);
    }

    /** The cluster id: the last part of its ARN. */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The region of its ARN. */
    String region() {
        return arn.split(":")[3];
    }
}
