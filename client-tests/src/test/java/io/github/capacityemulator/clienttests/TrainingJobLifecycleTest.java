package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On-demand jobs from creation to deletion: phases, stop, delete, MaxRuntime, the admin's scripted outcomes. */
class TrainingJobLifecycleTest extends TrainingJobTestBase {

    private static final String CPU = "ml.m5.xlarge";

    @Test
    void anOnDemandJobStartsDownloadsTrainsUploadsAndCompletesAfterSixtyFourMinutes() {
        String arn = create(job("cpu", CPU, 2).outputDataConfig(OutputDataConfig.builder().s3OutputPath("s3://bucket/out/").build()));
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/cpu");
        DescribeTrainingJobResponse d = describe("cpu");
        assertThat(d.trainingJobName()).isEqualTo("cpu");
        assertThat(d.trainingJobArn()).isEqualTo(arn);
        assertThat(d.modelArtifacts().s3ModelArtifacts()).isEqualTo("s3://bucket/out/cpu/output/model.tar.gz");
        assertThat(status("cpu")).isEqualTo("InProgress/Starting");
        assertThat(d.creationTime()).isEqualTo(t0);
        assertThat(d.lastModifiedTime()).isEqualTo(t0);
        assertThat(d.trainingStartTime()).isNull();
        assertThat(d.resourceConfig().trainingPlanArn()).isNull();
        assertThat(d.stoppingCondition().maxRuntimeInSeconds()).as("the default MaxRuntime").isEqualTo(86400);

        admin.setClock(at("PT2M"));
        assertThat(status("cpu")).isEqualTo("InProgress/Downloading");
        admin.setClock(at("PT3M"));
        assertThat(status("cpu")).isEqualTo("InProgress/Training");
        assertThat(describe("cpu").trainingStartTime()).as("the instances were up at the end of Starting")
                .isEqualTo(at("PT2M"));
        admin.setClock(at("PT1H3M"));
        assertThat(status("cpu")).isEqualTo("InProgress/Uploading");
        assertThat(describe("cpu").billableTimeInSeconds()).isNull();
        admin.setClock(at("PT1H3M59S"));
        assertThat(status("cpu")).isEqualTo("InProgress/Uploading");

        admin.setClock(at("PT1H4M"));
        d = describe("cpu");
        assertThat(status("cpu")).isEqualTo("Completed/Completed");
        assertThat(steps("cpu")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Downloading", "PT2M", "PT3M"),
                step("Training", "PT3M", "PT1H3M"), step("Uploading", "PT1H3M", "PT1H4M"), step("Completed", "PT1H4M", "PT1H4M"));
        assertThat(d.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusMessage).containsExactly(
                "Launching requested ML instances.", "Downloading input data",
                "Training image download completed. Training in progress.", "Uploading generated training model",
                "Training job completed");
        assertThat(d.trainingStartTime()).isEqualTo(at("PT2M"));
        assertThat(d.trainingEndTime()).as("after the model artifacts were uploaded").isEqualTo(at("PT1H4M"));
        assertThat(d.lastModifiedTime()).isEqualTo(at("PT1H4M"));
        assertThat(d.trainingTimeInSeconds()).as("TrainingStartTime to TrainingEndTime").isEqualTo(3720);
        assertThat(d.billableTimeInSeconds()).isEqualTo(3720);
        assertThat(d.failureReason()).isNull();

        TrainingJobSummary summary = sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries().get(0);
        assertThat(summary.trainingJobArn()).isEqualTo(arn);
        assertThat(summary.trainingJobStatusAsString()).isEqualTo("Completed");
        assertThat(summary.secondaryStatusAsString()).isEqualTo("Completed");
        assertThat(summary.creationTime()).isEqualTo(t0);
        assertThat(summary.trainingEndTime()).isEqualTo(at("PT1H4M"));
        assertThat(summary.lastModifiedTime()).isEqualTo(at("PT1H4M"));
        assertThat(summary.trainingPlanArn()).isNull();

        admin.setClock(at("P1D"));
        assertThat(steps("cpu")).as("a finished job's history does not move").hasSize(5);
        assertThat(describe("cpu").lastModifiedTime()).isEqualTo(at("PT1H4M"));
    }

