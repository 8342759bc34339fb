package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeReservedCapacityResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityOffering;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs on a training plan: the queue, the block's start, interruption before a block ends, waiting limits. */
class TrainingJobQueueTest extends TrainingJobTestBase {

    @Test
    void threeJobsOfFourOnEightInstancesTwoRunAndTheThirdStartsWhenOneCompletes() {
        String plan = buyJobsPlan("queue", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("a", 4, plan));
        create(onPlan("b", 4, plan));
        create(onPlan("c", 4, plan));

        assertThat(status("a")).isEqualTo("InProgress/Starting");
        assertThat(status("b")).isEqualTo("InProgress/Starting");
        assertThat(status("c")).isEqualTo("InProgress/Pending");
        assertThat(steps("a")).as("a job that did not wait shows no Pending").containsExactly(step("Starting", "PT1H", null));
        assertThat(steps("c")).containsExactly(step("Pending", "PT1H", null));
        assertThat(describe("c").secondaryStatusTransitions().get(0).statusMessage()).isEqualTo(WAITING_FOR_CAPACITY);
        assertThat(describe("c").resourceConfig().trainingPlanArn()).isEqualTo(plan);
        assertThat(counts("queue")).isEqualTo("8/0");
        String rc = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("queue")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
        DescribeReservedCapacityResponse reserved = sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(rc));
        assertThat(reserved.availableInstanceCount()).isZero();
        assertThat(reserved.totalInstanceCount()).isEqualTo(8);

        admin.setClock(at("PT1H10M"));
        assertThat(status("a")).isEqualTo("InProgress/Training");
        JsonNode completed = admin.completeTrainingJob("a");
        assertThat(completed.get("status").asText()).isEqualTo("InProgress");
        assertThat(completed.get("secondaryStatus").asText()).isEqualTo("Uploading");
        assertThat(counts("queue")).as("a is uploading: its instances are still up").isEqualTo("8/0");
        assertThat(status("c")).isEqualTo("InProgress/Pending");

        admin.setClock(at("PT1H11M"));
        assertThat(status("a")).isEqualTo("Completed/Completed");
        assertThat(steps("a")).containsExactly(step("Starting", "PT1H", "PT1H2M"), step("Downloading", "PT1H2M", "PT1H3M"),
                step("Training", "PT1H3M", "PT1H10M"), step("Uploading", "PT1H10M", "PT1H11M"),
                step("Completed", "PT1H11M", "PT1H11M"));
        assertThat(describe("a").billableTimeInSeconds()).as("from Downloading to the end of the upload").isEqualTo(540);
        assertThat(status("c")).isEqualTo("InProgress/Starting");
        assertThat(steps("c")).containsExactly(step("Pending", "PT1H", "PT1H11M"), step("Starting", "PT1H11M", null));
        assertThat(counts("queue")).as("b and c run").isEqualTo("8/0");

