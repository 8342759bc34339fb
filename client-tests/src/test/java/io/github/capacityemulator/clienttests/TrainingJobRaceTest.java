package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent creations: a plan's instances are never over-used, a name is taken once, a quota is never exceeded. */
class TrainingJobRaceTest extends TrainingJobTestBase {

    private static final Set<String> HOLDING = Set.of("Starting", "Downloading", "Training", "Uploading", "Stopping");

    @Test
    void sixteenConcurrentJobsOfFourOnEightInstancesRunTwoAtATime() throws Exception {
        String plan = buyJobsPlan("raced", 8);
        admin.setClock(at("PT1H"));
        AtomicInteger creating = new AtomicInteger(16);
        AtomicInteger maxSeen = new AtomicInteger();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = String.format("race-%02d", i);
            tasks.add(() -> {
                try {
                    return create(onPlan(name, 4, plan));
                } finally {
                    creating.decrementAndGet();
                }
            });
        }
        for (int i = 0; i < 2; i++) {
            tasks.add(() -> { // reads the plan until every create has answered
                int reads = 0;
                while (creating.get() > 0 || reads == 0) {
                    DescribeTrainingPlanResponse p = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("raced"));
                    maxSeen.accumulateAndGet(p.inUseInstanceCount(), Math::max);
                    assertThat(p.inUseInstanceCount() + p.availableInstanceCount()).isEqualTo(8);
                    reads++;
                }
                return "reader";
            });
        }
        List<String> results = AtOnce.run(tasks);
        assertThat(results.subList(0, 16)).allMatch(arn -> arn.startsWith("arn:aws:sagemaker:us-east-1:000000000000:training-job/race-"))
                .doesNotHaveDuplicates();
        assertThat(maxSeen.get()).as("in use while the creates raced").isLessThanOrEqualTo(8);
        assertThat(allJobs()).hasSize(16);

        // Every 8 minutes over the queue's 8 rounds of 64 minutes: exactly two jobs up, 8 instances in use.
        Instant end = at("PT1H").plus(WHOLE_RUN.multipliedBy(8));
        for (Instant t = at("PT1H"); t.isBefore(end); t = t.plus(Duration.ofMinutes(8))) {
            admin.setClock(t);
            List<TrainingJobSummary> jobs = allJobs();
            long holding = jobs.stream().filter(j -> HOLDING.contains(j.secondaryStatusAsString())).count();
            assertThat(holding).as("jobs holding capacity at " + rel(t)).isEqualTo(2);
            assertThat(counts("raced")).as("at " + rel(t)).isEqualTo("8/0");
        }
        admin.setClock(end);
        assertThat(allJobs()).extracting(TrainingJobSummary::trainingJobStatusAsString).containsOnly("Completed").hasSize(16);
        assertThat(counts("raced")).isEqualTo("0/8");
        // All were created in one millisecond: they queue in the order their creates were accepted, which
        // ListTrainingJobs' CreationTime order shows, not by name.
        List<String> accepted = allJobs().stream().map(TrainingJobSummary::trainingJobName).toList();
        assertThat(accepted).hasSize(16);
        for (int i = 0; i < 16; i++) {
            DescribeTrainingJobResponse d = describe(accepted.get(i));
            Instant started = d.secondaryStatusTransitions().stream().filter(s -> s.statusAsString().equals("Starting"))
                    .findFirst().orElseThrow().startTime();
            assertThat(started).as(d.trainingJobName() + ", accepted " + (i + 1) + "th, starts in its round")
                    .isEqualTo(at("PT1H").plus(WHOLE_RUN.multipliedBy(i / 2)));
        }
    }

    /**
     * Defect: with the clock running, a create read the time before it took the write lock, so it could be accepted
     * after another yet carry an earlier time and go ahead of it in the queue: a job its creator had seen Starting
     * later showed Pending from that instant. Every status a creator saw must stay in the job's history.
     */
    @Test
    void withTheClockRunningWhatEachCreatorSawStaysInTheHistory() throws Exception {
        String plan = buyJobsPlan("running", 8);
        admin.send("PUT", "clock", "{\"now\":\"" + at("PT1H") + "\",\"frozen\":false}");
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String name = String.format("run-%02d", i);
            tasks.add(() -> {
                create(onPlan(name, 8, plan));
                return seen(name);
            });
        }
        List<List<String>> seen = AtOnce.run(tasks);
        long starting = seen.stream().filter(s -> s.get(s.size() - 1).startsWith("Starting")).count();
        assertThat(starting).as("one job of 8 fits the plan's 8 instances").isEqualTo(1);
        for (List<String> steps : seen) {
            String name = steps.get(0);
            List<String> now = seen(name);
            assertThat(now.subList(0, Math.min(now.size(), steps.size()))).as(name + ": what its creator saw")
                    .isEqualTo(steps);
        }
    }

    /** The job's name, then each step as status@start. */
    private List<String> seen(String name) {
        List<String> out = new ArrayList<>(List.of(name));
        describe(name).secondaryStatusTransitions().forEach(s -> out.add(s.statusAsString() + "@" + s.startTime()));
        return out;
    }

    @Test
    void thirtyTwoConcurrentCreatesOfOneNameMakeOneJob() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String type = i % 2 == 0 ? "ml.m5.xlarge" : "ml.c5.xlarge";
            tasks.add(() -> {
                try {
                    create(job("the-one", type, 1));
                    return "created";
                } catch (ResourceInUseException e) {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training job names must be unique within an"
                            + " AWS account and region, and a training job with this name already exists"
                            + " (arn:aws:sagemaker:us-east-1:000000000000:training-job/the-one)");
                    return "in use";
                }
            });
        }
        List<String> results = AtOnce.run(tasks);
        assertThat(results.stream().filter("created"::equals).count()).isEqualTo(1);
        assertThat(results.stream().filter("in use"::equals).count()).isEqualTo(31);
        assertThat(allJobs()).extracting(TrainingJobSummary::trainingJobName).containsExactly("the-one");
    }

    @Test
    void thirtyTwoConcurrentOnDemandCreatesNeverExceedTheQuota() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = String.format("cpu-%02d", i);
            tasks.add(() -> {
                try {
                    create(job(name, "ml.m5.xlarge", 1));
                    return true;
                } catch (ResourceLimitExceededException e) {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'ml.m5.xlarge"
                            + " for training job usage' is 20 Instances, with current utilization of 20 Instances and a"
                            + " request delta of 1 Instances. Please contact AWS support to request an increase for this limit.");
                    return false;
                }
            });
        }
        List<Boolean> results = AtOnce.run(tasks);
        assertThat(results.stream().filter(b -> b).count()).isEqualTo(20);
        assertThat(allJobs()).hasSize(20);
    }
}
