package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tags of training jobs: at creation, AddTags, ListTags and DeleteTags on the job's ARN, gone with the job. */
class TrainingJobTagsTest extends TrainingJobTestBase {

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> tags(String arn) {
        return sageMaker.listTags(r -> r.resourceArn(arn)).tags();
    }

    @Test
    void tagsGivenAtCreationAreListedAndCanBeChanged() {
        String arn = create(job("tagged", "ml.m5.xlarge", 1).tags(tag("team", "ml"), tag("cost-center", "42")));
        assertThat(tags(arn)).containsExactly(tag("cost-center", "42"), tag("team", "ml"));
        assertThat(sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("team", "research"), tag("env", "test"))).tags())
                .containsExactly(tag("cost-center", "42"), tag("env", "test"), tag("team", "research"));
        sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("env", "not-there"));
        assertThat(tags(arn)).containsExactly(tag("cost-center", "42"), tag("team", "research"));

        create(job("untagged", "ml.m5.xlarge", 1));
        assertThat(tags("arn:aws:sagemaker:us-east-1:000000000000:training-job/untagged")).isEmpty();
    }

    @Test
    void aDeletedJobsTagsStayWhileItIsDeletingThenGoAndDoNotPassToTheNextJobOfItsName() {
        String arn = create(job("tagged", "ml.m5.xlarge", 1).tags(tag("team", "ml")));
        admin.advance(WHOLE_RUN);
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("tagged"));
        assertThat(tags(arn)).as("while Deleting").containsExactly(tag("team", "ml"));
        sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("during", "deletion")));

        admin.advance(DELETING);
        ResourceNotFoundException read = catchThrowableOfType(ResourceNotFoundException.class, () -> tags(arn));
        assertThat(read.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.addTags(r -> r.resourceArn(arn).tags(tag("a", "b"))))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("team")))).isNotNull();

        assertThat(create(job("tagged", "ml.m5.xlarge", 1).tags(tag("env", "prod")))).isEqualTo(arn);
        assertThat(tags(arn)).as("the new job has only its own tags").containsExactly(tag("env", "prod"));
    }

    @Test
    void aReusedNameWithoutTagsHasNone() {
        String arn = create(job("again", "ml.m5.xlarge", 1).tags(tag("team", "ml")));
        admin.advance(WHOLE_RUN);
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("again"));
        admin.advance(DELETING);
        create(job("again", "ml.m5.xlarge", 1));
        assertThat(tags(arn)).isEmpty();
    }

    @Test
    void anUnknownJobArnHasNoTags() {
        String missing = "arn:aws:sagemaker:us-east-1:000000000000:training-job/missing";
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> tags(missing))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.addTags(r -> r.resourceArn(missing).tags(tag("a", "b"))))).isNotNull();
    }

    @Test
    void aJobInAnotherAccountOrRegionIsNotVisible() {
        String arn = create(job("mine", "ml.m5.xlarge", 1).tags(tag("team", "ml")));
        try (var other = emulator.client("AKIAIOSFODNN7EXAMPLE", software.amazon.awssdk.regions.Region.US_WEST_2)) {
            notFound(() -> other.describeTrainingJob(r -> r.trainingJobName("mine")));
            assertThat(other.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();
            other.createTrainingJob(job("mine", "ml.m5.xlarge", 1).build());
            assertThat(other.describeTrainingJob(r -> r.trainingJobName("mine")).trainingJobArn())
                    .isEqualTo("arn:aws:sagemaker:us-west-2:000000000000:training-job/mine");
        }
        assertThat(tags(arn)).containsExactly(tag("team", "ml"));
        AdminClient.Reply ambiguous = admin.call("POST", "training-jobs/mine/complete", "");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.body().get("error").asText())
                .isEqualTo("training job mine exists in 2 accounts or regions: give account and region");
        assertThat(admin.call("POST", "training-jobs/mine/complete?account=000000000000&region=us-west-2", "").status())
                .isEqualTo(200);
        assertThat(status("mine")).isEqualTo("InProgress/Starting");
    }
}
