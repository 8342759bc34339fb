package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Training jobs on a plan's reserved capacity and on demand, through the SDK, the clock advanced, never slept. */
class TrainingJobOnPlanTest extends PlanTestBase {

    private String buyForJobs(String name, int count) {
        TrainingPlanOffering offering = searchP5(count, 24, SageMakerResourceName.TRAINING_JOB).trainingPlanOfferings().get(0);
        String arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName(name)
                .trainingPlanOfferingId(offering.trainingPlanOfferingId())).trainingPlanArn();
        admin.advance(Duration.ofMinutes(2)); // payment collected: Scheduled
        return arn;
    }

    private static Consumer<CreateTrainingJobRequest.Builder> job(String name, String type, int count, String plan) {
        return r -> r.trainingJobName(name).roleArn("arn:aws:iam::123456789012:role/sm")
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1")
                        .trainingInputMode(TrainingInputMode.FILE).build())
                .outputDataConfig(o -> o.s3OutputPath("s3://bucket/out/"))
                .resourceConfig(ResourceConfig.builder().instanceType(type).instanceCount(count).volumeSizeInGB(50)
                        .trainingPlanArn(plan).build());
    }

    private DescribeTrainingJobResponse describe(String name) {
        return sageMaker.describeTrainingJob(r -> r.trainingJobName(name));
    }

    private String secondary(String name) {
        return describe(name).secondaryStatusAsString();
    }

    private List<Integer> counts(String plan) {
        DescribeTrainingPlanResponse p = sageMaker.describeTrainingPlan(r -> r.trainingPlanName(plan));
        return List.of(p.inUseInstanceCount(), p.availableInstanceCount());
    }

    @Test
    void aJobIsRefusedOnAPlanForHyperPodAndNothingIsCreated() {
        String plan = buyP5("hp", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.createTrainingJob(job("j", "ml.p5.48xlarge", 4, plan)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Training job j cannot use training plan hp: it targets [hyperpod-cluster], not training-job.");
        assertThat(sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();
    }

    @Test
    void onDemandOverTheQuotaIsResourceLimitExceededAndAJobWithinItCompletes() {
        ResourceLimitExceededException e = catchThrowableOfType(ResourceLimitExceededException.class,
                () -> sageMaker.createTrainingJob(job("big", "ml.p5.48xlarge", 1, null)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'ml.p5.48xlarge for"
                + " training job usage' is 0 Instances, with current utilization of 0 Instances and a request delta of 1"
                + " Instances. Please contact AWS support to request an increase for this limit.");
        assertThat(sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();

        sageMaker.createTrainingJob(job("small", "ml.m5.xlarge", 2, null));
        assertThat(secondary("small")).isEqualTo("Starting");
        admin.advance(Duration.ofMinutes(64));
        DescribeTrainingJobResponse done = describe("small");
        assertThat(done.trainingJobStatusAsString()).isEqualTo("Completed");
        // Billed from the instances' start (the end of Starting) to the end of the upload.
        assertThat(done.trainingStartTime()).isEqualTo(at("PT2M"));
        assertThat(done.trainingEndTime()).isEqualTo(at("PT64M"));
        assertThat(done.billableTimeInSeconds()).isEqualTo(62 * 60);
        assertThat(done.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(86400);
    }

    @Test
    void aMaxWaitTimeShorterThanTheMaxRuntimeIsRefusedAndCreatesNothing() {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createTrainingJob(
                job("spot", "ml.m5.xlarge", 1, null).andThen(r -> r.enableManagedSpotTraining(true)
                        .stoppingCondition(c -> c.maxRuntimeInSeconds(7200).maxWaitTimeInSeconds(3600)))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("StoppingCondition.MaxWaitTimeInSeconds must be equal"
                + " to or greater than MaxRuntimeInSeconds; got 3600 and 7200.");
        assertThat(sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();
    }

    /** Regression: both were 500s when DescribeTrainingJob broke the model (a 0 s billable time, a too long URI). */
    @Test
    void aJobFailedAtItsCreationAndAnOverlongOutputPathStayWithinTheModel() {
        sageMaker.createTrainingJob(job("quick", "ml.m5.xlarge", 1, null));
        admin.send("POST", "training-jobs/quick/fail", "{\"failureReason\": \"AlgorithmError: boom\"}");
        DescribeTrainingJobResponse failed = describe("quick");
        assertThat(failed.trainingJobStatusAsString()).isEqualTo("Failed");
        assertThat(failed.failureReason()).isEqualTo("AlgorithmError: boom");
        assertThat(failed.billableTimeInSeconds()).isNull();
        String path = "s3://bucket/" + "p".repeat(1000);
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createTrainingJob(
                job("long", "ml.m5.xlarge", 1, null).andThen(r -> r.outputDataConfig(o -> o.s3OutputPath(path)))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("OutputDataConfig.S3OutputPath is too long");
        assertThat(sageMaker.listTrainingJobs(r -> r.nameContains("long")).trainingJobSummaries()).isEmpty();
    }

    @Test
    void stopThenDeleteAndTheNameIsFreeAgain() {
        sageMaker.createTrainingJob(job("s", "ml.m5.xlarge", 1, null));
        assertThat(catchThrowableOfType(ResourceInUseException.class,
                () -> sageMaker.createTrainingJob(job("s", "ml.m5.xlarge", 1, null))).awsErrorDetails().errorMessage())
                .isEqualTo("Training job names must be unique within an AWS account and region, and a training job with"
                        + " this name already exists (arn:aws:sagemaker:us-east-1:000000000000:training-job/s)");
        assertThat(catchThrowableOfType(ResourceInUseException.class,
                () -> sageMaker.deleteTrainingJob(r -> r.trainingJobName("s")))).isNotNull();
        sageMaker.stopTrainingJob(r -> r.trainingJobName("s"));
        assertThat(describe("s").trainingJobStatusAsString()).isEqualTo("Stopping");
        admin.advance(Duration.ofMinutes(2));
        assertThat(describe("s").trainingJobStatusAsString()).isEqualTo("Stopped");
        SageMakerException again = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.stopTrainingJob(r -> r.trainingJobName("s")));
        assertThat(again.awsErrorDetails().errorMessage())
                .isEqualTo("The request was rejected because the training job is in status Stopped.");
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("s"));
        assertThat(describe("s").trainingJobStatusAsString()).isEqualTo("Deleting");
        admin.advance(Duration.ofMinutes(1));
        SageMakerException gone = catchThrowableOfType(SageMakerException.class, () -> describe("s"));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found.");
        sageMaker.createTrainingJob(job("s", "ml.m5.xlarge", 1, null));
        assertThat(describe("s").trainingJobStatusAsString()).isEqualTo("InProgress");
    }
}