        admin.setClock(at("PT2H4M"));
        assertThat(status("b")).isEqualTo("Completed/Completed");
        assertThat(rel(describe("b").trainingEndTime())).as("after the upload").isEqualTo("PT2H4M");
        assertThat(status("c")).isEqualTo("InProgress/Training");
        assertThat(counts("queue")).isEqualTo("4/4");
        assertThat(sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(rc)).availableInstanceCount()).isEqualTo(4);

        admin.setClock(at("PT2H15M"));
        DescribeTrainingJobResponse c = describe("c");
        assertThat(c.trainingJobStatusAsString()).isEqualTo("Completed");
        assertThat(rel(c.trainingStartTime())).as("its instances were up after Starting").isEqualTo("PT1H13M");
        assertThat(rel(c.trainingEndTime())).isEqualTo("PT2H15M");
        assertThat(rel(c.lastModifiedTime())).isEqualTo("PT2H15M");
        assertThat(c.billableTimeInSeconds()).isEqualTo(3720);
        assertThat(c.trainingTimeInSeconds()).isEqualTo(3720);
        assertThat(counts("queue")).isEqualTo("0/8");
        assertThat(sageMaker.listTrainingJobs(r -> r.trainingPlanArnEquals(plan)).trainingJobSummaries())
                .extracting(TrainingJobSummary::trainingPlanArn).containsExactly(plan, plan, plan);
    }

    @Test
    void aJobCreatedWhileThePlanIsScheduledStartsAtTheBlocksStart() {
        String plan = buyJobsPlan("scheduled", 8);
        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("scheduled")).statusAsString()).isEqualTo("Scheduled");
        create(onPlan("early", 8, plan));
        assertThat(status("early")).isEqualTo("InProgress/Pending");
        assertThat(steps("early")).containsExactly(step("Pending", "PT2M", null));
        assertThat(describe("early").secondaryStatusTransitions().get(0).statusMessage()).isEqualTo(WAITING_FOR_PLAN);
        assertThat(counts("scheduled")).isEqualTo("0/0");

        admin.setClock(at("PT59M"));
        assertThat(status("early")).isEqualTo("InProgress/Pending");

        admin.setClock(at("PT1H30M"));
        DescribeTrainingJobResponse d = describe("early");
        assertThat(steps("early")).containsExactly(step("Pending", "PT2M", "PT1H"), step("Starting", "PT1H", "PT1H2M"),
                step("Downloading", "PT1H2M", "PT1H3M"), step("Training", "PT1H3M", null));
        assertThat(rel(d.trainingStartTime())).isEqualTo("PT1H2M");
        assertThat(rel(d.lastModifiedTime())).isEqualTo("PT1H3M");
        assertThat(d.trainingEndTime()).isNull();
        assertThat(d.billableTimeInSeconds()).as("only once finished").isNull();
        assertThat(counts("scheduled")).isEqualTo("8/0");

        admin.setClock(at("PT2H4M"));
        d = describe("early");
        assertThat(d.trainingJobStatusAsString()).isEqualTo("Completed");
        assertThat(d.billableTimeInSeconds()).as("the wait and the launch are not billed").isEqualTo(3720);
        assertThat(counts("scheduled")).isEqualTo("0/8");
    }

    /** Two blocks: 01:00 on day 0 to 11:30 on day 1, and day 3 00:00 to 11:30 on day 4 (the only way 8 fit). */
    private String twoBlockPlan() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, at("P1DT12H"), 8) + "," + window(at("P3D"), at("P20D"), 8)));
        List<TrainingPlanOffering> offerings = sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(48L)
                .endTimeBefore(at("P4DT12H")).targetResources(SageMakerResourceName.TRAINING_JOB)).trainingPlanOfferings();
        List<ReservedCapacityOffering> blocks = offerings.get(0).reservedCapacityOfferings();
        assertThat(blocks).extracting(b -> rel(b.startTime()) + ".." + rel(b.endTime()))
                .containsExactly(rel(at("PT1H")) + ".." + rel(at("P1DT11H30M")), rel(at("P3D")) + ".." + rel(at("P4DT11H30M")));
        String arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName("split")
                .trainingPlanOfferingId(offerings.get(0).trainingPlanOfferingId())).trainingPlanArn();
        admin.advance(Duration.ofMinutes(2));
        return arn;
    }

    @Test
    void aRunningJobIsInterruptedThirtyMinutesBeforeItsBlockEndsAndResumesInTheNextBlock() {
        String plan = twoBlockPlan();
        admin.setClock(at("P1DT10H45M"));
        create(onPlan("late", 8, plan));
        admin.setClock(at("P1DT10H59M"));
        assertThat(status("late")).isEqualTo("InProgress/Training");
        assertThat(counts("split")).isEqualTo("8/0");

        admin.setClock(at("P1DT11H"));
        assertThat(status("late")).isEqualTo("InProgress/Pending");
        assertThat(describe("late").secondaryStatusTransitions().get(3).statusMessage()).isEqualTo(INTERRUPTED);
        assertThat(counts("split")).as("the block is still Active; the interrupted job holds nothing").isEqualTo("0/8");

        admin.setClock(at("P2D"));
        assertThat(status("late")).isEqualTo("InProgress/Pending");
        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("split")).statusAsString()).isEqualTo("Scheduled");
        assertThat(describe("late").secondaryStatusTransitions().get(3).statusMessage())
                .as("it says it was interrupted until it runs again").isEqualTo(INTERRUPTED);

        admin.setClock(at("P3DT1M"));
        assertThat(status("late")).isEqualTo("InProgress/Starting");
        assertThat(counts("split")).isEqualTo("8/0");

        admin.setClock(at("P3DT52M"));
        DescribeTrainingJobResponse d = describe("late");
        assertThat(d.trainingJobStatusAsString()).isEqualTo("Completed");
        assertThat(steps("late")).containsExactly(step("Starting", "P1DT10H45M", "P1DT10H47M"),
                step("Downloading", "P1DT10H47M", "P1DT10H48M"), step("Training", "P1DT10H48M", "P1DT11H"),
                step("Pending", "P1DT11H", "P3D"), step("Starting", "P3D", "P3DT2M"), step("Downloading", "P3DT2M", "P3DT3M"),
                step("Training", "P3DT3M", "P3DT51M"), step("Uploading", "P3DT51M", "P3DT52M"),
                step("Completed", "P3DT52M", "P3DT52M"));
        assertThat(rel(d.trainingStartTime())).isEqualTo(rel(at("P1DT10H47M")));
        assertThat(rel(d.trainingEndTime())).isEqualTo(rel(at("P3DT52M")));
        assertThat(d.billableTimeInSeconds()).as("13 minutes in the first block, 50 in the second: neither the wait nor"
                + " the launches").isEqualTo(63 * 60);
        assertThat(counts("split")).isEqualTo("0/8");
    }

    @Test
    void maxPendingTimeIsCountedOnlyWhileABlockIsActiveThenTheJobIsStopped() {
        String plan = buyJobsPlan("busy", 8);
        // Created in this order, a second apart; the waiter's name sorts first, and creation order still rules.
        create(onPlan("holder-c", 8, plan));
        admin.advance(Duration.ofSeconds(1));
        create(onPlan("holder-b", 8, plan));
        admin.advance(Duration.ofSeconds(1));
        create(onPlan("holder-a", 8, plan));
        admin.advance(Duration.ofSeconds(1));
        create(withStopping(onPlan("a-waiter", 4, plan), s -> s.maxPendingTimeInSeconds(7200)));

        admin.setClock(at("PT1H30M"));
        assertThat(status("holder-c")).isEqualTo("InProgress/Training");
        assertThat(status("a-waiter")).isEqualTo("InProgress/Pending");
        admin.setClock(at("PT2H59M"));
        assertThat(status("holder-c")).isEqualTo("Completed/Completed");
        assertThat(status("holder-b")).isEqualTo("InProgress/Training");
        assertThat(status("a-waiter")).as("two hours since the block started, not since creation").isEqualTo("InProgress/Pending");

        admin.setClock(at("PT3H"));
        DescribeTrainingJobResponse d = describe("a-waiter");
        assertThat(d.trainingJobStatusAsString()).isEqualTo("Stopped");
        assertThat(d.secondaryStatusAsString()).isEqualTo("Stopped");
        assertThat(steps("a-waiter")).containsExactly(step("Pending", "PT2M3S", "PT3H"), step("Stopped", "PT3H", "PT3H"));
        assertThat(d.secondaryStatusTransitions().get(1).statusMessage())
                .isEqualTo("Training job stopped: it waited MaxPendingTimeInSeconds for compute capacity.");
        assertThat(d.failureReason()).isNull();
        assertThat(d.trainingStartTime()).isNull();
        assertThat(d.trainingEndTime()).isNull();
        assertThat(d.billableTimeInSeconds()).as("it never ran").isNull();
        assertThat(d.trainingTimeInSeconds()).isNull();
        assertThat(rel(d.lastModifiedTime())).isEqualTo("PT3H");
        assertThat(status("holder-b")).isEqualTo("InProgress/Training");
        assertThat(counts("busy")).isEqualTo("8/0");
    }

    @Test
    void withoutMaxPendingTimeAJobFailsAfterTwoDaysOfCountedWaiting() {
        String plan = buyJobsPlan("long", 8, 72); // 01:00 on day 0 to 11:30 on day 3
        for (int i = 0; i < 46; i++) {
            create(onPlan(String.format("holder-%02d", i), 8, plan)); // one after another, 64 minutes each
        }
        admin.advance(Duration.ofSeconds(1));
        create(onPlan("waiter", 4, plan));

        admin.setClock(at("P2DT59M"));
        assertThat(status("waiter")).isEqualTo("InProgress/Pending");
        admin.setClock(at("P2DT1H"));
        DescribeTrainingJobResponse d = describe("waiter");
        assertThat(d.trainingJobStatusAsString()).isEqualTo("Failed");
        assertThat(d.secondaryStatusAsString()).isEqualTo("Failed");
        assertThat(d.failureReason()).isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(steps("waiter")).containsExactly(step("Pending", "PT2M1S", "P2DT1H"), step("Failed", "P2DT1H", "P2DT1H"));
        assertThat(d.billableTimeInSeconds()).isNull();
        assertThat(status("holder-44")).as("it started after 46 h 56 min of waiting").isEqualTo("Completed/Completed");
        assertThat(describe("holder-45").failureReason()).as("it too waited two days").isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(counts("long")).isEqualTo("0/8");
    }

    @Test
    void aJobWaitingWhenTheLastBlockCanRunNothingMoreFails() {
        String plan = buyJobsPlan("ending", 8);
        admin.setClock(at("P1DT10H"));
        create(onPlan("runner", 8, plan));
        create(onPlan("waiter", 8, plan));
        admin.setClock(at("P1DT11H"));
        String over = "InsufficientCapacityError: The training plan has no reserved capacity left for the job.";
        DescribeTrainingJobResponse runner = describe("runner");
        assertThat(runner.trainingJobStatusAsString()).isEqualTo("Failed");
        assertThat(runner.failureReason()).isEqualTo(over);
        assertThat(steps("runner")).containsExactly(step("Starting", "P1DT10H", "P1DT10H2M"),
                step("Downloading", "P1DT10H2M", "P1DT10H3M"), step("Training", "P1DT10H3M", "P1DT11H"),
                step("Failed", "P1DT11H", "P1DT11H"));
        assertThat(rel(runner.trainingEndTime())).isEqualTo(rel(at("P1DT11H")));
        assertThat(runner.billableTimeInSeconds()).isEqualTo(58 * 60);
        assertThat(describe("waiter").failureReason()).isEqualTo(over);
        assertThat(steps("waiter")).containsExactly(step("Pending", "P1DT10H", "P1DT11H"), step("Failed", "P1DT11H", "P1DT11H"));
        assertThat(counts("ending")).isEqualTo("0/8");
    }

    // ---- Defects, each seen failing before its fix ----

    /**
     * Defect: jobs created in the same millisecond (a frozen clock) queued by name, so a later "alpha" took the place
     * of an earlier "zulu" that had been shown Starting; a descending list did not reverse them either.
     */
    @Test
    void jobsCreatedAtOneInstantQueueInTheOrderTheyWereCreated() {
        String plan = buyJobsPlan("same-instant", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("zulu", 8, plan));
        assertThat(status("zulu")).isEqualTo("InProgress/Starting");
        create(onPlan("alpha", 8, plan));
        create(onPlan("mike", 8, plan));
        assertThat(status("zulu")).as("the first created keeps its place").isEqualTo("InProgress/Starting");
        assertThat(steps("zulu")).containsExactly(step("Starting", "PT1H", null));
        assertThat(status("alpha")).isEqualTo("InProgress/Pending");
        assertThat(sageMaker.listTrainingJobs(r -> r.sortBy("CreationTime")).trainingJobSummaries())
                .extracting(TrainingJobSummary::trainingJobName).containsExactly("zulu", "alpha", "mike");
        assertThat(sageMaker.listTrainingJobs(r -> r.sortBy("CreationTime").sortOrder("Descending"))
                .trainingJobSummaries()).extracting(TrainingJobSummary::trainingJobName).containsExactly("mike", "alpha", "zulu");
        admin.setClock(at("PT2H4M"));
        assertThat(status("zulu")).isEqualTo("Completed/Completed");
        assertThat(status("alpha")).as("then the second created").isEqualTo("InProgress/Starting");
        assertThat(status("mike")).isEqualTo("InProgress/Pending");
    }

    /** Defect: a job stopped while it waits is counted in use on the plan during its 2 minutes of Stopping. */
    @Test
    void stoppingAWaitingJobDoesNotCountItsInstancesAsInUse() {
        String plan = buyJobsPlan("stop-waiting", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("holder", 4, plan));
        create(onPlan("waiter", 8, plan));
        admin.setClock(at("PT1H10M"));
        assertThat(counts("stop-waiting")).isEqualTo("4/4");
        sageMaker.stopTrainingJob(r -> r.trainingJobName("waiter"));
        assertThat(status("waiter")).isEqualTo("Stopping/Stopping");
        String rc = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("stop-waiting")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
        assertThat(sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(rc)).availableInstanceCount())
                .as("the waiter never had instances").isEqualTo(4);
        assertThat(counts("stop-waiting")).as("only the holder runs").isEqualTo("4/4");
    }

    /** Defect: once a deleted job is purged (by any later CreateTrainingJob), the plan's queue is replayed without it. */
    @Test
    void deletingAFinishedJobDoesNotRewriteTheQueueHistory() {
        String plan = buyJobsPlan("history", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("first", 8, plan));
        create(onPlan("second", 8, plan));
        admin.setClock(at("PT2H10M"));
        List<String> seen = steps("second");
        assertThat(seen).containsExactly(step("Pending", "PT1H", "PT2H4M"), step("Starting", "PT2H4M", "PT2H6M"),
                step("Downloading", "PT2H6M", "PT2H7M"), step("Training", "PT2H7M", null));
        sageMaker.deleteTrainingJob(r -> r.trainingJobName("first"));
        admin.setClock(at("PT2H12M"));
        assertThat(steps("second")).isEqualTo(seen);
        create(job("unrelated", "ml.m5.xlarge", 1)); // purges the deleted job's row
        assertThat(status("second")).isEqualTo("InProgress/Training");
        assertThat(steps("second")).as("the past of a job does not change").isEqualTo(seen);
        assertThat(counts("history")).isEqualTo("8/0");
    }

    private void extend(String plan) {
        String id = raw.ok("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + plan + "\"}")
                .get("TrainingPlanExtensionOfferings").get(0).get("TrainingPlanExtensionOfferingId").asText();
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + id + "\"}");
    }

    /** Defect: the replay uses the block's current end, so an extension bought later revives a job that has failed. */
    @Test
    void anExtensionBoughtAfterTheLastInterruptionDoesNotReviveAFailedJob() {
        String plan = buyJobsPlan("revive", 8);
        admin.setClock(at("P1DT10H45M"));
        create(onPlan("late", 8, plan));
        admin.setClock(at("P1DT11H5M"));
        assertThat(status("late")).isEqualTo("Failed/Failed");
        List<String> seen = steps("late");
        assertThat(seen).containsExactly(step("Starting", "P1DT10H45M", "P1DT10H47M"),
                step("Downloading", "P1DT10H47M", "P1DT10H48M"), step("Training", "P1DT10H48M", "P1DT11H"),
                step("Failed", "P1DT11H", "P1DT11H"));
        extend(plan);
        assertThat(status("late")).as("a Failed job stays Failed").isEqualTo("Failed/Failed");
        assertThat(describe("late").failureReason())
                .isEqualTo("InsufficientCapacityError: The training plan has no reserved capacity left for the job.");
        assertThat(steps("late")).isEqualTo(seen);
    }

    /**
     * Defect (third review): with the clock frozen in the block's last 30 minutes, a test extends the plan and then
     * creates a job at that same instant: the job must see the extension, not fail for want of capacity.
     */
    @Test
    void aJobCreatedAtTheInstantOfAnExtensionButAfterItRunsInIt() {
        String plan = buyJobsPlan("extend-then-create", 8);
        admin.setClock(at("P1DT11H10M"));
        extend(plan);
        create(onPlan("after", 8, plan));
        assertThat(status("after")).isEqualTo("InProgress/Starting");
        admin.setClock(at("P1DT11H40M"));
        assertThat(status("after")).as("past the block's first end: the extension holds").isEqualTo("InProgress/Training");
    }

    /** Defect (third review): a create at t took the place a failure at t had just given a waiting job. */
    @Test
    void aCreateAfterAFailureAtOneInstantQueuesBehindTheJobTheFailureStarted() {
        String plan = buyJobsPlan("freed", 8);
        admin.setClock(at("PT1H"));
        create(onPlan("a", 4, plan));
        create(onPlan("b", 8, plan));
        admin.setClock(at("PT1H30M"));
        admin.failTrainingJob("a", "AlgorithmError: x");
        assertThat(status("b")).isEqualTo("InProgress/Starting");
        create(onPlan("c", 4, plan));
        assertThat(status("b")).as("what was shown stays").isEqualTo("InProgress/Starting");
        assertThat(status("c")).isEqualTo("InProgress/Pending");
        assertThat(counts("freed")).isEqualTo("8/0");
        sageMaker.stopTrainingJob(r -> r.trainingJobName("b"));
        assertThat(steps("b")).containsExactly(step("Pending", "PT1H", "PT1H30M"), step("Starting", "PT1H30M", "PT1H30M"),
                step("Stopping", "PT1H30M", null));
        assertThat(counts("freed")).as("b holds its instances while it stops").isEqualTo("8/0");
    }

    /** Defect: an extension whose payment fails moves the block's end back, and the job's observed past changes. */
    @Test
    void anExtensionWhosePaymentFailsDoesNotRewriteWhatWasObserved() {
        String plan = buyJobsPlan("unpaid-extension", 8);
        admin.setClock(at("P1DT10H45M"));
        create(onPlan("late", 8, plan));
        admin.setClock(at("P1DT10H59M"));
        admin.failNextPayments(1);
        extend(plan); // its payment fails at 11:01
        admin.setClock(at("P1DT11H"));
        assertThat(status("late")).as("the plan still ends at the extension's end").isEqualTo("InProgress/Training");
        admin.setClock(at("P1DT11H2M"));
        SecondaryStatusTransition training = describe("late").secondaryStatusTransitions().get(2);
        assertThat(training.statusAsString()).isEqualTo("Training");
        assertThat(training.endTime()).as("it was seen training at 11:00").isAfter(at("P1DT11H"));
    }
}
