package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Cases an independent review found: each one failed before its fix. */
class ClusterEdgeCasesTest extends ClusterTestBase {

    private static ClusterInstanceGroupSpecification onPlan(String name, int count, String plan) {
        return group(name, "ml.p5.48xlarge", count).toBuilder().trainingPlanArn(plan).build();
    }

    private ClusterInstanceGroupDetails groupOf(String cluster, String name) {
        return describeCluster(cluster).instanceGroups().stream().filter(g -> g.instanceGroupName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void nodesOfAnExtendedPlanStayUntilTheNewEndEvenIfNobodyLooked() {
        String plan = buyP5("p", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        createCluster("c", onPlan("gpus", 8, plan));
        admin.setClock(at("PT1H10M"));
        assertThat(groupOf("c", "gpus").currentCount()).isEqualTo(8);
        String ext = raw.ok("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + plan + "\",\"DurationHours\":24}")
                .get("TrainingPlanExtensionOfferings").get(0).get("TrainingPlanExtensionOfferingId").asText();
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + ext + "\"}");
        admin.advance(Duration.ofMinutes(5));
        admin.setClock(at("P1DT12H"));
        assertThat(groupOf("c", "gpus").currentCount()).isEqualTo(8);
        assertThat(nodeStatuses("c")).containsOnly("Running").hasSize(8);
        admin.setClock(at("P2DT11H30M"));
        assertThat(nodeStatuses("c")).containsOnly("ShuttingDown").hasSize(8);
    }

    @Test
    void aFailedNodeOfAPlanGroupIsReplacedAndLeaves() {
        String plan = buyP5("p", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        createCluster("c", onPlan("gpus", 8, plan));
        admin.setClock(at("PT1H10M"));
        String failing = allNodes("c", 100).get(0).instanceId();
        admin.failNode(failing);
        describeCluster("c");
        admin.setClock(at("PT1H20M"));
        assertThat(groupOf("c", "gpus").currentCount()).isEqualTo(8);
        assertThat(allNodes("c", 100)).extracting(ClusterNodeSummary::instanceId).doesNotContain(failing);
    }

    @Test
    void aPlanGroupAddedDuringItsBlockGetsItsTargetOnly() {
        String plan = buyP5("p", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        createCluster("c", group("ctl", "ml.t3.medium", 1));
        admin.setClock(at("PT1H10M"));
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(group("ctl", "ml.t3.medium", 1), onPlan("gpus", 4, plan)));
        admin.advance(UPDATE);
        assertThat(groupOf("c", "gpus").currentCount()).isEqualTo(4);
        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("p")).availableInstanceCount()).isEqualTo(4);
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(group("ctl", "ml.t3.medium", 1), onPlan("gpus", 6, plan)));
        admin.advance(UPDATE);
        assertThat(groupOf("c", "gpus").currentCount()).isEqualTo(6);
        assertThat(allNodes("c", 100)).hasSize(7).extracting(ClusterNodeSummary::instanceId).doesNotHaveDuplicates();
    }

    @Test
    void deletingAPlanGroupFreesItsRoomForAGroupAddedInTheSameUpdate() {
        String plan = buyP5("p", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        createCluster("c", onPlan("g1", 8, plan));
        admin.advance(CREATE);
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(onPlan("g2", 8, plan)).instanceGroupsToDelete("g1"));
        admin.advance(UPDATE);
        assertThat(describeCluster("c").instanceGroups()).extracting(ClusterInstanceGroupDetails::instanceGroupName)
                .containsExactly("g2");
    }

