package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 10: resources of one account are invisible to another, also when addressed by ARN, and cannot be changed
 * by it; the same names live independently in two accounts and in two regions of one account.
 */
class AccountIsolationTest extends ClusterTestBase {

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void anotherAccountCannotSeeOrChangeAResourceEvenByItsArn() {
        String arn = createCluster("shared", group("g", "ml.t3.medium", 1));
        sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("team", "a")));
        try (SageMakerClient other = emulator.client("222222222222", Region.US_EAST_1)) {
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> other.describeCluster(r -> r.clusterName(arn)))).as("DescribeCluster by ARN").isNotNull();
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> other.deleteCluster(r -> r.clusterName(arn)))).as("DeleteCluster by ARN").isNotNull();
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> other.listTags(r -> r.resourceArn(arn)))).as("ListTags").isNotNull();
            assertThat(catchThrowable(() -> other.addTags(r -> r.resourceArn(arn).tags(tag("team", "b")))))
                    .as("AddTags").isInstanceOf(SageMakerException.class);
            assertThat(catchThrowable(() -> other.deleteTags(r -> r.resourceArn(arn).tagKeys("team"))))
                    .as("DeleteTags").isInstanceOf(SageMakerException.class);
            assertThat(other.listClusters(r -> { }).clusterSummaries()).isEmpty();

            String theirs = other.createCluster(r -> r.clusterName("shared").instanceGroups(group("g", "ml.t3.medium", 1)))
                    .clusterArn();
            assertThat(theirs).startsWith("arn:aws:sagemaker:us-east-1:222222222222:cluster/").isNotEqualTo(arn);
            assertThat(other.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                    .containsExactly(theirs);
        }
        assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags()).containsExactly(tag("team", "a"));
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                .containsExactly(arn);
        assertThat(describeCluster("shared").clusterArn()).isEqualTo(arn);
    }

    @Test
    void anotherRegionOfTheSameAccountIsApartToo() {
        String arn = createCluster("shared", group("g", "ml.t3.medium", 1));
        try (SageMakerClient west = emulator.client("AKIAIOSFODNN7EXAMPLE", Region.US_WEST_2)) {
            assertThat(west.listClusters(r -> { }).clusterSummaries()).isEmpty();
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> west.describeCluster(r -> r.clusterName(arn)))).isNotNull();
            String westArn = west.createCluster(r -> r.clusterName("shared").instanceGroups(group("g", "ml.t3.medium", 1)))
                    .clusterArn();
            assertThat(westArn).startsWith("arn:aws:sagemaker:us-west-2:000000000000:cluster/");
        }
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).extracting(ClusterSummary::clusterArn)
                .containsExactly(arn);
    }
}
