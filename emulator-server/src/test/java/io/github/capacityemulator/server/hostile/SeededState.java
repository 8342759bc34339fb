package io.github.capacityemulator.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * State for the hostile requests to aim at, created through the API: a training plan, a running cluster with
 * nodes, a training job, tags. The suite's valid skeletons name these resources, so that a request whose mutation
 * slipped through would update, stop or delete something real, and the state dump would show it.
 */
final class SeededState {

    static final String PLAN = "hostile-plan";
    static final String CLUSTER = "hostile-cluster";
    static final String JOB = "hostile-job";
    private static final String ROLE = "arn:aws:iam::123456789012:role/hostile";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeededState() {
    }

    /** Seeds the emulator through {@code http}; answers the seeded values by the member names that hold them. */
    static Map<String, String> seed(RawHttp http, Emulator emulator) throws IOException {
        String offering = ok(http, "SearchTrainingPlanOfferings", "{\"InstanceType\":\"ml.p5.48xlarge\",\"InstanceCount\":4,"
                + "\"DurationHours\":48,\"TargetResources\":[\"hyperpod-cluster\"]}")
                .get("TrainingPlanOfferings").get(0).get("TrainingPlanOfferingId").asText();
        String plan = ok(http, "CreateTrainingPlan", "{\"TrainingPlanName\":\"" + PLAN + "\",\"TrainingPlanOfferingId\":\""
                + offering + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]}").get("TrainingPlanArn").asText();
        String cluster = ok(http, "CreateCluster", "{\"ClusterName\":\"" + CLUSTER + "\",\"InstanceGroups\":[{"
                + "\"InstanceGroupName\":\"ctl\",\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":2,\"ExecutionRole\":\""
                + ROLE + "\",\"LifeCycleConfig\":{\"SourceS3Uri\":\"s3://bucket/lifecycle\",\"OnCreate\":\"on_create.sh\"}}],"
                + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"infra\"}]}").get("ClusterArn").asText();
        emulator.admin().advanceClock(Duration.ofHours(1));
        String node = ok(http, "ListClusterNodes", "{\"ClusterName\":\"" + CLUSTER + "\"}")
                .get("ClusterNodeSummaries").get(0).get("InstanceId").asText();
        String job = ok(http, "CreateTrainingJob", "{\"TrainingJobName\":\"" + JOB + "\",\"RoleArn\":\"" + ROLE
                + "\",\"AlgorithmSpecification\":{\"TrainingImage\":\"img:1\",\"TrainingInputMode\":\"File\"},"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://bucket/out\"},\"ResourceConfig\":{\"InstanceType\":"
                + "\"ml.m5.xlarge\",\"InstanceCount\":1,\"VolumeSizeInGB\":10},\"StoppingCondition\":"
                + "{\"MaxRuntimeInSeconds\":86400}}").get("TrainingJobArn").asText();
        ok(http, "AddTags", "{\"ResourceArn\":\"" + job + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]}");
        Map<String, String> byMember = new LinkedHashMap<>();
        byMember.put("TrainingPlanName", PLAN);
        byMember.put("TrainingPlanArn", plan);
        byMember.put("ClusterName", CLUSTER);
        byMember.put("ClusterArn", cluster);
        byMember.put("ResourceArn", cluster);
        byMember.put("NodeId", node);
        byMember.put("NodeIds", node);
        byMember.put("TrainingJobName", JOB);
        byMember.put("TrainingJobArn", job);
        byMember.put("InstanceGroupName", "ctl");
        byMember.put("InstanceGroupNames", "ctl");
        byMember.put("RoleArn", ROLE);
        byMember.put("ExecutionRole", ROLE);
        return byMember;
    }

    private static JsonNode ok(RawHttp http, String operation, String body) throws IOException {
        RawHttp.Answer answer = http.call(operation, body);
        if (answer.status() != 200) {
            throw new IllegalStateException("seeding " + operation + " failed: " + answer);
        }
        return JSON.readTree(answer.body());
    }
}
