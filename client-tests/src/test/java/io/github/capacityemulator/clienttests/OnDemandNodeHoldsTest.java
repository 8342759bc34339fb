package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A HyperPod group's on-demand instances stay taken while its nodes shut down, in an update or a node deletion, as
 * they do when a group is deleted: until the nodes are gone, a training job (or another cluster) cannot have them.
 */
class OnDemandNodeHoldsTest extends TrainingJobTestBase {

    private static final String SMALL = "ml.g5.2xlarge";
    private static final String LARGE = "ml.g5.4xlarge";

    private void inventoryOfFourEach() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + SMALL + "\":[" + window(t0, null, 4)
                + "],\"" + LARGE + "\":[" + window(t0, null, 4) + "]}}}}");
    }

    private void clusterOfFourSmall() {
        sageMaker.createCluster(r -> r.clusterName("big").instanceGroups(ClusterTestBase.group("w", SMALL, 4)));
        admin.advance(ClusterTestBase.CREATE);
        assertThat(sageMaker.describeCluster(r -> r.clusterName("big")).clusterStatusAsString()).isEqualTo("InService");
    }

    private long nodesShuttingDown() {
        return sageMaker.listClusterNodes(r -> r.clusterName("big")).clusterNodeSummaries().stream()
                .filter(n -> n.instanceStatus().statusAsString().equals("ShuttingDown")).count();
    }

    /**
     * Defect: a group that shrank gave its removed nodes' instances back at once, while those nodes were still
     * shutting down for the update's 2 minutes: a job took them, and 6 instances were up of the inventory's 4.
     */
    @Test
    void aShrinkingGroupKeepsItsInstancesUntilItsRemovedNodesAreGone() {
        inventoryOfFourEach();
        clusterOfFourSmall();
        sageMaker.updateCluster(r -> r.clusterName("big").instanceGroups(ClusterTestBase.group("w", SMALL, 2)));
        assertThat(nodesShuttingDown()).isEqualTo(2);

        create(job("squeezed", SMALL, 2));
        admin.advance(STARTING);
        assertThat(describe("squeezed").failureReason()).as("no room while 4 nodes are up").isEqualTo(CAPACITY_ERROR);

        assertThat(nodesShuttingDown()).as("the update is done").isZero();
        create(job("after", SMALL, 2));
        admin.advance(STARTING);
        assertThat(status("after")).isEqualTo("InProgress/Downloading");
    }

    /**
     * Defect: a group that changed its instance type gave the old type's instances back at once, while the old
     * nodes were still shutting down for the update's 2 minutes.
     */
    @Test
    void aGroupThatChangesTypeKeepsItsOldInstancesUntilItsOldNodesAreGone() {
        inventoryOfFourEach();
        clusterOfFourSmall();
        sageMaker.updateCluster(r -> r.clusterName("big").instanceGroups(ClusterTestBase.group("w", LARGE, 4)));
        assertThat(nodesShuttingDown()).isEqualTo(4);

        create(job("squeezed", SMALL, 1));
        admin.advance(STARTING);
        assertThat(describe("squeezed").failureReason()).as("no room while the old nodes are up").isEqualTo(CAPACITY_ERROR);

        assertThat(nodesShuttingDown()).as("the update is done").isZero();
        create(job("after", SMALL, 4));
        admin.advance(STARTING);
        assertThat(status("after")).isEqualTo("InProgress/Downloading");
    }

    /**
     * Defect: BatchDeleteClusterNodes gave the deleted nodes' instances back at once, while the nodes were still
     * shutting down for the delete delay's 2 minutes.
     */
    @Test
    void deletedNodesKeepTheirInstancesUntilTheyAreGone() {
        inventoryOfFourEach();
        clusterOfFourSmall();
        List<String> two = sageMaker.listClusterNodes(r -> r.clusterName("big")).clusterNodeSummaries().stream()
                .limit(2).map(ClusterNodeSummary::instanceId).toList();
        assertThat(sageMaker.batchDeleteClusterNodes(r -> r.clusterName("big").nodeIds(two)).successful())
                .containsExactlyInAnyOrderElementsOf(two);
        assertThat(nodesShuttingDown()).isEqualTo(2);

        create(job("squeezed", SMALL, 1));
        admin.advance(STARTING);
        assertThat(describe("squeezed").failureReason()).as("no room while 4 nodes are up").isEqualTo(CAPACITY_ERROR);

        assertThat(nodesShuttingDown()).as("the nodes are gone").isZero();
        create(job("after", SMALL, 2));
        admin.advance(STARTING);
        assertThat(status("after")).isEqualTo("InProgress/Downloading");
    }
}
