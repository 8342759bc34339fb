package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TagsTest extends PlanTestBase {

    private String arn;

    @BeforeEach
    void aTaggedPlan() {
        String offering = searchP5(8, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings().get(0)
                .trainingPlanOfferingId();
        arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName("tagged").trainingPlanOfferingId(offering)
                .tags(tag("team", "ml"), tag("cost-center", "42"))).trainingPlanArn();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> tags() {
        return sageMaker.listTags(r -> r.resourceArn(arn)).tags();
    }

    /** Regression: a deleted cluster's tags stayed readable and writable until some later call purged it. */
    @Test
    void aClusterWhoseDeletionHasFinishedHasNoTagsToReadOrWrite() {
        String cluster = sageMaker.createCluster(r -> r.clusterName("tagged-cluster").tags(tag("x", "y"))
                .instanceGroups(ClusterTestBase.group("g", "ml.t3.medium", 1))).clusterArn();
        admin.advance(ClusterTestBase.CREATE);
        sageMaker.deleteCluster(r -> r.clusterName("tagged-cluster"));
        admin.advance(ClusterTestBase.DELETE);
        ResourceNotFoundException read = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.listTags(r -> r.resourceArn(cluster)));
        assertThat(read.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.addTags(r -> r.resourceArn(cluster).tags(tag("a", "b"))))).isNotNull();
    }

    @Test
    void tagsGivenAtCreationAreListedByKey() {
        assertThat(tags()).containsExactly(tag("cost-center", "42"), tag("team", "ml"));
    }

    @Test
    void addTagsOverwritesAKeysValueAndDeleteTagsRemovesKeys() {
        assertThat(sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("team", "research"), tag("env", "test"))).tags())
                .containsExactly(tag("cost-center", "42"), tag("env", "test"), tag("team", "research"));
        sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("env", "not-there"));
        assertThat(tags()).containsExactly(tag("cost-center", "42"), tag("team", "research"));
    }

    @Test
    void moreThanFiftyTagsIsAValidationExceptionAndAddsNone() {
        List<Tag> fortyNine = IntStream.range(0, 49).mapToObj(i -> tag("k" + i, "v")).toList();
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.addTags(r -> r.resourceArn(arn).tags(fortyNine)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Too many tags: resource " + arn
                + " would have 51 tags; a resource can have at most 50.");
        assertThat(tags()).hasSize(2);
        sageMaker.addTags(r -> r.resourceArn(arn).tags(fortyNine.subList(0, 48)));
        assertThat(tags()).hasSize(50);
    }

    @Test
    void lettersOutsideTheBasicPlaneCountAsOneCharacter() {
        String key = "\uD835\uDC00".repeat(128); // 128 characters, 256 UTF-16 units
        String value = "\uD835\uDC00".repeat(256);
        sageMaker.addTags(r -> r.resourceArn(arn).tags(tag(key, value)));
        assertThat(tags()).contains(tag(key, value));
    }

    @Test
    void reservedCapacitiesCanBeTaggedToo() {
        String rc = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("tagged")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
        sageMaker.addTags(r -> r.resourceArn(rc).tags(tag("block", "first")));
        assertThat(sageMaker.listTags(r -> r.resourceArn(rc)).tags()).containsExactly(tag("block", "first"));
    }

    @Test
    void anUnknownArnIsResourceNotFoundForEachOperation() {
        String missing = "arn:aws:sagemaker:us-east-1:000000000000:training-plan/missing";
        String message = "Resource " + missing + " does not exist in account 000000000000 and region us-east-1.";
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> sageMaker.listTags(r -> r.resourceArn(missing)))
                .awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.addTags(r -> r.resourceArn(missing).tags(tag("a", "b")))).awsErrorDetails().errorMessage())
                .isEqualTo(message);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.deleteTags(r -> r.resourceArn(missing).tagKeys("a"))).awsErrorDetails().errorMessage())
                .isEqualTo(message);
        // Another account's view of the same ARN: not found either.
        try (var other = emulator.client("123456789012", software.amazon.awssdk.regions.Region.US_EAST_1)) {
            assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> other.listTags(r -> r.resourceArn(arn))))
                    .isNotNull();
        }
        assertThat(tags()).hasSize(2);
    }
}
