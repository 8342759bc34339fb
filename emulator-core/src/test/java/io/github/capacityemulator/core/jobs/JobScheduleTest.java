package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.capacity.ReservedBlock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay of jobs on a plan and on demand: every transition at the time the facts and the clock say. */
class JobScheduleTest {

    private static final long MIN = Duration.ofMinutes(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final TrainingJobSettings SETTINGS = TrainingJobSettings.defaults(); // 2 + 1 min, 1 h, 1 min
    private static final ReservedBlock FIRST = new ReservedBlock("rc-1", "us-east-1a", 10 * HOUR, 20 * HOUR, "Active");
    private static final ReservedBlock SECOND = new ReservedBlock("rc-2", "us-east-1a", 30 * HOUR, 40 * HOUR, "Scheduled");

    private static JobFacts job(String name, long created, int count, long trains, Long maxPending) {
        return new JobFacts(name, "arn:" + name, created, "ml.p5.48xlarge", count, "arn:plan", null, trains, 28 * DAY,
                maxPending, "s3://b/out", null, null, null, null, null, null);
    }

    private static List<String> statuses(JobTimeline t) {
        return t.steps().stream().map(s -> s.status() + "@" + s.start() / MIN).toList();
    }

    private static Map<String, JobTimeline> at(List<JobFacts> jobs, long now, ReservedBlock... blocks) {
        return JobSchedule.onPlan(SETTINGS, jobs, List.of(blocks), 8, now);
    }

    @Test
    void threeJobsOfFourOnEightInstancesTwoRunTheThirdWaitsAndStartsWhenOneCompletes() {
        List<JobFacts> jobs = List.of(job("a", 11 * HOUR, 4, HOUR, null), job("b", 11 * HOUR + MIN, 4, 2 * HOUR, null),
                job("c", 11 * HOUR + 2 * MIN, 4, HOUR, null));
        Map<String, JobTimeline> mid = at(jobs, 11 * HOUR + 30 * MIN, FIRST);
        assertThat(mid.get("a").secondaryStatus()).isEqualTo("Training");
        assertThat(mid.get("b").secondaryStatus()).isEqualTo("Training");
        assertThat(mid.get("c").secondaryStatus()).isEqualTo("Pending");
        assertThat(mid.get("c").steps().get(0).message()).isEqualTo(JobMessages.WAITING_FOR_CAPACITY);
        // a: Starting 660, Downloading 662, Training 663, Uploading 723, Completed 724: c starts then.
        Map<String, JobTimeline> later = at(jobs, 13 * HOUR, FIRST);
        assertThat(statuses(later.get("a"))).containsExactly("Starting@660", "Downloading@662", "Training@663",
                "Uploading@723", "Completed@724");
        assertThat(later.get("a").status()).isEqualTo("Completed");
        assertThat(statuses(later.get("c"))).containsExactly("Pending@662", "Starting@724", "Downloading@726",
                "Training@727");
        assertThat(later.get("c").holdsCapacity()).isTrue();
        // The past does not change as the clock moves.
        assertThat(at(jobs, 12 * HOUR + 5 * MIN, FIRST).get("c").steps().get(1).start()).isEqualTo(724 * MIN);
    }

    @Test
    void aJobCreatedBeforeItsBlockWaitsUncountedAndStartsAtTheBlocksStart() {
        Map<String, JobTimeline> t = at(List.of(job("a", HOUR, 8, HOUR, 7200_000L)), 10 * HOUR + 5 * MIN, FIRST);
        assertThat(statuses(t.get("a"))).containsExactly("Pending@60", "Starting@600", "Downloading@602", "Training@603");
        assertThat(t.get("a").steps().get(0).message()).isEqualTo(JobMessages.WAITING_FOR_PLAN);
    }

    @Test
    void aRunningJobIsInterruptedThirtyMinutesBeforeItsBlockEndsAndResumesInTheNext() {
        // Trains 5 h from 19:00 - 27 min... : starts 18:00, trains from 18:03 to the interrupt at 19:30 (87 min done).
        JobFacts a = job("a", 18 * HOUR, 8, 5 * HOUR, null);
        JobTimeline between = at(List.of(a), 25 * HOUR, FIRST, SECOND).get("a");
        assertThat(statuses(between)).containsExactly("Starting@1080", "Downloading@1082", "Training@1083", "Pending@1170");
        assertThat(between.steps().get(3).message()).isEqualTo(JobMessages.INTERRUPTED);
        assertThat(between.holdsCapacity()).isFalse();
        JobTimeline done = at(List.of(a), 40 * HOUR, FIRST, SECOND).get("a");
        // Resumes at 30:00; 300 - 87 = 213 min of training left: 30:03 + 213 min = 33:36, uploaded at 33:37.
        assertThat(statuses(done)).containsExactly("Starting@1080", "Downloading@1082", "Training@1083", "Pending@1170",
                "Starting@1800", "Downloading@1802", "Training@1803", "Uploading@2016", "Completed@2017");
        // Billing runs from the instances' first start to the job's end (after the upload), less the wait between.
        assertThat(done.trainingStart()).isEqualTo(1080 * MIN);
        assertThat(done.trainingEnd()).isEqualTo(2017 * MIN);
        assertThat(done.billableMillis()).isEqualTo((2017 - 1080 - (1800 - 1170)) * MIN);
    }

    @Test
    void maxPendingTimeCountsOnlyInsideAnActiveBlockThenStopsTheJob() {
        JobFacts blocker = job("blocker", 5 * HOUR, 8, 100 * HOUR, null);
        JobFacts waiter = job("waiter", 9 * HOUR, 4, HOUR, 2 * HOUR);
        // The waiter waits from 09:00, but counts only from 10:00, when the block starts (and the blocker takes it).
        Map<String, JobTimeline> t = at(List.of(blocker, waiter), 13 * HOUR, FIRST);
        assertThat(statuses(t.get("waiter"))).containsExactly("Pending@540", "Stopped@720");
        assertThat(t.get("waiter").status()).isEqualTo("Stopped");
        assertThat(t.get("waiter").failureReason()).isNull();
        assertThat(t.get("blocker").secondaryStatus()).isEqualTo("Training");
    }

    @Test
    void aJobStoppedAtItsCreationKeepsItsWaitAndOneWithoutCapacityBillsNothing() {
        JobFacts a = job("a", HOUR, 8, HOUR, null).stopped(HOUR);
        assertThat(statuses(at(List.of(a), 2 * HOUR, FIRST).get("a"))).containsExactly("Pending@60", "Stopping@60",
                "Stopped@62");
        JobFacts noRoom = new JobFacts("n", "arn:n", 0, "ml.m5.xlarge", 1, null, null, HOUR, DAY, null, "s3://b", null,
                null, null, null, null, null);
        JobTimeline failed = JobSchedule.onDemand(SETTINGS, noRoom, HOUR);
        assertThat(statuses(failed)).containsExactly("Starting@0", "Failed@2");
        assertThat(failed.failureReason()).isEqualTo(JobMessages.CAPACITY_ERROR);
        assertThat(failed.billableMillis()).isNull();
        assertThat(failed.trainingStart()).isNull();
    }

    @Test
    void aWaitingJobThatIsStoppedHoldsNoInstancesWhileItStops() {
        JobFacts runner = job("runner", 11 * HOUR, 4, 5 * HOUR, null);
        JobFacts waiter = job("waiter", 11 * HOUR + MIN, 8, HOUR, null).stopped(11 * HOUR + 10 * MIN);
        Map<String, JobTimeline> t = at(List.of(runner, waiter), 11 * HOUR + 11 * MIN, FIRST);
        assertThat(t.get("waiter").status()).isEqualTo("Stopping");
        assertThat(t.get("waiter").holdsCapacity()).isFalse();
        assertThat(t.get("runner").holdsCapacity()).isTrue();
    }

    @Test
    void withoutMaxPendingAJobFailsAfterTwoDaysOfCountedWaiting() {
        ReservedBlock longBlock = new ReservedBlock("rc-1", "us-east-1a", 0, 10 * DAY, "Active");
        JobFacts blocker = job("blocker", 0, 8, 9 * DAY, null);
        JobFacts waiter = job("waiter", HOUR, 4, HOUR, null);
        Map<String, JobTimeline> t = JobSchedule.onPlan(SETTINGS, List.of(blocker, waiter), List.of(longBlock), 8, 3 * DAY);
        assertThat(t.get("waiter").status()).isEqualTo("Failed");
        assertThat(t.get("waiter").failureReason()).isEqualTo(JobMessages.INSUFFICIENT_CAPACITY);
        assertThat(t.get("waiter").steps().get(t.get("waiter").steps().size() - 1).start()).isEqualTo(HOUR + 2 * DAY);
        assertThat(t.get("waiter").billableMillis()).isNull();
    }
}
