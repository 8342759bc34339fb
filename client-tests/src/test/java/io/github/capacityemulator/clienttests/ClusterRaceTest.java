package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.DescribeClusterResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, races on clusters: 32 creates of one name make one cluster; concurrent updates of one cluster have one
 * winner. Each request runs on its own thread behind one start gate, through an SDK client that never retries.
 */
class ClusterRaceTest extends ClusterTestBase {

    private static final String LOST = "lost";
    @Test
    void thirtyTwoConcurrentCreatesOfOneNameMakeOneCluster() throws Exception {
        // 32 instances in all: if a refused create kept any of them, the cluster of 31 below would not fit.
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"ml.t3.medium\":[" + window(t0, null, 32)
                + "]}}}}");
        // Each request names its group after itself, so the cluster shows whose request made it.
        List<String> results = AtOnce.run(AtOnce.times(32, i -> {
            try {
                return racer.createCluster(r -> r.clusterName("the-one").instanceGroups(group("from-" + i, "ml.t3.medium", 1)))
                        .clusterArn();
            } catch (ResourceInUseException e) {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster the-one already exists.");
                return LOST;
            }
        }));

        List<String> won = results.stream().filter(r -> !r.equals(LOST)).toList();
        assertThat(won).hasSize(1);
        assertThat(results.stream().filter(LOST::equals).count()).isEqualTo(31);
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                .containsExactly(won.get(0));
        DescribeClusterResponse cluster = describeCluster("the-one");
        assertThat(cluster.instanceGroups()).extracting(ClusterInstanceGroupDetails::instanceGroupName)
                .containsExactly("from-" + results.indexOf(won.get(0)));
        assertThat(allNodes("the-one", 100)).hasSize(1);

        createCluster("the-rest", group("all", "ml.t3.medium", 31));
        admin.advance(CREATE);
        assertThat(status("the-one")).isEqualTo("InService");
        assertThat(status("the-rest")).as("the refused creates hold no capacity").isEqualTo("InService");
    }

    @Test
    void concurrentUpdatesOfOneClusterHaveOneWinner() throws Exception {
        String arn = createCluster("busy", group("workers", "ml.t3.medium", 1));
        admin.advance(CREATE);
        assertThat(status("busy")).isEqualTo("InService");

        // The clock is frozen and an update takes UPDATE (2 minutes): the winner's update is still running when
        // every other request arrives. Request i asks for i + 2 workers, so the cluster shows whose update won.
        List<String> results = AtOnce.run(AtOnce.times(32, i -> {
            try {
                return racer.updateCluster(r -> r.clusterName("busy").instanceGroups(group("workers", "ml.t3.medium", i + 2)))
                        .clusterArn();
            } catch (ConflictException e) {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot update cluster busy while it is Updating.");
                return LOST;
            }
        }));

        assertThat(results.stream().filter(arn::equals).count()).as("updates answered with the cluster's ARN").isEqualTo(1);
        assertThat(results.stream().filter(LOST::equals).count()).isEqualTo(31);
        int winnersCount = results.indexOf(arn) + 2;
        DescribeClusterResponse updating = describeCluster("busy");
        assertThat(updating.clusterStatusAsString()).isEqualTo("Updating");
        assertThat(updating.instanceGroups()).singleElement().satisfies(g -> {
            assertThat(g.instanceGroupName()).isEqualTo("workers");
            assertThat(g.targetCount()).isEqualTo(winnersCount);
        });
        assertThat(allNodes("busy", 100)).as("the first worker and the winner's new ones").hasSize(winnersCount);

        admin.advance(UPDATE);
        DescribeClusterResponse updated = describeCluster("busy");
        assertThat(updated.clusterStatusAsString()).isEqualTo("InService");
        assertThat(updated.instanceGroups()).singleElement().satisfies(g -> {
            assertThat(g.currentCount()).isEqualTo(winnersCount);
            assertThat(g.targetCount()).isEqualTo(winnersCount);
        });
        assertThat(nodeStatuses("busy")).hasSize(winnersCount).containsOnly("Running");
    }
}
