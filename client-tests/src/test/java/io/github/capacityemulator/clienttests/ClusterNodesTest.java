package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.BatchDeleteClusterNodesResponse;
import software.amazon.awssdk.services.sagemaker.model.BatchRebootClusterNodesResponse;
import software.amazon.awssdk.services.sagemaker.model.BatchReplaceClusterNodesResponse;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClusterNodesTest extends ClusterTestBase {

    private List<ClusterNodeSummary> nodes;

    @BeforeEach
    void aClusterOfSixNodes() {
        createCluster("nodes", group("workers", "ml.t3.medium", 4), group("ctl", "ml.m5.large", 2));
        admin.advance(CREATE);
        nodes = allNodes("nodes", 100);
    }

    private ClusterNodeSummary node(String id) {
        return allNodes("nodes", 100).stream().filter(n -> n.instanceId().equals(id)).findFirst().orElse(null);
    }

    @Test
    void nodesHaveIdsTimesAddressesAndZones() {
        assertThat(nodes).hasSize(6).extracting(ClusterNodeSummary::instanceId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("i-[0-9a-f]{17}"));
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.launchTime()).isEqualTo(t0);
            assertThat(n.instanceStatus().statusAsString()).isEqualTo("Running");
            assertThat(n.nodeLogicalId()).startsWith(n.instanceGroupName() + "-");
        });
        ClusterNodeDetails d = sageMaker.describeClusterNode(r -> r.clusterName("nodes").nodeId(nodes.get(0).instanceId()))
                .nodeDetails();
        assertThat(d.privatePrimaryIp()).matches("10\\.\\d+\\.\\d+\\.\\d+");
        assertThat(d.privateDnsHostname()).isEqualTo("ip-" + d.privatePrimaryIp().replace('.', '-') + ".us-east-1.compute.internal");
        assertThat(d.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(d.placement().availabilityZoneId()).isEqualTo("use1-az1");
        assertThat(d.lifeCycleConfig().sourceS3Uri()).isEqualTo("s3://bucket/lifecycle");
        ClusterNodeDetails byLogical = sageMaker.describeClusterNode(r -> r.clusterName("nodes")
                .nodeLogicalId(nodes.get(0).nodeLogicalId())).nodeDetails();
        assertThat(byLogical.instanceId()).isEqualTo(d.instanceId());
        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("nodes")).clusterNodeSummaries())
                .as("logical ids only when asked for").allMatch(n -> n.nodeLogicalId() == null);
    }

    @Test
    void describeNodeTakesExactlyOneIdAndAnUnknownOneIsNotFound() {
        SageMakerException both = catchThrowableOfType(SageMakerException.class, () -> sageMaker.describeClusterNode(r -> r
                .clusterName("nodes").nodeId(nodes.get(0).instanceId()).nodeLogicalId(nodes.get(0).nodeLogicalId())));
        assertThat(both.awsErrorDetails().errorMessage()).isEqualTo("Specify exactly one of NodeId or NodeLogicalId.");
        assertThat(catchThrowableOfType(SageMakerException.class, () -> sageMaker.describeClusterNode(r -> r.clusterName("nodes")))
                .awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.describeClusterNode(r -> r.clusterName("nodes").nodeId("i-00000000000000000")));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Node i-00000000000000000 does not exist in cluster nodes.");
    }

    @Test
    void listFiltersByGroupAndSortsByName() {
        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("nodes").instanceGroupNameContains("ct")).clusterNodeSummaries())
                .hasSize(2).allMatch(n -> n.instanceGroupName().equals("ctl"));
        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("nodes").sortBy("NAME").sortOrder("Ascending")).clusterNodeSummaries())
                .extracting(ClusterNodeSummary::instanceGroupName)
                .containsExactly("ctl", "ctl", "workers", "workers", "workers", "workers");
        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("nodes").creationTimeAfter(t0)).clusterNodeSummaries()).isEmpty();
    }

    @Test
    void batchDeleteReportsSuccessesAndFailuresAndLowersTheTarget() {
        String gone = nodes.stream().filter(n -> n.instanceGroupName().equals("workers")).findFirst().orElseThrow().instanceId();
        BatchDeleteClusterNodesResponse r = sageMaker.batchDeleteClusterNodes(b -> b.clusterName("nodes")
                .nodeIds(gone, "i-0123456789abcdef0"));
        assertThat(r.successful()).containsExactly(gone);
        assertThat(r.failed()).hasSize(1);
        assertThat(r.failed().get(0).codeAsString()).isEqualTo("NodeIdNotFound");
        assertThat(r.failed().get(0).nodeId()).isEqualTo("i-0123456789abcdef0");
        assertThat(node(gone).instanceStatus().statusAsString()).isEqualTo("ShuttingDown");
        assertThat(describeCluster("nodes").instanceGroups().stream().filter(g -> g.instanceGroupName().equals("workers"))
                .findFirst().orElseThrow().targetCount()).isEqualTo(3);
        admin.advance(DELETE);
        assertThat(node(gone)).isNull();
        BatchDeleteClusterNodesResponse again = sageMaker.batchDeleteClusterNodes(b -> b.clusterName("nodes").nodeIds(gone));
        assertThat(again.failed().get(0).codeAsString()).isEqualTo("NodeIdNotFound");
    }

    @Test
    void rebootKeepsTheIdAndGoesThroughPending() {
        String id = nodes.get(0).instanceId();
        BatchRebootClusterNodesResponse r = sageMaker.batchRebootClusterNodes(b -> b.clusterName("nodes").nodeIds(id, "i-0000000000000000a"));
        assertThat(r.successful()).containsExactly(id);
        assertThat(r.failed().get(0).errorCodeAsString()).isEqualTo("InstanceIdNotFound");
        assertThat(node(id).instanceStatus().statusAsString()).isEqualTo("Pending");
        BatchRebootClusterNodesResponse busy = sageMaker.batchRebootClusterNodes(b -> b.clusterName("nodes").nodeIds(id));
        assertThat(busy.failed().get(0).errorCodeAsString()).isEqualTo("InvalidInstanceStatus");
        admin.advance(REPLACE);
        assertThat(node(id).instanceStatus().statusAsString()).isEqualTo("Running");
    }

    @Test
    void replaceGivesANewIdAndTheOldNodeGoes() {
        String id = nodes.get(0).instanceId();
        BatchReplaceClusterNodesResponse r = sageMaker.batchReplaceClusterNodes(b -> b.clusterName("nodes").nodeIds(id));
        assertThat(r.successful()).containsExactly(id);
        assertThat(node(id).instanceStatus().statusAsString()).isEqualTo("ShuttingDown");
        List<ClusterNodeSummary> now = allNodes("nodes", 100);
        assertThat(now).hasSize(7);
        ClusterNodeSummary fresh = now.stream().filter(n -> nodes.stream().noneMatch(o -> o.instanceId().equals(n.instanceId())))
                .findFirst().orElseThrow();
        assertThat(fresh.instanceStatus().statusAsString()).isEqualTo("Pending");
        assertThat(fresh.instanceGroupName()).isEqualTo(nodes.get(0).instanceGroupName());
        admin.advance(REPLACE);
        assertThat(node(fresh.instanceId()).instanceStatus().statusAsString()).isEqualTo("Running");
        assertThat(node(id)).isNull();
    }

    @Test
    void aFailedNodeIsReplacedUnderAutomaticRecoveryAndStaysFailedUnderNone() {
        String id = nodes.get(0).instanceId();
        admin.failNode(id);
        assertThat(node(id).instanceStatus().statusAsString()).isEqualTo("Failure");
        assertThat(node(id).instanceStatus().message()).isEqualTo("The instance failed its health checks.");
        assertThat(allNodes("nodes", 100)).hasSize(6);
        admin.advance(REPLACE);
        assertThat(node(id).instanceStatus().statusAsString()).isEqualTo("ShuttingDown");
        assertThat(allNodes("nodes", 100)).hasSize(7).filteredOn(n -> n.instanceStatus().statusAsString().equals("Running")).hasSize(6);

        sageMaker.createCluster(r -> r.clusterName("manual").nodeRecovery("None").instanceGroups(group("g", "ml.t3.medium", 1)));
        admin.advance(CREATE);
        String lone = allNodes("manual", 10).get(0).instanceId();
        admin.failNode(lone);
        admin.advance(REPLACE.multipliedBy(10));
        assertThat(nodeStatuses("manual")).containsExactly("Failure");
    }

    @Test
    void batchOperationsNeedIdsAndAnInServiceCluster() {
        assertThat(catchThrowableOfType(SageMakerException.class, () -> sageMaker.batchDeleteClusterNodes(b -> b.clusterName("nodes")))
                .awsErrorDetails().errorMessage()).isEqualTo("Specify NodeIds or NodeLogicalIds.");
        sageMaker.updateClusterSoftware(r -> r.clusterName("nodes"));
        SageMakerException busy = catchThrowableOfType(SageMakerException.class, () -> sageMaker.batchRebootClusterNodes(b -> b
                .clusterName("nodes").nodeIds(nodes.get(0).instanceId())));
        assertThat(busy.awsErrorDetails().errorMessage())
                .isEqualTo("Cluster nodes is SystemUpdating: nodes can be changed only while it is InService.");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> sageMaker.batchDeleteClusterNodes(b -> b
                .clusterName("elsewhere").nodeIds(nodes.get(0).instanceId())))).isNotNull();
    }
}
