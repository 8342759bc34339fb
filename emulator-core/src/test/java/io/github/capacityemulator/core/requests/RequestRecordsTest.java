package io.github.capacityemulator.core.requests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.ContractValidator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated request records read real, validated requests. */
class RequestRecordsTest {

    /** As the server's codec reads bodies: decimals stay exact. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ApiContract CONTRACT = ApiContract.load();
    private static final String ROLE = "arn:aws:iam::123456789012:role/hyperpod";

    /** The body as the handlers get it: parsed, then validated against the operation's input shape. */
    private static JsonNode validated(String operation, String body) throws Exception {
        JsonNode input = JSON.readTree(body);
        new ContractValidator(CONTRACT).validateInput(CONTRACT.operation(operation).orElseThrow(), input);
        return input;
    }

    @Test
    void readsACreateClusterRequestWithNestedGroupsListsMapsAndUnions() throws Exception {
        JsonNode body = validated("CreateCluster", """
                {"ClusterName":"ml-cluster",
                 "InstanceGroups":[
                   {"InstanceGroupName":"workers","InstanceType":"ml.p5.48xlarge","InstanceCount":4,
                    "ExecutionRole":"%1$s","ThreadsPerCore":2,
                    "LifeCycleConfig":{"SourceS3Uri":"s3://bucket/lifecycle","OnCreate":"on_create.sh"},
                    "OnStartDeepHealthChecks":["InstanceStress","InstanceConnectivity"],
                    "InstanceStorageConfigs":[{"EbsVolumeConfig":{"VolumeSizeInGB":500,"RootVolume":false}}],
                    "KubernetesConfig":{"Labels":{"team":"research","tier":"gpu"},
                                        "Taints":[{"Key":"gpu","Value":"true","Effect":"NoSchedule"}]}},
                   {"InstanceGroupName":"controller","InstanceType":"ml.m5.xlarge","InstanceCount":1,
                    "ExecutionRole":"%1$s"}],
                 "VpcConfig":{"SecurityGroupIds":["sg-0123"],"Subnets":["subnet-a","subnet-b"]},
                 "Tags":[{"Key":"project","Value":"llm"},{"Key":"owner","Value":""}],
                 "Orchestrator":{"Eks":{"ClusterArn":"arn:aws:eks:us-west-2:123456789012:cluster/eks-1"}},
                 "NodeRecovery":"Automatic"}
                """.formatted(ROLE));

        CreateClusterRequest request = CreateClusterRequest.from(body);

        assertThat(request.clusterName()).isEqualTo("ml-cluster");
        assertThat(request.nodeRecovery()).isEqualTo("Automatic");
        assertThat(request.vpcConfig()).isEqualTo(new VpcConfig(List.of("sg-0123"), List.of("subnet-a", "subnet-b")));
        assertThat(request.tags()).containsExactly(new Tag("project", "llm"), new Tag("owner", ""));
        assertThat(request.orchestrator().eks().clusterArn())
                .isEqualTo("arn:aws:eks:us-west-2:123456789012:cluster/eks-1");
        assertThat(request.orchestrator().slurm()).isNull();

        assertThat(request.instanceGroups()).extracting(ClusterInstanceGroupSpecification::instanceGroupName)
                .containsExactly("workers", "controller");
        ClusterInstanceGroupSpecification workers = request.instanceGroups().get(0);
        assertThat(workers.instanceType()).isEqualTo("ml.p5.48xlarge");
        assertThat(workers.instanceCount()).isEqualTo(4);
        assertThat(workers.threadsPerCore()).isEqualTo(2);
        assertThat(workers.executionRole()).isEqualTo(ROLE);
        assertThat(workers.lifeCycleConfig()).isEqualTo(
                new ClusterLifeCycleConfig("s3://bucket/lifecycle", "on_create.sh", null));
        assertThat(workers.onStartDeepHealthChecks()).containsExactly("InstanceStress", "InstanceConnectivity");
        ClusterInstanceStorageConfig storage = workers.instanceStorageConfigs().get(0);
        assertThat(storage.ebsVolumeConfig()).isEqualTo(new ClusterEbsVolumeConfig(500, null, false));
        assertThat(storage.fsxLustreConfig()).isNull();
        assertThat(workers.kubernetesConfig().labels())
                .containsExactly(Map.entry("team", "research"), Map.entry("tier", "gpu"));
        assertThat(workers.kubernetesConfig().taints())
                .containsExactly(new ClusterKubernetesTaint("gpu", "true", "NoSchedule"));

        ClusterInstanceGroupSpecification controller = request.instanceGroups().get(1);
        assertThat(controller.lifeCycleConfig()).isNull();
        assertThat(controller.kubernetesConfig()).isNull();
        assertThat(controller.onStartDeepHealthChecks()).isNull();
    }

