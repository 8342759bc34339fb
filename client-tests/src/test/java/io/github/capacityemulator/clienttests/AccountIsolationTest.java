package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: resources of one account are invisible to another, also when addressed by ARN, and cannot be changed
 * by it; the same names live independently in two accounts and in two regions of one account.
 */
class AccountIsolationTest extends ClusterTestBase {

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** What the default account reads of its cluster, as text (the SDK's text shows every member). */
    private List<String> ownView(String arn) {
        return Stream.of(describeCluster("shared"), allNodes("shared", 100), sageMaker.listTags(r -> r.resourceArn(arn)).tags(),
                sageMaker.listClusters(r -> { }).clusterSummaries()).map(String::valueOf).toList();
    }

    @Test
    void anotherAccountCannotSeeOrChangeAResourceEvenByItsArn() {
        String arn = createCluster("shared", group("g", "ml.t3.medium", 1));
        sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("team", "a")));
        admin.advance(CREATE);
        List<String> before = ownView(arn);
        String node = allNodes("shared", 100).get(0).instanceId();
        try (SageMakerClient other = emulator.client("222222222222", Region.US_EAST_1)) {
            String missing = "Cluster '" + arn + "' does not exist.";
            assertRefused("ResourceNotFound", missing, () -> other.describeCluster(r -> r.clusterName(arn)));
            assertRefused("ResourceNotFound", missing, () -> other.listClusterNodes(r -> r.clusterName(arn)));
            assertRefused("ResourceNotFound", missing, () -> other.describeClusterNode(r -> r.clusterName(arn).nodeId(node)));
            assertRefused("ResourceNotFound", missing, () -> other.updateCluster(r -> r.clusterName(arn)
                    .instanceGroups(group("g", "ml.t3.medium", 2))));
            assertRefused("ResourceNotFound", missing, () -> other.updateClusterSoftware(r -> r.clusterName(arn)));
            assertRefused("ResourceNotFound", missing, () -> other.batchDeleteClusterNodes(r -> r.clusterName(arn).nodeIds(node)));
            assertRefused("ResourceNotFound", missing, () -> other.deleteCluster(r -> r.clusterName(arn)));
            String notHere = "Resource " + arn + " does not exist in account 222222222222 and region us-east-1.";
            assertRefused("ResourceNotFound", notHere, () -> other.listTags(r -> r.resourceArn(arn)));
            assertRefused("ResourceNotFound", notHere, () -> other.addTags(r -> r.resourceArn(arn).tags(tag("team", "b"))));
            assertRefused("ResourceNotFound", notHere, () -> other.deleteTags(r -> r.resourceArn(arn).tagKeys("team")));
            assertThat(other.listClusters(r -> { }).clusterSummaries()).isEmpty();
            assertThat(ownView(arn)).as("the default account's cluster, nodes and tags").isEqualTo(before);

            String theirs = other.createCluster(r -> r.clusterName("shared").instanceGroups(group("g", "ml.t3.medium", 1)))
                    .clusterArn();
            assertThat(theirs).startsWith("arn:aws:sagemaker:us-east-1:222222222222:cluster/").isNotEqualTo(arn);
            assertThat(other.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                    .containsExactly(theirs);
            other.addTags(r -> r.resourceArn(theirs).tags(tag("team", "b")));
            admin.advance(CREATE);
            other.deleteCluster(r -> r.clusterName("shared"));
            assertThat(other.describeCluster(r -> r.clusterName("shared")).clusterStatusAsString()).isEqualTo("Deleting");
        }
        assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags()).containsExactly(tag("team", "a"));
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                .containsExactly(arn);
        assertThat(status("shared")).as("the other account's delete of its own \"shared\"").isEqualTo("InService");
    }

    @Test
    void anotherRegionOfTheSameAccountIsApartToo() {
        String arn = createCluster("shared", group("g", "ml.t3.medium", 1));
        sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("team", "a")));
        List<String> before = ownView(arn);
        try (SageMakerClient west = emulator.client("AKIAIOSFODNN7EXAMPLE", Region.US_WEST_2)) {
            assertThat(west.listClusters(r -> { }).clusterSummaries()).isEmpty();
            assertRefused("ResourceNotFound", "Cluster '" + arn + "' does not exist.",
                    () -> west.describeCluster(r -> r.clusterName(arn)));
            assertRefused("ResourceNotFound", "Cluster '" + arn + "' does not exist.",
                    () -> west.deleteCluster(r -> r.clusterName(arn)));
            assertRefused("ResourceNotFound", "Resource " + arn + " does not exist in account 000000000000 and region us-west-2.",
                    () -> west.addTags(r -> r.resourceArn(arn).tags(tag("team", "west"))));
            String westArn = west.createCluster(r -> r.clusterName("shared").instanceGroups(group("g", "ml.t3.medium", 1)))
                    .clusterArn();
            assertThat(westArn).startsWith("arn:aws:sagemaker:us-west-2:000000000000:cluster/");
            assertThat(west.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                    .containsExactly(westArn);
        }
        assertThat(ownView(arn)).as("the cluster in us-east-1").isEqualTo(before);
    }
}
