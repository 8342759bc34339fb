package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Member;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member of a CreateCluster instance group comes back in DescribeCluster. The member list is the
 * contract's, so a member the model adds fails this test until the emulator echoes it.
 * Raw protocol: the SDK on Maven Central predates some of these members.
 */
class InstanceGroupEchoTest extends ClusterTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Specification member -> where its value is found in ClusterInstanceGroupDetails (JSON pointers). */
    private static final Map<String, List<String>> COUNTERPARTS = new LinkedHashMap<>();

    static {
        for (String same : List.of("InstanceGroupName", "InstanceType", "LifeCycleConfig", "ExecutionRole", "ThreadsPerCore",
                "InstanceStorageConfigs", "OnStartDeepHealthChecks", "TrainingPlanArn", "OverrideVpcConfig",
                "ScheduledUpdateConfig", "SlurmConfig", "CapacityRequirements", "NetworkInterface")) {
            COUNTERPARTS.put(same, List.of("/" + same));
        }
        COUNTERPARTS.put("InstanceCount", List.of("/TargetCount"));
        COUNTERPARTS.put("MinInstanceCount", List.of("/MinCount"));
        COUNTERPARTS.put("InstanceRequirements", List.of("/InstanceRequirements/CurrentInstanceTypes",
                "/InstanceRequirements/DesiredInstanceTypes"));
        COUNTERPARTS.put("ImageId", List.of("/CurrentImageId", "/DesiredImageId"));
        COUNTERPARTS.put("ImageReleaseVersion", List.of("/CurrentImageReleaseVersion", "/DesiredImageReleaseVersion"));
        COUNTERPARTS.put("KubernetesConfig", List.of("/KubernetesConfig/CurrentLabels", "/KubernetesConfig/DesiredLabels",
                "/KubernetesConfig/CurrentTaints", "/KubernetesConfig/DesiredTaints"));
        COUNTERPARTS.put("AutoPatchConfig", List.of("/AutoPatchConfig/PatchingStrategy", "/AutoPatchConfig/DeploymentConfig",
                "/AutoPatchConfig/CurrentPatchSchedule", "/AutoPatchConfig/DesiredPatchSchedule"));
    }

    /** What each counterpart holds, read from the specification. */
    private static List<JsonNode> asked(String member, JsonNode spec) {
        JsonNode v = spec.get(member);
        return switch (member) {
            case "InstanceRequirements" -> List.of(v.get("InstanceTypes"), v.get("InstanceTypes"));
            case "ImageId", "ImageReleaseVersion" -> List.of(v, v);
            case "KubernetesConfig" -> List.of(v.get("Labels"), v.get("Labels"), v.get("Taints"), v.get("Taints"));
            case "AutoPatchConfig" -> List.of(v.get("PatchingStrategy"), v.get("DeploymentConfig"),
                    v.get("PatchSchedule"), v.get("PatchSchedule"));
            default -> List.of(v);
        };
    }

    private static String common() {
        return "\"ExecutionRole\":\"" + ROLE + "\",\"MinInstanceCount\":1,"
                + "\"LifeCycleConfig\":{\"SourceS3Uri\":\"s3://bucket/lc\",\"OnCreate\":\"on_create.sh\",\"OnInitComplete\":\"done.sh\"},"
                + "\"ThreadsPerCore\":2,"
                + "\"InstanceStorageConfigs\":[{\"EbsVolumeConfig\":{\"VolumeSizeInGB\":500,\"RootVolume\":false}}],"
                + "\"OnStartDeepHealthChecks\":[\"InstanceStress\",\"InstanceConnectivity\"],"
                + "\"OverrideVpcConfig\":{\"SecurityGroupIds\":[\"sg-0123\"],\"Subnets\":[\"subnet-0123\"]},"
                + "\"ScheduledUpdateConfig\":{\"ScheduleExpression\":\"cron(0 4 ? * SUN *)\",\"DeploymentConfig\":"
                + "{\"RollingUpdatePolicy\":{\"MaximumBatchSize\":{\"Type\":\"INSTANCE_COUNT\",\"Value\":1}},\"WaitIntervalInSeconds\":60}},"
                + "\"ImageId\":\"ami-0123456789abcdef0\",\"ImageReleaseVersion\":\"1.2.3\","
                + "\"AutoPatchConfig\":{\"PatchingStrategy\":\"WhenIdle\",\"PatchSchedule\":{\"NextPatchDate\":1900000000},"
                + "\"DeploymentConfig\":{\"WaitIntervalInSeconds\":30}},"
                + "\"KubernetesConfig\":{\"Labels\":{\"team\":\"ml\"},\"Taints\":[{\"Key\":\"gpu\",\"Value\":\"true\",\"Effect\":\"NoSchedule\"}]},"
                + "\"SlurmConfig\":{\"NodeType\":\"Compute\",\"PartitionNames\":[\"train\"]},"
                + "\"CapacityRequirements\":{\"OnDemand\":{}},"
                + "\"NetworkInterface\":{\"InterfaceType\":\"efa\"}";
    }

    @Test
    void everyMemberOfAnInstanceGroupIsEchoedByDescribeCluster() throws Exception {
        String planArn = buyP5("echo-plan", 2, 24);
        admin.advance(java.time.Duration.ofMinutes(2));
        JsonNode byType = JSON.readTree("{\"InstanceGroupName\":\"typed\",\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":2,"
                + "\"TrainingPlanArn\":\"" + planArn + "\"," + common() + "}");
        JsonNode byRequirements = JSON.readTree("{\"InstanceGroupName\":\"flexible\",\"InstanceCount\":1,"
                + "\"InstanceRequirements\":{\"InstanceTypes\":[\"ml.t3.medium\",\"ml.m5.large\"]}," + common() + "}");
        List<JsonNode> specs = List.of(byType, byRequirements);

        List<Member> members = ApiContract.load().shape("ClusterInstanceGroupSpecification").members();
        List<String> unmapped = new ArrayList<>();
        for (Member m : members) {
            if (!COUNTERPARTS.containsKey(m.name())) {
                unmapped.add(m.name());
            }
            assertThat(specs.stream().anyMatch(s -> s.has(m.name())))
                    .as("the fixtures fill " + m.name()).isTrue();
        }
        assertThat(unmapped).as("members of the model without a counterpart in DescribeCluster").isEmpty();

        raw.ok("CreateCluster", JSON.createObjectNode().put("ClusterName", "echo")
                .set("InstanceGroups", JSON.createArrayNode().add(byType).add(byRequirements)).toString());
        JsonNode described = raw.ok("DescribeCluster", "{\"ClusterName\":\"echo\"}");
        for (JsonNode spec : specs) {
            JsonNode details = null;
            for (JsonNode g : described.get("InstanceGroups")) {
                if (g.get("InstanceGroupName").equals(spec.get("InstanceGroupName"))) {
                    details = g;
                }
            }
            assertThat(details).isNotNull();
            for (Member m : members) {
                if (!spec.has(m.name())) {
                    continue;
                }
                List<String> paths = COUNTERPARTS.get(m.name());
                List<JsonNode> expected = asked(m.name(), spec);
                for (int i = 0; i < paths.size(); i++) {
                    assertThat(details.at(paths.get(i))).as(spec.get("InstanceGroupName").asText() + " " + m.name()
                            + " -> " + paths.get(i)).isEqualTo(expected.get(i));
                }
            }
        }
    }
}