    @Test
    void readsTimestampsFromEpochSecondsWithOrWithoutAFraction() throws Exception {
        ListClustersRequest request = ListClustersRequest.from(validated("ListClusters", """
                {"CreationTimeAfter":1767225600.125,"CreationTimeBefore":1767312000,"MaxResults":10,
                 "SortBy":"NAME","SortOrder":"Descending"}
                """));

        assertThat(request.creationTimeAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00.125Z"));
        assertThat(request.creationTimeBefore()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(request.maxResults()).isEqualTo(10);
        assertThat(request.sortBy()).isEqualTo("NAME");
        assertThat(request.nameContains()).isNull();
    }

    @Test
    void readsLongsAndListsOfAnotherInput() throws Exception {
        SearchTrainingPlanOfferingsRequest request = SearchTrainingPlanOfferingsRequest.from(validated(
                "SearchTrainingPlanOfferings", """
                {"InstanceType":"ml.p5.48xlarge","InstanceCount":2,"DurationHours":72,
                 "TargetResources":["training-job","hyperpod-cluster"]}
                """));

        assertThat(request.durationHours()).isEqualTo(72L);
        assertThat(request.instanceCount()).isEqualTo(2);
        assertThat(request.targetResources()).containsExactly("training-job", "hyperpod-cluster");
        assertThat(request.startTimeAfter()).isNull();
    }

    @Test
    void ignoresUnknownMembersAndLeavesMissingOnesNullApartFromEmptyLists() throws Exception {
        DescribeClusterRequest describe = DescribeClusterRequest.from(
                validated("DescribeCluster", "{\"ClusterName\":\"c1\",\"NotInTheModel\":{\"x\":[1]}}"));
        assertThat(describe).isEqualTo(new DescribeClusterRequest("c1"));

        BatchDeleteClusterNodesRequest batch = BatchDeleteClusterNodesRequest.from(
                validated("BatchDeleteClusterNodes", "{\"ClusterName\":\"c1\",\"NodeIds\":[\"i-0123456789abcdef0\"],\"Extra\":1}"));
        assertThat(batch.nodeIds()).containsExactly("i-0123456789abcdef0");
        assertThat(batch.nodeLogicalIds()).isNull();

        UpdateClusterRequest update = UpdateClusterRequest.from(
                validated("UpdateCluster", "{\"ClusterName\":\"c1\",\"InstanceGroupsToDelete\":[]}"));
        assertThat(update.instanceGroupsToDelete()).isEmpty();
        assertThat(update.instanceGroups()).isNull();
        assertThat(update.orchestrator()).isNull();
    }

    @Test
    void aMissingNodeOrJsonNullReadsAsNull() throws Exception {
        assertThat(CreateClusterRequest.from(null)).isNull();
        assertThat(CreateClusterRequest.from(NullNode.getInstance())).isNull();
        assertThat(CreateClusterRequest.from(MissingNode.getInstance())).isNull();
        assertThat(CreateClusterRequest.from(JSON.readTree("{\"VpcConfig\":null}")).vpcConfig()).isNull();
        assertThat(ClusterSpotOptions.from(JSON.readTree("{}"))).isEqualTo(new ClusterSpotOptions());
    }

    @Test
    void listsAndMapsAreUnmodifiable() throws Exception {
        ClusterKubernetesConfig config = ClusterKubernetesConfig.from(JSON.readTree(
                "{\"Labels\":{\"a\":\"b\"},\"Taints\":[{\"Key\":\"k\",\"Effect\":\"NoExecute\"}]}"));
        assertThatThrownBy(() -> config.labels().put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.taints().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
