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

    /** Jobs made here are accepted in the order they are made (their sequence). */
    private static final java.util.concurrent.atomic.AtomicLong ACCEPTED = new java.util.concurrent.atomic.AtomicLong();

    private static JobFacts job(String name, long created, int count, long trains, Long maxPending) {
        return new JobFacts(name, "arn:" + name, created, "ml.p5.48xlarge", count, "arn:plan", null, trains, 28 * DAY,
                maxPending, "s3://b/out", null, null, null, null, null, null, ACCEPTED.incrementAndGet(), 0, 0, 0);
    }

    private static List<String> statuses(JobTimeline t) {
        return t.steps().stream().map(s -> s.status() + "@" + s.start() / MIN).toList();
    }

    /** The timelines by job name (the replay keys them by name and creation time). */
    private static Map<String, JobTimeline> at(List<JobFacts> jobs, long now, ReservedBlock... blocks) {
        return byName(JobSchedule.onPlan(SETTINGS, jobs, List.of(blocks), 8, now));
    }

    private static Map<String, JobTimeline> byName(Map<String, JobTimeline> byKey) {
        Map<String, JobTimeline> out = new java.util.HashMap<>();
        byKey.forEach((key, t) -> out.put(key.substring(0, key.indexOf('@')), t));
        return out;
    }

    /** The first block with an extension from its end to {@code to}, bought at {@code boughtAt}, revoked at a time. */
    private static ReservedBlock extended(long boughtAt, long to, long revokedAt) {
        long end = revokedAt <= boughtAt ? FIRST.end() : to;
        return new ReservedBlock(FIRST.arn(), FIRST.zone(), FIRST.start(), end, "Active", FIRST.end(),
                List.of(new ReservedBlock.Prolongation(boughtAt, ACCEPTED.incrementAndGet(), FIRST.end(), to, revokedAt)));
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
        assertThat(t.get("a").steps().get(0).message()).isEqualTo(JobMessages.WAITING_FOR_CAPACITY);
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
        // Billing runs from the end of the first launch (instances up) to the job's end (after the upload), less the
        // wait and the second launch between.
        assertThat(done.trainingStart()).isEqualTo(1082 * MIN);
        assertThat(done.trainingEnd()).isEqualTo(2017 * MIN);
        assertThat(done.billableMillis()).isEqualTo((2017 - 1082 - (1802 - 1170)) * MIN);
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
        JobFacts a = job("a", HOUR, 8, HOUR, null).stopped(HOUR, ACCEPTED.incrementAndGet());
        assertThat(statuses(at(List.of(a), 2 * HOUR, FIRST).get("a"))).containsExactly("Pending@60", "Stopping@60",
                "Stopped@62");
        JobFacts noRoom = new JobFacts("n", "arn:n", 0, "ml.m5.xlarge", 1, null, null, HOUR, DAY, null, "s3://b", null,
                null, null, null, null, null, 1, 0, 0, 0);
        JobTimeline failed = JobSchedule.onDemand(SETTINGS, noRoom, HOUR);
        assertThat(statuses(failed)).containsExactly("Starting@0", "Failed@2");
        assertThat(failed.failureReason()).isEqualTo(JobMessages.CAPACITY_ERROR);
        assertThat(failed.billableMillis()).isNull();
        assertThat(failed.trainingStart()).isNull();
    }

    @Test
    void aWaitingJobThatIsStoppedHoldsNoInstancesWhileItStops() {
        JobFacts runner = job("runner", 11 * HOUR, 4, 5 * HOUR, null);
        JobFacts waiter = job("waiter", 11 * HOUR + MIN, 8, HOUR, null).stopped(11 * HOUR + 10 * MIN, ACCEPTED.incrementAndGet());
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
        Map<String, JobTimeline> t = byName(JobSchedule.onPlan(SETTINGS, List.of(blocker, waiter), List.of(longBlock), 8,
                3 * DAY));
        assertThat(t.get("waiter").status()).isEqualTo("Failed");
        assertThat(t.get("waiter").failureReason()).isEqualTo(JobMessages.INSUFFICIENT_CAPACITY);
        assertThat(t.get("waiter").steps().get(t.get("waiter").steps().size() - 1).start()).isEqualTo(HOUR + 2 * DAY);
        assertThat(t.get("waiter").billableMillis()).isNull();
    }

    /** Defect: an extension bought after a job had failed at its block's end revived the job in the replay. */
    @Test
    void anExtensionBoughtAfterTheJobFailedAtTheBlocksEndDoesNotReviveIt() {
        List<JobFacts> jobs = List.of(job("late", 19 * HOUR, 8, 3 * HOUR, null));
        List<String> seen = statuses(at(jobs, 19 * HOUR + 40 * MIN, FIRST).get("late"));
        assertThat(seen).containsExactly("Starting@1140", "Downloading@1142", "Training@1143", "Failed@1170");
        ReservedBlock later = extended(19 * HOUR + 45 * MIN, 44 * HOUR, ReservedBlock.Prolongation.NEVER);
        JobTimeline after = at(jobs, 21 * HOUR, later).get("late");
        assertThat(after.status()).isEqualTo("Failed");
        assertThat(statuses(after)).isEqualTo(seen);
        assertThat(after.failureReason()).isEqualTo(JobMessages.PLAN_OVER);
    }

    /** An extension bought before the interruption keeps the job running past the block's first end. */
    @Test
    void anExtensionBoughtInTimeKeepsTheJobRunning() {
        List<JobFacts> jobs = List.of(job("kept", 19 * HOUR, 8, 3 * HOUR, null));
        ReservedBlock longer = extended(19 * HOUR + 10 * MIN, 44 * HOUR, ReservedBlock.Prolongation.NEVER);
        assertThat(statuses(at(jobs, 23 * HOUR, longer).get("kept"))).containsExactly("Starting@1140",
                "Downloading@1142", "Training@1143", "Uploading@1323", "Completed@1324");
    }

    /** Defect: an extension whose payment failed later moved the block's end back over what had been shown. */
    @Test
    void anExtensionWhosePaymentFailsEndsTheJobWhenItFailsNotBefore() {
        List<JobFacts> jobs = List.of(job("late", 19 * HOUR, 8, 3 * HOUR, null));
        long bought = 19 * HOUR + 25 * MIN;
        long refused = 19 * HOUR + 35 * MIN; // after the original interruption time (19:30)
        ReservedBlock pending = extended(bought, 44 * HOUR, ReservedBlock.Prolongation.NEVER);
        List<String> seen = statuses(at(jobs, 19 * HOUR + 34 * MIN, pending).get("late"));
        assertThat(seen).containsExactly("Starting@1140", "Downloading@1142", "Training@1143");
        ReservedBlock failed = extended(bought, 44 * HOUR, refused);
        JobTimeline after = at(jobs, 21 * HOUR, failed).get("late");
        assertThat(statuses(after)).startsWith(seen.toArray(String[]::new));
        assertThat(statuses(after)).containsExactly("Starting@1140", "Downloading@1142", "Training@1143", "Failed@1175");
        assertThat(after.billableMillis()).isEqualTo((1175 - 1142) * MIN);
    }

    /** Defect: a purged job left the replay, and the jobs that had waited behind it changed their past. */
    @Test
    void aJobGoneFromTheTableStillShapesTheQueueWhenItsFactsAreReplayed() {
        JobFacts first = job("first", 11 * HOUR, 8, HOUR, null);
        JobFacts reused = job("first", 14 * HOUR, 8, HOUR, null); // the name again, after the first was purged
        JobFacts second = job("second", 11 * HOUR, 8, HOUR, null);
        Map<String, JobTimeline> t = JobSchedule.onPlan(SETTINGS, List.of(first, second, reused), List.of(FIRST), 8,
                16 * HOUR);
        assertThat(t).containsOnlyKeys("first@" + 11 * HOUR, "first@" + 14 * HOUR, "second@" + 11 * HOUR);
        assertThat(statuses(t.get("second@" + 11 * HOUR))).containsExactly("Pending@660", "Starting@724",
                "Downloading@726", "Training@727", "Uploading@787", "Completed@788");
        assertThat(statuses(t.get("first@" + 14 * HOUR))).startsWith("Starting@840");
    }

    /** Defect: two jobs created in one millisecond queued by name, so the first one's shown start was taken back. */
    @Test
    void jobsCreatedInOneMillisecondQueueInTheOrderTheyWereAccepted() {
        JobFacts zeta = job("zeta", 11 * HOUR, 8, HOUR, null);
        JobFacts alpha = job("alpha", 11 * HOUR, 8, HOUR, null); // accepted after zeta, at the same instant
        Map<String, JobTimeline> t = at(List.of(alpha, zeta), 11 * HOUR, FIRST);
        assertThat(statuses(t.get("zeta"))).containsExactly("Starting@660");
        assertThat(statuses(t.get("alpha"))).containsExactly("Pending@660");
    }

    /** Defect: an outcome scripted at the instant a phase ended removed that phase from the history. */
    @Test
    void anOutcomeAtThePhaseBoundaryKeepsThePhaseThatBeganThen() {
        JobFacts job = job("j", 11 * HOUR, 8, HOUR, null);
        long trainingStarts = 11 * HOUR + 3 * MIN;
        assertThat(statuses(at(List.of(job), trainingStarts, FIRST).get("j"))).endsWith("Training@663");
        JobFacts failed = job.failed(trainingStarts, "AlgorithmError: x", ACCEPTED.incrementAndGet());
        assertThat(statuses(at(List.of(failed), trainingStarts, FIRST).get("j")))
                .containsExactly("Starting@660", "Downloading@662", "Training@663", "Failed@663");
        JobFacts stopped = job.stopped(trainingStarts, ACCEPTED.incrementAndGet());
        assertThat(statuses(at(List.of(stopped), trainingStarts + 5 * MIN, FIRST).get("j")))
                .containsExactly("Starting@660", "Downloading@662", "Training@663", "Stopping@663", "Stopped@665");
    }

    /** Nothing can start in a block's last 30 minutes, so waiting there does not count toward MaxPending. */
    @Test
    void waitingInABlocksLastThirtyMinutesDoesNotCountTowardMaxPending() {
        // FIRST: 10:00-20:00; SECOND: 30:00-40:00. The holder runs in both; the job waits from 19:00: 30 minutes count
        // before 19:30, then none until 30:00, so its two hours run out at 31:30.
        JobFacts holder = job("holder", 10 * HOUR, 8, 20 * HOUR, null);
        JobFacts waiter = job("waiter", 19 * HOUR, 4, HOUR, 7200_000L);
        Map<String, JobTimeline> t = at(List.of(holder, waiter), 35 * HOUR, FIRST, SECOND);
        assertThat(statuses(t.get("waiter"))).containsExactly("Pending@1140", "Stopped@1890");
    }

    /** Defect: a stop or failure at the instant a queued job started erased its start, and another job took its place. */
    @Test
    void anOutcomeAtTheInstantAJobStartsKeepsTheStart() {
        JobFacts first = job("first", 11 * HOUR, 8, HOUR, null);
        JobFacts second = job("second", 11 * HOUR, 8, HOUR, null);
        JobFacts third = job("third", 11 * HOUR, 8, HOUR, null);
        long secondStarts = 724 * MIN; // first: 660..724
        assertThat(statuses(at(List.of(first, second, third), secondStarts, FIRST).get("second")))
                .containsExactly("Pending@660", "Starting@724");
        Map<String, JobTimeline> stopped = at(List.of(first, second.stopped(secondStarts, ACCEPTED.incrementAndGet()), third), secondStarts + MIN, FIRST);
        assertThat(statuses(stopped.get("second"))).containsExactly("Pending@660", "Starting@724", "Stopping@724");
        assertThat(stopped.get("second").holdsCapacity()).as("its instances came up: it holds them while it stops")
                .isTrue();
        assertThat(statuses(stopped.get("third"))).containsExactly("Pending@660");
        Map<String, JobTimeline> failed = at(List.of(first, second.failed(secondStarts, "AlgorithmError: x", ACCEPTED.incrementAndGet()), third),
                secondStarts + MIN, FIRST);
        assertThat(statuses(failed.get("second"))).containsExactly("Pending@660", "Starting@724", "Failed@724");
        assertThat(statuses(failed.get("third"))).as("the failure freed the instances at once")
                .containsExactly("Pending@660", "Starting@724");
    }

    /** Defect: a stop at the instant of an interruption erased the interruption. */
    @Test
    void aStopAtTheInstantOfAnInterruptionKeepsTheInterruption() {
        JobFacts job = job("j", 19 * HOUR, 8, 3 * HOUR, null);
        long interrupted = 1170 * MIN;
        JobTimeline t = at(List.of(job.stopped(interrupted, ACCEPTED.incrementAndGet())), interrupted + 5 * MIN, FIRST, SECOND).get("j");
        assertThat(statuses(t)).containsExactly("Starting@1140", "Downloading@1142", "Training@1143", "Pending@1170",
                "Stopping@1170", "Stopped@1172");
        assertThat(t.steps().get(3).message()).isEqualTo(JobMessages.INTERRUPTED);
    }

    /** Defect: an extension bought at the very instant a job failed at its block's end revived it. */
    @Test
    void anExtensionBoughtAtTheInstantTheJobFailedDoesNotReviveIt() {
        List<JobFacts> jobs = List.of(job("late", 19 * HOUR, 8, 3 * HOUR, null));
        long failedAt = 1170 * MIN;
        ReservedBlock then = extended(failedAt, 44 * HOUR, ReservedBlock.Prolongation.NEVER);
        JobTimeline after = at(jobs, 21 * HOUR, then).get("late");
        assertThat(statuses(after)).containsExactly("Starting@1140", "Downloading@1142", "Training@1143", "Failed@1170");
    }

    /** A job of 4 instances accepted at {@code created} (after the facts made before it). */
    private static JobFacts four(String name, long created) {
        return job(name, created, 4, HOUR, null);
    }

    /**
     * Defect (third review): the facts of one instant were grouped by kind, not replayed in the order they were
     * accepted. A create at t took the instances a failure at t had just given a waiting job, and a stop at t erased
     * a start that a failure at t had allowed.
     */
    @Test
    void theFactsOfOneInstantAreReplayedInTheOrderTheyWereAccepted() {
        long t = 12 * HOUR;
        JobFacts a = four("a", 11 * HOUR);
        JobFacts b = job("b", 11 * HOUR + MIN, 8, HOUR, null);
        JobFacts aFailed = a.failed(t, "AlgorithmError: x", ACCEPTED.incrementAndGet()); // b starts: 8 free
        JobFacts c = four("c", t);                                                        // then c is created
        Map<String, JobTimeline> r1 = at(List.of(aFailed, b, c), t + MIN, FIRST);
        assertThat(statuses(r1.get("b"))).containsExactly("Pending@661", "Starting@720");
        assertThat(statuses(r1.get("c"))).containsExactly("Pending@720");

        JobFacts bStopped = b.stopped(t, ACCEPTED.incrementAndGet()); // stopped after its start was shown
        Map<String, JobTimeline> r3 = at(List.of(aFailed, bStopped, c), t + MIN, FIRST);
        assertThat(statuses(r3.get("b"))).containsExactly("Pending@661", "Starting@720", "Stopping@720");
        assertThat(r3.get("b").holdsCapacity()).isTrue();
        assertThat(statuses(r3.get("c"))).containsExactly("Pending@720");
    }

    /** Defect (third review): a zero-length Pending a client saw was dropped when a later fact let the job start. */
    @Test
    void aWaitShownAtCreationStaysWhenALaterFactOfThatInstantStartsTheJob() {
        long t = 12 * HOUR;
        JobFacts a = job("a", 11 * HOUR, 8, HOUR, null);
        JobFacts b = job("b", t, 8, HOUR, null);                                 // waits: a holds the 8
        JobFacts aFailed = a.failed(t, "AlgorithmError: x", ACCEPTED.incrementAndGet());
        assertThat(statuses(at(List.of(aFailed, b), t + MIN, FIRST).get("b"))).containsExactly("Pending@720", "Starting@720");
    }

    /** Defect (third review): a completion scripted at the instant of an interruption erased the interruption. */
    @Test
    void aCompletionAtTheInstantOfAnInterruptionComesAfterIt() {
        long interrupted = 1170 * MIN;
        JobFacts job = job("j", 19 * HOUR, 8, 3 * HOUR, null).completed(interrupted, ACCEPTED.incrementAndGet());
        JobTimeline t = at(List.of(job), 30 * HOUR + 10 * MIN, FIRST, SECOND).get("j");
        assertThat(statuses(t)).containsExactly("Starting@1140", "Downloading@1142", "Training@1143", "Pending@1170",
                "Starting@1800", "Downloading@1802", "Training@1803", "Uploading@1803", "Completed@1804");
    }

    /** Defect (third review): an extension bought at t was ignored by a job created after it at t. */
    @Test
    void anExtensionBoughtAtAnInstantCountsForTheFactsAcceptedAfterItThen() {
        long t = 19 * HOUR + 40 * MIN; // inside FIRST's last 30 minutes
        ReservedBlock extended = extended(t, 44 * HOUR, ReservedBlock.Prolongation.NEVER);
        JobFacts created = job("after", t, 8, HOUR, null); // accepted after the extension
        assertThat(statuses(at(List.of(created), t + 5 * MIN, extended).get("after"))).containsExactly("Starting@1180",
                "Downloading@1182", "Training@1183");
    }
}