    @Test
    void stoppingARunningJobTakesTwoMinutesAndOnlyAnInProgressJobCanBeStopped() {
        create(job("stop-me", CPU, 1));
        admin.setClock(at("PT10M"));
        sageMaker.stopTrainingJob(r -> r.trainingJobName("stop-me"));
        assertThat(status("stop-me")).isEqualTo("Stopping/Stopping");
        assertThat(stopError("stop-me")).isEqualTo("The request was rejected because the training job is in status Stopping.");

        admin.setClock(at("PT11M59S"));
        assertThat(status("stop-me")).isEqualTo("Stopping/Stopping");
        admin.setClock(at("PT12M"));
        DescribeTrainingJobResponse d = describe("stop-me");
        assertThat(status("stop-me")).isEqualTo("Stopped/Stopped");
        assertThat(steps("stop-me")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Downloading", "PT2M", "PT3M"),
                step("Training", "PT3M", "PT10M"), step("Stopping", "PT10M", "PT12M"), step("Stopped", "PT12M", "PT12M"));
        assertThat(d.secondaryStatusTransitions().get(3).statusMessage()).isEqualTo("Stopping the training job");
        assertThat(d.secondaryStatusTransitions().get(4).statusMessage()).isEqualTo("Training job stopped");
        assertThat(d.trainingStartTime()).isEqualTo(at("PT2M"));
        assertThat(d.trainingEndTime()).as("a stopped job's end is after Stopping").isEqualTo(at("PT12M"));
        assertThat(d.billableTimeInSeconds()).as("its instances ran until the end of Stopping").isEqualTo(600);
        assertThat(d.failureReason()).isNull();
        assertThat(stopError("stop-me")).isEqualTo("The request was rejected because the training job is in status Stopped.");

        create(job("done", CPU, 1));
        admin.advance(WHOLE_RUN);
        assertThat(stopError("done")).isEqualTo("The request was rejected because the training job is in status Completed.");
        assertThat(status("done")).isEqualTo("Completed/Completed");

        // StopTrainingJob and DeleteTrainingJob answer ResourceNotFound, as modelled; only Describe differs.
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.stopTrainingJob(r -> r.trainingJobName("missing"))).awsErrorDetails().errorMessage())
                .isEqualTo("Requested resource not found.");
    }

    @Test
    void stoppingAJobWhileItStartsEndsItWithoutTraining() {
        create(job("early-stop", CPU, 1));
        admin.setClock(at("PT1M"));
        sageMaker.stopTrainingJob(r -> r.trainingJobName("early-stop"));
        admin.setClock(at("PT3M"));
        DescribeTrainingJobResponse d = describe("early-stop");
        assertThat(status("early-stop")).isEqualTo("Stopped/Stopped");
        assertThat(steps("early-stop")).containsExactly(step("Starting", "PT0S", "PT1M"), step("Stopping", "PT1M", "PT3M"),
                step("Stopped", "PT3M", "PT3M"));
        assertThat(d.trainingStartTime()).as("its instances never came up").isNull();
        assertThat(d.trainingEndTime()).isNull();
        assertThat(d.trainingTimeInSeconds()).isNull();
        assertThat(d.billableTimeInSeconds()).isNull();
    }

    private String stopError(String name) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.stopTrainingJob(r -> r.trainingJobName(name)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }

    private ResourceInUseException deleteRefused(String name) {
        return catchThrowableOfType(ResourceInUseException.class, () -> sageMaker.deleteTrainingJob(r -> r.trainingJobName(name)));
    }

    @Test
    void onlyAFinishedJobCanBeDeletedItIsDeletingForAMinuteThenGoneAndItsNameFree() {
        String arn = create(job("short-lived", CPU, 1));
        admin.setClock(at("PT30M"));
        assertThat(deleteRefused("short-lived").awsErrorDetails().errorMessage()).isEqualTo("The training job short-lived is"
                + " InProgress: only a Completed, Failed or Stopped training job can be deleted.");
        assertThat(status("short-lived")).isEqualTo("InProgress/Training");

        admin.setClock(at("PT1H4M"));
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("short-lived"));
        DescribeTrainingJobResponse d = describe("short-lived");
        assertThat(d.trainingJobStatusAsString()).isEqualTo("Deleting");
        assertThat(d.secondaryStatusAsString()).isEqualTo("Completed");
        assertThat(sageMaker.listTrainingJobs(r -> r.statusEquals("Deleting")).trainingJobSummaries())
                .extracting(TrainingJobSummary::trainingJobName).containsExactly("short-lived");
        assertThat(deleteRefused("short-lived").awsErrorDetails().errorMessage()).isEqualTo("The training job short-lived is"
                + " Deleting: only a Completed, Failed or Stopped training job can be deleted.");
        assertThat(refused("ResourceInUse", job("short-lived", CPU, 1)).awsErrorDetails().errorMessage())
                .isEqualTo("Training job names must be unique within an AWS account and region, and a training job with"
                        + " this name already exists (" + arn + ")");

        admin.setClock(at("PT1H4M59S"));
        assertThat(describe("short-lived").trainingJobStatusAsString()).isEqualTo("Deleting");
        admin.setClock(at("PT1H5M"));
        notFound(() -> describe("short-lived"));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.deleteTrainingJob(r -> r.trainingJobName("short-lived"))).awsErrorDetails().errorMessage())
                .isEqualTo("Requested resource not found.");
        assertThat(sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();

        assertThat(create(job("short-lived", "ml.c5.xlarge", 3))).isEqualTo(arn);
        d = describe("short-lived");
        assertThat(d.creationTime()).isEqualTo(at("PT1H5M"));
        assertThat(d.resourceConfig().instanceTypeAsString()).isEqualTo("ml.c5.xlarge");
        assertThat(steps("short-lived")).containsExactly(step("Starting", "PT1H5M", null));
    }

    @Test
    void aFailedOrStoppedJobCanBeDeletedToo() {
        create(job("fails", CPU, 1));
        create(job("stops", CPU, 1));
        admin.setClock(at("PT5M"));
        admin.failTrainingJob("fails", "AlgorithmError: boom");
        sageMaker.stopTrainingJob(r -> r.trainingJobName("stops"));
        assertThat(deleteRefused("stops").awsErrorDetails().errorMessage()).isEqualTo("The training job stops is Stopping:"
                + " only a Completed, Failed or Stopped training job can be deleted.");
        admin.setClock(at("PT7M"));
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("fails"));
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("stops"));
        admin.advance(DELETING);
        assertThat(allJobs()).isEmpty();
    }

    @Test
    void aJobThatReachesItsMaxRuntimeIsStoppedWithMaxRuntimeExceeded() {
        create(withStopping(job("bounded", CPU, 1), s -> s.maxRuntimeInSeconds(600)));
        assertThat(describe("bounded").stoppingCondition().maxRuntimeInSeconds()).isEqualTo(600);
        admin.setClock(at("PT9M59S"));
        assertThat(status("bounded")).isEqualTo("InProgress/Training");
        admin.setClock(at("PT10M"));
        DescribeTrainingJobResponse d = describe("bounded");
        assertThat(status("bounded")).isEqualTo("Stopped/MaxRuntimeExceeded");
        assertThat(steps("bounded")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Downloading", "PT2M", "PT3M"),
                step("Training", "PT3M", "PT10M"), step("MaxRuntimeExceeded", "PT10M", "PT10M"));
        assertThat(d.secondaryStatusTransitions().get(3).statusMessage())
                .isEqualTo("Training job stopped: it reached its MaxRuntimeInSeconds");
        assertThat(d.trainingStartTime()).isEqualTo(at("PT2M"));
        assertThat(d.trainingEndTime()).isEqualTo(at("PT10M"));
        assertThat(d.billableTimeInSeconds()).as("from the instances' start, not the creation").isEqualTo(480);
        assertThat(d.failureReason()).isNull();
        assertThat(sageMaker.listTrainingJobs(r -> r.statusEquals("Stopped")).trainingJobSummaries()).hasSize(1);
    }

    @Test
    void theAdminFailsAJobWithAReasonOrTheDefaultOne() {
        create(job("scripted", CPU, 1));
        create(job("plain", CPU, 1));
        admin.setClock(at("PT10M"));
        JsonNode answer = admin.failTrainingJob("scripted", "AlgorithmError: loss is NaN");
        assertThat(answer.get("trainingJobName").asText()).isEqualTo("scripted");
        assertThat(answer.get("status").asText()).isEqualTo("Failed");
        assertThat(answer.get("secondaryStatus").asText()).isEqualTo("Failed");
        DescribeTrainingJobResponse d = describe("scripted");
        assertThat(status("scripted")).isEqualTo("Failed/Failed");
        assertThat(d.failureReason()).isEqualTo("AlgorithmError: loss is NaN");
        assertThat(steps("scripted")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Downloading", "PT2M", "PT3M"),
                step("Training", "PT3M", "PT10M"), step("Failed", "PT10M", "PT10M"));
        assertThat(d.secondaryStatusTransitions().get(3).statusMessage()).isEqualTo("Training job failed");
        assertThat(d.trainingEndTime()).as("when the failure was detected").isEqualTo(at("PT10M"));
        assertThat(d.billableTimeInSeconds()).isEqualTo(480);

        admin.failTrainingJob("plain", null);
        assertThat(describe("plain").failureReason())
                .isEqualTo("AlgorithmError: the training job failed (scripted through the emulator's admin API).");

        admin.setClock(at("P1D"));
        assertThat(describe("scripted").failureReason()).isEqualTo("AlgorithmError: loss is NaN");
    }

    @Test
    void theAdminCompletesAJobNowOrAsSoonAsItTrains() {
        create(job("quick", CPU, 1));
        admin.setClock(at("PT1M"));
        JsonNode answer = admin.completeTrainingJob("quick");
        assertThat(answer.get("status").asText()).isEqualTo("InProgress");
        assertThat(answer.get("secondaryStatus").asText()).isEqualTo("Starting");
        admin.setClock(at("PT4M"));
        assertThat(status("quick")).isEqualTo("Completed/Completed");
        assertThat(steps("quick")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Downloading", "PT2M", "PT3M"),
                step("Training", "PT3M", "PT3M"), step("Uploading", "PT3M", "PT4M"), step("Completed", "PT4M", "PT4M"));
        assertThat(describe("quick").billableTimeInSeconds()).isEqualTo(120);
    }

    @Test
    void theAdminRefusesToScriptAFinishedOrUnknownJob() {
        create(job("finished", CPU, 1));
        admin.advance(WHOLE_RUN);
        AdminClient.Reply complete = admin.call("POST", "training-jobs/finished/complete", "");
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.body().get("error").asText()).isEqualTo("training job finished is Completed, not InProgress");
        AdminClient.Reply fail = admin.call("POST", "training-jobs/finished/fail", "{\"failureReason\":\"late\"}");
        assertThat(fail.status()).isEqualTo(400);
        assertThat(fail.body().get("error").asText()).isEqualTo("training job finished is Completed, not InProgress");
        assertThat(describe("finished").failureReason()).isNull();
        assertThat(status("finished")).isEqualTo("Completed/Completed");

        AdminClient.Reply unknown = admin.call("POST", "training-jobs/nobody/complete", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").asText()).isEqualTo("no training job nobody");

        create(job("running", CPU, 1));
        AdminClient.Reply tooLong = admin.call("POST", "training-jobs/running/fail",
                "{\"failureReason\":\"" + "x".repeat(1025) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("error").asText()).isEqualTo("failureReason must be a string of at most 1024 characters");
        assertThat(admin.call("POST", "training-jobs/running/fail", "{\"failureReason\":42}").status()).isEqualTo(400);
        assertThat(status("running")).isEqualTo("InProgress/Starting");
    }

    @Test
    void aJobOnAPlanCanBeStoppedWhileItWaits() {
        String plan = buyJobsPlan("wait-stop", 8);
        create(onPlan("waiting", 4, plan));
        admin.advance(Duration.ofMinutes(1));
        sageMaker.stopTrainingJob(r -> r.trainingJobName("waiting"));
        assertThat(status("waiting")).isEqualTo("Stopping/Stopping");
        admin.advance(STOPPING);
        DescribeTrainingJobResponse d = describe("waiting");
        assertThat(status("waiting")).isEqualTo("Stopped/Stopped");
        assertThat(steps("waiting")).containsExactly(step("Pending", "PT2M", "PT3M"), step("Stopping", "PT3M", "PT5M"),
                step("Stopped", "PT5M", "PT5M"));
        assertThat(d.billableTimeInSeconds()).as("it never ran").isNull();
        admin.setClock(at("PT1H"));
        assertThat(counts("wait-stop")).isEqualTo("0/8");
    }

    @Test
    void aJobOnAPlanIsStoppedAndItsInstancesGoBackToThePlan() {
        String plan = buyJobsPlan("give-back", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("first", 8, plan));
        create(onPlan("second", 8, plan));
        admin.setClock(at("PT1H30M"));
        sageMaker.stopTrainingJob(r -> r.trainingJobName("first"));
        assertThat(counts("give-back")).as("Stopping holds its instances").isEqualTo("8/0");
        assertThat(status("second")).isEqualTo("InProgress/Pending");
        admin.setClock(at("PT1H32M"));
        assertThat(status("first")).isEqualTo("Stopped/Stopped");
        assertThat(status("second")).isEqualTo("InProgress/Starting");
        assertThat(steps("second")).containsExactly(step("Pending", "PT1H", "PT1H32M"), step("Starting", "PT1H32M", null));
        assertThat(counts("give-back")).isEqualTo("8/0");
    }

    // ---- Defects, each seen failing before its fix ----

    /**
     * Defect: TrainingTimeInSeconds/BillableTimeInSeconds 0 break the model (min 1): DescribeTrainingJob was a 500.
     * Time under a second with instances up rounds up to 1; a job whose instances never came up has neither.
     */
    @Test
    void subSecondTimesRoundUpToOneAndAJobWhoseInstancesNeverCameUpHasNone() {
        create(job("instant", CPU, 1));
        admin.failTrainingJob("instant", "AlgorithmError: at once");
        RawSageMaker.Answer instant = raw.call("DescribeTrainingJob", "{\"TrainingJobName\":\"instant\"}");
        assertThat(instant.status()).as(instant.body().toString()).isEqualTo(200);
        assertThat(instant.body().has("BillableTimeInSeconds")).isFalse();
        assertThat(instant.body().has("TrainingTimeInSeconds")).isFalse();

        create(job("half-second", CPU, 1));
        admin.advance(STARTING.plusMillis(500)); // up for half a second
        admin.failTrainingJob("half-second", "AlgorithmError: soon");
        RawSageMaker.Answer half = raw.call("DescribeTrainingJob", "{\"TrainingJobName\":\"half-second\"}");
        assertThat(half.status()).as(half.body().toString()).isEqualTo(200);
        assertThat(half.body().get("TrainingJobStatus").asText()).isEqualTo("Failed");
        assertThat(half.body().get("BillableTimeInSeconds").asInt()).isEqualTo(1);
        assertThat(half.body().get("TrainingTimeInSeconds").asInt()).isEqualTo(1);
    }

    /**
     * Defect (fixed): ModelArtifacts.S3ModelArtifacts over the model's 1024 characters made DescribeTrainingJob a 500.
     * Such a path is now refused at creation; one whose artifacts just fit is described.
     */
    @Test
    void anS3OutputPathWhoseModelArtifactsWouldPassTheLimitIsRefusedAndOneThatFitsIsDescribed() {
        String tooLong = "s3://bucket/" + "a".repeat(1000); // 1012 characters: within S3OutputPath's own limit
        SageMakerException e = refused("ValidationException",
                job("long-path", CPU, 1).outputDataConfig(OutputDataConfig.builder().s3OutputPath(tooLong).build()));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("OutputDataConfig.S3OutputPath is too long for the model"
                + " artifacts of long-path: <S3OutputPath>/long-path/output/model.tar.gz must be at most 1024 characters.");
        notFound(() -> describe("long-path"));
        assertThat(allJobs()).isEmpty();

        String fits = "s3://bucket/" + "a".repeat(1024 - 12 - "/fits/output/model.tar.gz".length());
        create(job("fits", CPU, 1).outputDataConfig(OutputDataConfig.builder().s3OutputPath(fits).build()));
        RawSageMaker.Answer answer = raw.call("DescribeTrainingJob", "{\"TrainingJobName\":\"fits\"}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("ModelArtifacts").get("S3ModelArtifacts").asText()).hasSize(1024);
    }
}
