package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.Timestamps;
import io.github.capacityemulator.core.lifecycle.Transition;

import java.util.List;
import java.util.Map;

/** Renders clusters, instance groups and nodes as SageMaker's output shapes. */
final class ClusterJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Specification members whose counterpart in the group's details has the same name and shape. */
    private static final List<String> ECHOED = List.of("InstanceGroupName", "InstanceType", "LifeCycleConfig",
            "ExecutionRole", "ThreadsPerCore", "InstanceStorageConfigs", "OnStartDeepHealthChecks", "TrainingPlanArn",
            "OverrideVpcConfig", "ScheduledUpdateConfig", "CapacityRequirements", "SlurmConfig", "NetworkInterface");
    /** Specification members echoed under another name, with the same shape. */
    private static final Map<String, String> RENAMED = Map.of("MinInstanceCount", "MinCount");

    private ClusterJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode describe(ClusterFacts cluster, long now, List<ObjectNode> groups) {
        ObjectNode out = object();
        out.put("ClusterArn", cluster.arn());
        out.put("ClusterName", cluster.name());
        String status = cluster.status(now);
        out.put("ClusterStatus", status);
        out.set("CreationTime", Timestamps.json(cluster.createdAt()));
        if (cluster.failureMessage() != null && (status.equals("RollingBack") || status.equals("Failed"))) {
            out.put("FailureMessage", cluster.failureMessage());
        }
        ArrayNode list = out.putArray("InstanceGroups");
        groups.forEach(list::add);
        for (String member : ClusterCreation.ECHOED) {
            if (cluster.echo().hasNonNull(member)) {
                out.set(member, cluster.echo().get(member));
            }
        }
        out.put("NodeRecovery", cluster.nodeRecoveryAutomatic() ? "Automatic" : "None");
        return out;
    }

    /** ClusterInstanceGroupDetails: the specification echoed, plus counts and statuses. */
    static ObjectNode group(GroupFacts g, String clusterStatus, int currentCount, String planStatus) {
        JsonNode spec = g.echo();
        ObjectNode out = object();
        out.put("CurrentCount", currentCount);
        out.put("TargetCount", g.targetCount());
        for (String member : ECHOED) {
            if (spec.hasNonNull(member)) {
                out.set(member, spec.get(member));
            }
        }
        RENAMED.forEach((from, to) -> {
            if (spec.hasNonNull(from)) {
                out.set(to, spec.get(from));
            }
        });
        if (spec.hasNonNull("InstanceRequirements")) {
            JsonNode types = spec.get("InstanceRequirements").get("InstanceTypes");
            out.putObject("InstanceRequirements").set("CurrentInstanceTypes", types);
            ((ObjectNode) out.get("InstanceRequirements")).set("DesiredInstanceTypes", types);
        }
        if (spec.hasNonNull("ImageId")) {
            out.set("CurrentImageId", spec.get("ImageId"));
            out.set("DesiredImageId", spec.get("ImageId"));
        }
        if (spec.hasNonNull("ImageReleaseVersion")) {
            out.set("CurrentImageReleaseVersion", spec.get("ImageReleaseVersion"));
            out.set("DesiredImageReleaseVersion", spec.get("ImageReleaseVersion"));
        }
        if (spec.hasNonNull("KubernetesConfig")) {
            ObjectNode k8s = out.putObject("KubernetesConfig");
            JsonNode in = spec.get("KubernetesConfig");
            if (in.hasNonNull("Labels")) {
                k8s.set("CurrentLabels", in.get("Labels"));
                k8s.set("DesiredLabels", in.get("Labels"));
            }
            if (in.hasNonNull("Taints")) {
                k8s.set("CurrentTaints", in.get("Taints"));
                k8s.set("DesiredTaints", in.get("Taints"));
            }
        }
        if (spec.hasNonNull("AutoPatchConfig")) {
            JsonNode in = spec.get("AutoPatchConfig");
            ObjectNode patch = out.putObject("AutoPatchConfig");
            patch.set("PatchingStrategy", in.get("PatchingStrategy"));
            if (in.hasNonNull("PatchSchedule")) {
                patch.set("CurrentPatchSchedule", in.get("PatchSchedule"));
                patch.set("DesiredPatchSchedule", in.get("PatchSchedule"));
            }
            if (in.hasNonNull("DeploymentConfig")) {
                patch.set("DeploymentConfig", in.get("DeploymentConfig"));
            }
        }
        out.put("Status", groupStatus(clusterStatus));
        if (planStatus != null) {
            out.put("TrainingPlanStatus", planStatus);
        }
        return out;
    }

    private static String groupStatus(String clusterStatus) {
        return switch (clusterStatus) {
            case "Creating", "Updating", "SystemUpdating", "Deleting", "InService" -> clusterStatus;
            default -> "Failed";
        };
    }

    static ObjectNode summary(ClusterFacts cluster, long now) {
        ObjectNode out = object();
        out.put("ClusterArn", cluster.arn());
        out.put("ClusterName", cluster.name());
        out.set("CreationTime", Timestamps.json(cluster.createdAt()));
        out.put("ClusterStatus", cluster.status(now));
        ArrayNode plans = out.putArray("TrainingPlanArns");
        cluster.groups().stream().map(GroupFacts::trainingPlanArn).filter(a -> a != null).distinct().forEach(plans::add);
        return out;
    }

    /** ClusterNodeSummary. */
    static ObjectNode nodeSummary(ClusterFacts cluster, NodeRow n, long now, boolean logicalIds) {
        ObjectNode out = object();
        out.put("InstanceGroupName", n.groupName());
        out.put("InstanceId", n.instanceId());
        if (logicalIds) {
            out.put("NodeLogicalId", n.logicalId());
        }
        out.put("InstanceType", n.instanceType());
        out.set("LaunchTime", Timestamps.json(n.launchAt()));
        Long updated = lastSoftwareUpdate(cluster, n, now);
        if (updated != null) {
            out.set("LastSoftwareUpdateTime", Timestamps.json(updated));
        }
        out.set("InstanceStatus", status(n, cluster.status(now), now));
        out.put("PrivateDnsHostname", hostname(n, cluster));
        return out;
    }

    /** ClusterNodeDetails. */
    static ObjectNode nodeDetails(ClusterFacts cluster, NodeRow n, GroupFacts g, long now, String zoneId) {
        ObjectNode out = object();
        out.put("InstanceGroupName", n.groupName());
        out.put("InstanceId", n.instanceId());
        out.put("NodeLogicalId", n.logicalId());
        out.set("InstanceStatus", status(n, cluster.status(now), now));
        out.put("InstanceType", n.instanceType());
        if (g != null) {
            for (String member : List.of("LifeCycleConfig", "OverrideVpcConfig", "ThreadsPerCore", "InstanceStorageConfigs")) {
                if (g.echo().hasNonNull(member)) {
                    out.set(member, g.echo().get(member));
                }
            }
        }
        out.set("LaunchTime", Timestamps.json(n.launchAt()));
        Long updated = lastSoftwareUpdate(cluster, n, now);
        if (updated != null) {
            out.set("LastSoftwareUpdateTime", Timestamps.json(updated));
        }
        out.put("PrivatePrimaryIp", ip(n));
        out.put("PrivateDnsHostname", hostname(n, cluster));
        ObjectNode placement = out.putObject("Placement");
        placement.put("AvailabilityZone", n.zone());
        if (zoneId != null) {
            placement.put("AvailabilityZoneId", zoneId);
        }
        out.put("CapacityType", "OnDemand");
        return out;
    }

    private static ObjectNode status(NodeRow n, String clusterStatus, long now) {
        String status = n.status(now, clusterStatus);
        ObjectNode out = object().put("Status", status);
        if (status.equals("Failure")) {
            out.put("Message", "The instance failed its health checks.");
        }
        return out;
    }

    private static Long lastSoftwareUpdate(ClusterFacts cluster, NodeRow n, long now) {
        return cluster.operations().stream().filter(op -> op.status().equals(ClusterFacts.SYSTEM_UPDATING) && op.end() <= now
                && op.end() > n.launchAt()).map(Transition::end).max(Long::compare).orElse(null);
    }

    /** A private address derived from the instance id, so that it is stable and consistent with the hostname. */
    static String ip(NodeRow n) {
        byte[] h = io.github.capacityemulator.core.lifecycle.StableIds.digest(n.instanceId());
        return "10." + (h[0] & 0xff) + "." + (h[1] & 0xff) + "." + (1 + (h[2] & 0xff) % 254);
    }

    static String hostname(NodeRow n, ClusterFacts cluster) {
        return "ip-" + ip(n).replace('.', '-') + "." + cluster.region() + ".compute.internal";
    }
}
