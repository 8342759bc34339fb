package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.ListClustersResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's default SortOrder of ListClusters and ListClusterNodes is Ascending (SortBy CREATION_TIME). */
class DefaultSortOrderTest extends ClusterTestBase {

    @Test
    void listClustersWithoutSortArgumentsIsOldestFirst() {
        // Names in another order than creation, so that a sort by name cannot pass for a sort by time.
        createCluster("beta", group("g", "ml.t3.medium", 1));
        admin.advance(Duration.ofMinutes(1));
        createCluster("gamma", group("g", "ml.t3.medium", 1));
        admin.advance(Duration.ofMinutes(1));
        createCluster("alpha", group("g", "ml.t3.medium", 1));

        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries())
                .extracting(ClusterSummary::clusterName, ClusterSummary::creationTime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("beta", t0),
                        org.assertj.core.groups.Tuple.tuple("gamma", at("PT1M")),
                        org.assertj.core.groups.Tuple.tuple("alpha", at("PT2M")));
        assertThat(sageMaker.listClusters(r -> r.sortBy("CREATION_TIME")).clusterSummaries())
                .extracting(ClusterSummary::clusterName).containsExactly("beta", "gamma", "alpha");

        ListClustersResponse first = sageMaker.listClusters(r -> r.maxResults(2));
        ListClustersResponse second = sageMaker.listClusters(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(first.clusterSummaries()).extracting(ClusterSummary::clusterName).containsExactly("beta", "gamma");
        assertThat(second.clusterSummaries()).extracting(ClusterSummary::clusterName).containsExactly("alpha");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listClusterNodesWithoutSortArgumentsIsByLaunchTimeOldestFirst() {
        createCluster("grow", group("workers", "ml.t3.medium", 2));
        admin.advance(CREATE); // PT5M
        sageMaker.updateCluster(r -> r.clusterName("grow").instanceGroups(group("workers", "ml.t3.medium", 4)));
        admin.advance(UPDATE); // PT7M
        admin.advance(Duration.ofMinutes(3)); // PT10M
        sageMaker.updateCluster(r -> r.clusterName("grow").instanceGroups(group("workers", "ml.t3.medium", 5)));
        admin.advance(UPDATE);

        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("grow")).clusterNodeSummaries())
                .extracting(ClusterNodeSummary::launchTime)
                .containsExactly(t0, t0, at("PT5M"), at("PT5M"), at("PT10M"));
        assertThat(sageMaker.listClusterNodes(r -> r.clusterName("grow").sortBy("CREATION_TIME")).clusterNodeSummaries())
                .extracting(ClusterNodeSummary::launchTime)
                .containsExactly(t0, t0, at("PT5M"), at("PT5M"), at("PT10M"));
        assertThat(allNodes("grow", 2)).as("paged with the default order")
                .extracting(ClusterNodeSummary::launchTime)
                .containsExactly(t0, t0, at("PT5M"), at("PT5M"), at("PT10M"));
    }
}
