package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.InstanceGroup;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.ServerlessJobConfig;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Refused creations change nothing; on-demand quotas and capacity errors. */
class TrainingJobErrorsTest extends TrainingJobTestBase {

    private static final String CPU = "ml.m5.xlarge";

    private static String quotaMessage(String type, int limit, int used, int asked) {
        return "The account-level service limit '" + type + " for training job usage' is " + limit + " Instances, with"
                + " current utilization of " + used + " Instances and a request delta of " + asked + " Instances. Please"
                + " contact AWS support to request an increase for this limit.";
    }

    /** The error message of a refused creation of job "j", after which no job "j" exists and the list is as before. */
    private String refusedMessage(String code, CreateTrainingJobRequest.Builder request) {
        int before = allJobs().size();
        String message = refused(code, request).awsErrorDetails().errorMessage();
        String name = request.build().trainingJobName();
        if (!code.equals("ResourceInUse") && name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")) {
            notFound(() -> describe(name)); // no job of that name after the refusal
        }
        assertThat(allJobs()).as("the refusal created nothing").hasSize(before);
        return message;
    }

    private static String cannotUse(String plan, String because) {
        return "Training job j cannot use training plan " + plan + ": " + because + ".";
    }

    @Test
    void aPlanMustTargetTrainingJobsReserveTheTypeHoldTheCountAndBeScheduledOrActive() {
        String jobs = buyJobsPlan("jobs", 8);
        String pods = buyP5("pods", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        assertThat(refusedMessage("ValidationException", onPlan("j", 1, pods)))
                .isEqualTo(cannotUse("pods", "it targets [hyperpod-cluster], not training-job"));
        assertThat(refusedMessage("ValidationException", job("j", "ml.p4d.24xlarge", 1).resourceConfig(ResourceConfig.builder()
                .instanceType("ml.p4d.24xlarge").instanceCount(1).trainingPlanArn(jobs).build())))
                .isEqualTo(cannotUse("jobs", "it reserves ml.p5.48xlarge, not ml.p4d.24xlarge"));
        assertThat(refusedMessage("ValidationException", onPlan("j", 9, jobs)))
                .isEqualTo(cannotUse("jobs", "it reserves 8 instances, and the job asks for 9"));
        String unknown = "arn:aws:sagemaker:us-east-1:000000000000:training-plan/missing";
        assertThat(refusedMessage("ValidationException", onPlan("j", 1, unknown)))
                .isEqualTo("Training job j: training plan " + unknown + " does not exist in this account and region.");

        admin.setClock(at("P2D"));
        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("jobs")).statusAsString()).isEqualTo("Expired");
        assertThat(refusedMessage("ValidationException", onPlan("j", 1, jobs)))
                .isEqualTo(cannotUse("jobs", "it is Expired; a job can use only a Scheduled or Active training plan"));
        assertThat(allJobs()).isEmpty();
    }

    @Test
    void aPlanWhosePaymentIsPendingOrFailedCannotCarryAJob() {
        String offering = searchP5(8, 24, SageMakerResourceName.TRAINING_JOB).trainingPlanOfferings().get(0)
                .trainingPlanOfferingId();
        admin.failNextPayments(1);
        String unpaid = sageMaker.createTrainingPlan(r -> r.trainingPlanName("unpaid").trainingPlanOfferingId(offering))
                .trainingPlanArn();
        assertThat(refusedMessage("ValidationException", onPlan("j", 1, unpaid)))
                .isEqualTo(cannotUse("unpaid", "it is Pending; a job can use only a Scheduled or Active training plan"));
        admin.advance(Duration.ofMinutes(2));
        assertThat(refusedMessage("ValidationException", onPlan("j", 1, unpaid)))
                .isEqualTo(cannotUse("unpaid", "it is Failed; a job can use only a Scheduled or Active training plan"));
    }

    @Test
    void resourceConfigNeedsAnInstanceTypeAndCountAndNothingElse() {
        CreateTrainingJobRequest.Builder noResources = job("j", CPU, 1).resourceConfig((ResourceConfig) null);
        assertThat(refusedMessage("ValidationException", noResources))
                .isEqualTo("ResourceConfig is required: give InstanceType and InstanceCount.");
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).resourceConfig(ResourceConfig.builder()
                .instanceType(CPU).volumeSizeInGB(50).build())))
                .isEqualTo("ResourceConfig must specify InstanceType and InstanceCount.");
        assertThat(refusedMessage("ValidationException", job("j", CPU, 0)))
                .isEqualTo("ResourceConfig.InstanceCount must be at least 1; got 0.");
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).resourceConfig(ResourceConfig.builder()
                .volumeSizeInGB(50).instanceGroups(InstanceGroup.builder().instanceGroupName("g").instanceType(CPU)
                        .instanceCount(1).build()).build())))
                .isEqualTo("ResourceConfig.InstanceGroups (heterogeneous clusters) is not supported by this emulator:"
                        + " give InstanceType and InstanceCount.");
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).serverlessJobConfig(ServerlessJobConfig.builder()
                .baseModelArn("arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/llama/1.0.0")
                .jobType("FineTuning").build())))
                .isEqualTo("ServerlessJobConfig is not supported by this emulator: give ResourceConfig with InstanceType"
                        + " and InstanceCount.");
    }

    @Test
    void algorithmSpecificationNeedsExactlyOneOfTrainingImageAndAlgorithmName() {
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).algorithmSpecification((AlgorithmSpecification) null)))
                .isEqualTo("AlgorithmSpecification is required: give TrainingImage or AlgorithmName, and TrainingInputMode.");
        String exactlyOne = "AlgorithmSpecification must specify exactly one of TrainingImage or AlgorithmName.";
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).algorithmSpecification(AlgorithmSpecification
                .builder().trainingImage(IMAGE).algorithmName("my-algorithm").trainingInputMode(TrainingInputMode.FILE).build())))
                .isEqualTo(exactlyOne);
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).algorithmSpecification(AlgorithmSpecification
                .builder().trainingInputMode(TrainingInputMode.FILE).build())))
                .isEqualTo(exactlyOne);
        create(job("by-name", CPU, 1).algorithmSpecification(AlgorithmSpecification.builder().algorithmName("my-algorithm")
                .trainingInputMode(TrainingInputMode.PIPE).build()));
        assertThat(describe("by-name").algorithmSpecification().algorithmName()).isEqualTo("my-algorithm");
    }

    @Test
    void maxRuntimeIsAtMostTwentyEightDays() {
        assertThat(refusedMessage("ValidationException", withStopping(job("j", CPU, 1), s -> s.maxRuntimeInSeconds(2419201))))
                .isEqualTo("StoppingCondition.MaxRuntimeInSeconds must be at most 2419200 (28 days); got 2419201.");
        create(withStopping(job("four-weeks", CPU, 1), s -> s.maxRuntimeInSeconds(2419200)));
        assertThat(describe("four-weeks").stoppingCondition().maxRuntimeInSeconds()).isEqualTo(2419200);
        assertThat(refusedMessage("ValidationException", withStopping(job("j", CPU, 1), s -> s.maxPendingTimeInSeconds(7199))))
                .isEqualTo("1 validation error detected: Value '7199' at 'stoppingCondition.maxPendingTimeInSeconds' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 7200");
    }

    @Test
    void theModelsRequiredMembersAndPatternsAreChecked() {
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).roleArn(null)))
                .isEqualTo("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).outputDataConfig((software.amazon.awssdk
                .services.sagemaker.model.OutputDataConfig) null)))
                .isEqualTo("1 validation error detected: Value null at 'outputDataConfig' failed to satisfy constraint: Member must not be null");
        assertThat(refusedMessage("ValidationException", job("not_a_name", CPU, 1))).isEqualTo("1 validation error detected: Value 'not_a_name' at"
                + " 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                + " ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assertThat(refusedMessage("ValidationException", job("j", "ml.not-a-type", 1))).startsWith("1 validation error detected: Value"
                + " 'ml.not-a-type' at 'resourceConfig.instanceType' failed to satisfy constraint: Member must satisfy"
                + " enum value set: [ml.m4.xlarge, ");
        // The issue names it: AlgorithmSpecification.TrainingInputMode is required, as the model says.
        assertThat(refusedMessage("ValidationException", job("j", CPU, 1).algorithmSpecification(a -> a
                .trainingImage(IMAGE)))).isEqualTo("1 validation error detected: Value null at 'algorithmSpecification.trainingInputMode' failed"
                + " to satisfy constraint: Member must not be null");
    }

    @Test
    void aNameInUseIsResourceInUseAndLeavesTheFirstJobAsItWas() {
        String arn = create(job("taken", CPU, 1));
        admin.advance(Duration.ofMinutes(5));
        assertThat(refusedMessage("ResourceInUse", job("taken", "ml.c5.xlarge", 2)))
                .isEqualTo("Training job names must be unique within an AWS account and region, and a training job with"
                        + " this name already exists (" + arn + ")");
        DescribeTrainingJobResponse d = describe("taken");
        assertThat(d.creationTime()).isEqualTo(t0);
        assertThat(d.resourceConfig().instanceTypeAsString()).isEqualTo(CPU);
        assertThat(d.resourceConfig().instanceCount()).isEqualTo(1);
        assertThat(allJobs()).extracting(TrainingJobSummary::trainingJobName).containsExactly("taken");
    }

    @Test
    void theReservableGpuTypesHaveNoOnDemandQuota() {
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", P5, 1))).isEqualTo(quotaMessage(P5, 0, 0, 1));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", "ml.p4d.24xlarge", 2)))
                .isEqualTo(quotaMessage("ml.p4d.24xlarge", 0, 0, 2));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", "ml.trn1.32xlarge", 1)))
                .isEqualTo(quotaMessage("ml.trn1.32xlarge", 0, 0, 1));
        assertThat(sageMaker.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();

        String plan = buyJobsPlan("reserved", 8);
        create(onPlan("on-plan", 8, plan));
        assertThat(status("on-plan")).as("a plan's instances are not on-demand quota").isEqualTo("InProgress/Pending");
    }

    @Test
    void otherTypesHaveTwentyInstancesCountedWhileJobsRun() {
        create(job("sixteen", CPU, 16));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", CPU, 8))).isEqualTo(quotaMessage(CPU, 20, 16, 8));
        create(job("four", CPU, 4));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", CPU, 1))).isEqualTo(quotaMessage(CPU, 20, 20, 1));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", "ml.c5.xlarge", 21)))
                .isEqualTo(quotaMessage("ml.c5.xlarge", 20, 0, 21));
        create(job("other-type", "ml.c5.xlarge", 20));

        sageMaker.stopTrainingJob(r -> r.trainingJobName("four"));
        assertThat(refusedMessage("ResourceLimitExceeded", job("j", CPU, 1)))
                .as("a Stopping job still counts").isEqualTo(quotaMessage(CPU, 20, 20, 1));
        admin.advance(STOPPING);
        create(job("after-stop", CPU, 4));
        admin.setClock(at("PT1H4M"));
        assertThat(status("sixteen")).isEqualTo("Completed/Completed");
        create(job("after-completion", CPU, 16));
    }

    @Test
    void withNoCapacityLeftForItsTypeAJobStartsThenFailsWithACapacityError() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + CPU + "\":[" + window(t0, null, 0) + "]}}}}");
        create(job("no-room", CPU, 1));
        assertThat(status("no-room")).isEqualTo("InProgress/Starting");
        admin.setClock(at("PT1M59S"));
        assertThat(status("no-room")).isEqualTo("InProgress/Starting");
        admin.setClock(at("PT2M"));
        DescribeTrainingJobResponse d = describe("no-room");
        assertThat(status("no-room")).isEqualTo("Failed/Failed");
        assertThat(d.failureReason()).isEqualTo(CAPACITY_ERROR);
        assertThat(steps("no-room")).containsExactly(step("Starting", "PT0S", "PT2M"), step("Failed", "PT2M", "PT2M"));
        assertThat(d.trainingStartTime()).isNull();
        assertThat(d.trainingEndTime()).isNull();
        assertThat(sageMaker.listTrainingJobs(r -> r.statusEquals("Failed")).trainingJobSummaries()).hasSize(1);
    }

    @Test
    void onDemandJobsDrawOnTheInventoryAndGiveItBackWhenTheyEnd() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + CPU + "\":[" + window(t0, null, 4) + "]}}}}");
        create(job("fills-it", CPU, 4));
        create(job("too-late", CPU, 1));
        admin.setClock(at("PT2M"));
        assertThat(describe("too-late").failureReason()).isEqualTo(CAPACITY_ERROR);
        assertThat(status("fills-it")).isEqualTo("InProgress/Downloading");

        admin.setClock(at("PT1H4M"));
        assertThat(status("fills-it")).isEqualTo("Completed/Completed");
        create(job("next", CPU, 4));
        admin.setClock(at("PT1H10M"));
        assertThat(status("next")).isEqualTo("InProgress/Training");
        sageMaker.stopTrainingJob(r -> r.trainingJobName("next"));
        admin.advance(STOPPING);
        create(job("after-stop", CPU, 4));
        admin.advance(Duration.ofMinutes(5));
        assertThat(status("after-stop")).as("a stopped job gives its instances back").isEqualTo("InProgress/Training");
    }

    @Test
    void theSdkSeesTheErrorsAsTheirModelledExceptions() {
        SageMakerException quota = refused("ResourceLimitExceeded", job("j", P5, 1));
        assertThat(quota).isInstanceOf(software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException.class);
        assertThat(quota.statusCode()).isEqualTo(400);
        create(job("dup", CPU, 1));
        assertThat(refused("ResourceInUse", job("dup", CPU, 1)))
                .isInstanceOf(software.amazon.awssdk.services.sagemaker.model.ResourceInUseException.class);
        notFound(() -> describe("nobody"));
    }

    // ---- Defects, each seen failing before its fix ----

    /**
     * Defect: an on-demand job asked for room for 240 days (as long as an open-ended cluster group), so an inventory
     * with instances for 30 days failed a one-hour job with a CapacityError.
     */
    @Test
    void anOnDemandJobNeedsRoomOnlyForAsLongAsItCanRun() {
        // 4 instances for 2 hours (the inventory counts whole hours): a job of 64 minutes fits at once, and no
        // longer fits 64 minutes later.
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + CPU + "\":["
                + window(t0, at("PT2H"), 4) + "]}}}}");
        create(job("fits", CPU, 4));
        admin.advance(WHOLE_RUN);
        assertThat(status("fits")).isEqualTo("Completed/Completed");
        assertThat(describe("fits").failureReason()).isNull();
        create(job("too-late", CPU, 4));
        admin.advance(STARTING);
        assertThat(describe("too-late").failureReason()).as("it would run past the inventory's end")
                .isEqualTo(CAPACITY_ERROR);
    }

    /**
     * Defect: room was checked until the job's end after its upload, but a stop then ends it later (Stopping outlasts
     * Uploading), past the room that was checked. Room now covers that too.
     */
    @Test
    void anOnDemandJobNeedsRoomForAStopThatOutlastsItsUpload() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + CPU + "\":["
                + window(t0, at("PT2H"), 4) + "]}}}}");
        // A stop at the last instant of the upload ends a job a whole Stopping (2 minutes) after its planned end.
        admin.setClock(at("PT53M30S"));
        create(job("in-time", CPU, 2)); // ends at 1:57:30, or 1:59:30 if stopped late: within the 2 hours
        admin.setClock(at("PT54M30S"));
        create(job("too-late", CPU, 2)); // 1:58:30, or 2:00:30 if stopped late: past the inventory's end
        admin.advance(STARTING);
        assertThat(describe("in-time").failureReason()).isNull();
        assertThat(status("in-time")).isEqualTo("InProgress/Training");
        assertThat(describe("too-late").failureReason()).isEqualTo(CAPACITY_ERROR);
    }

    /** Defect: a job that never got instances reports TrainingTimeInSeconds and BillableTimeInSeconds of 120. */
    @Test
    void aJobThatFoundNoCapacityIsNotBilled() {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + CPU + "\":[" + window(t0, null, 0) + "]}}}}");
        create(job("no-room", CPU, 1));
        admin.setClock(at("PT2M"));
        DescribeTrainingJobResponse d = describe("no-room");
        assertThat(d.failureReason()).isEqualTo(CAPACITY_ERROR);
        assertThat(d.billableTimeInSeconds()).as("BillableTimeInSeconds").isNull();
        assertThat(d.trainingTimeInSeconds()).as("TrainingTimeInSeconds").isNull();
    }
}