    @Test
    void twoBatchDeletesAtTheSameInstantBothWork() {
        createCluster("c", group("w", "ml.c5.xlarge", 4));
        admin.advance(CREATE);
        List<ClusterNodeSummary> nodes = allNodes("c", 100);
        sageMaker.batchDeleteClusterNodes(r -> r.clusterName("c").nodeIds(nodes.get(0).instanceId()));
        sageMaker.batchDeleteClusterNodes(r -> r.clusterName("c").nodeIds(nodes.get(1).instanceId()));
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(group("w", "ml.c5.xlarge", 3)));
        admin.advance(UPDATE);
        assertThat(groupOf("c", "w").currentCount()).isEqualTo(3);
    }

    @Test
    void aLongGroupNameIsFine() {
        String name = "g".repeat(63);
        createCluster("c", group(name, "ml.c5.xlarge", 1));
        admin.advance(CREATE);
        assertThat(groupOf("c", name).currentCount()).isEqualTo(1);
    }

    @Test
    void aScheduledReplacementIsCancelledByRebootReplaceOrDelete() {
        createCluster("c", group("w", "ml.t3.medium", 3));
        admin.advance(CREATE);
        List<String> ids = allNodes("c", 100).stream().map(ClusterNodeSummary::instanceId).toList();
        ids.forEach(admin::failNode);
        sageMaker.batchReplaceClusterNodes(r -> r.clusterName("c").nodeIds(ids.get(0)));
        sageMaker.batchDeleteClusterNodes(r -> r.clusterName("c").nodeIds(ids.get(1)));
        sageMaker.batchRebootClusterNodes(r -> r.clusterName("c").nodeIds(ids.get(2)));
        admin.advance(Duration.ofMinutes(10));
        ClusterInstanceGroupDetails w = groupOf("c", "w");
        assertThat(w.targetCount()).isEqualTo(2);
        assertThat(w.currentCount()).isEqualTo(2);
        assertThat(allNodes("c", 100)).extracting(ClusterNodeSummary::instanceId).contains(ids.get(2))
                .doesNotContain(ids.get(0), ids.get(1));
    }

    @Test
    void nodesOfADeletedGroupStillListWithTheirType() {
        createCluster("c", group("a", "ml.t3.medium", 1), group("b", "ml.m5.large", 1));
        admin.advance(CREATE);
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(group("a", "ml.t3.medium", 1)).instanceGroupsToDelete("b"));
        assertThat(allNodes("c", 100)).filteredOn(n -> n.instanceGroupName().equals("b"))
                .extracting(ClusterNodeSummary::instanceTypeAsString).containsExactly("ml.m5.large");
    }

    @Test
    void addingAGroupCountsExistingOnDemandUseOnce() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"ml.g5.xlarge\":[" + window(t0, null, 10) + "]}}}}");
        createCluster("c", group("a", "ml.g5.xlarge", 4));
        admin.advance(CREATE);
        sageMaker.updateCluster(r -> r.clusterName("c").instanceGroups(group("a", "ml.g5.xlarge", 4), group("b", "ml.g5.xlarge", 4)));
        admin.advance(UPDATE);
        assertThat(groupOf("c", "b").currentCount()).isEqualTo(4);
    }

    @Test
    void aTokenOfOneSortIsRefusedByAnother() {
        createCluster("alpha", group("g", "ml.t3.medium", 1));
        createCluster("bravo", group("g", "ml.t3.medium", 1));
        String token = sageMaker.listClusters(r -> r.sortBy("NAME").maxResults(1)).nextToken();
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.listClusters(r -> r.sortBy("CREATION_TIME").nextToken(token)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        String nodeToken = sageMaker.listClusterNodes(r -> r.clusterName("alpha").maxResults(1)).nextToken();
        assertThat(nodeToken).isNull();
    }

    @Test
    void anInventoryRegionWithoutZonesIsRefused() {
        JsonNode refused = null;
        try {
            admin.putInventory("{\"regions\":{\"us-east-1\":{}}}");
        } catch (AssertionError e) {
            assertThat(e.getMessage()).contains("400").contains("regions.us-east-1 must list at least one zone");
            refused = com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        assertThat(refused).isNotNull();
        createCluster("c", group("g", "ml.t3.medium", 1));
    }
}
