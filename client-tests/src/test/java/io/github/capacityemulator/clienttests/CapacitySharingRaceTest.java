package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeClusterResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, capacity shared by clusters and training jobs under concurrent creates: a plan's instances are never
 * claimed beyond what it reserves, whichever kind of resource asks (a plan serves one kind, as in SageMaker: the
 * other kind is refused), and the inventory's on-demand capacity, which HyperPod groups and on-demand training jobs
 * both draw on, is never given out beyond what it holds.
 */
class CapacitySharingRaceTest extends TrainingJobTestBase {

    private static final String TAKEN = "taken";
    private static final String REFUSED = "refused";
    private static final String ON_DEMAND = "ml.g5.2xlarge";
    private static ClusterInstanceGroupSpecification p5Group(int count, String plan) {
        return ClusterTestBase.group("gpus", P5, count).toBuilder().trainingPlanArn(plan).build();
    }

    /** Creates a cluster; a refusal must be a ValidationException saying {@code refusal} (null: none expected). */
    private static Callable<String> createsCluster(String name, ClusterInstanceGroupSpecification group, String refusal) {
        return () -> {
            try {
                racer.createCluster(r -> r.clusterName(name).instanceGroups(group));
                return TAKEN;
            } catch (SageMakerException e) {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal);
                return REFUSED;
            }
        };
    }

    /** Creates a training job; a refusal must be a ValidationException saying {@code refusal} (null: none expected). */
    private static Callable<String> createsJob(String name, CreateTrainingJobRequest.Builder job,
                                        String refusal) {
        return () -> {
            try {
                racer.createTrainingJob(job.build());
                return TAKEN;
            } catch (SageMakerException e) {
                assertThat(e.statusCode()).as(name).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(refusal);
                return REFUSED;
            }
        };
    }

    private static long count(List<String> results, String outcome) {
        return results.stream().filter(outcome::equals).count();
    }

    private List<ClusterNodeSummary> everyNode() {
        List<ClusterNodeSummary> nodes = new ArrayList<>();
        for (ClusterSummary c : sageMaker.listClusters(r -> r.maxResults(100)).clusterSummaries()) {
            nodes.addAll(sageMaker.listClusterNodes(r -> r.clusterName(c.clusterName()).maxResults(100)).clusterNodeSummaries());
        }
        return nodes;
    }

    @Test
    void clustersAndJobsRacingForAHyperPodPlanNeverClaimMoreThanItReserves() throws Exception {
        String plan = buyP5("for-clusters", 8, 24); // 01:00 on day 0 until 11:30 on day 1
        admin.advance(Duration.ofMinutes(2)); // paid
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = "r-" + i;
            tasks.add(i % 4 == 3
                    ? createsJob(name, onPlan(name, 2, plan), "Training job " + name + " cannot use training plan for-clusters:"
                            + " it targets [hyperpod-cluster], not training-job.")
                    : createsCluster(name, p5Group(2, plan), "Instance group gpus cannot use training plan for-clusters: it has"
                            + " room for 0 more instances, and the group asks for 2."));
        }
        List<String> results = AtOnce.run(tasks);

        assertThat(count(results, TAKEN)).as("clusters of 2 on a plan of 8").isEqualTo(4);
        assertThat(count(results, REFUSED)).isEqualTo(28);
        assertThat(sageMaker.listClusters(r -> r.maxResults(100)).clusterSummaries()).hasSize(4);
        assertThat(allJobs()).isEmpty();
        admin.setClock(at("PT1H")); // the plan's block is active
        assertThat(counts("for-clusters")).isEqualTo("8/0");
        assertThat(everyNode()).hasSize(8);
    }

    @Test
    void jobsAndClustersRacingForATrainingJobPlanNeverUseMoreThanItReserves() throws Exception {
        String plan = buyJobsPlan("for-jobs", 8);
        admin.setClock(at("PT1H")); // the plan's block is active: jobs start as they fit
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = "r-" + i;
            tasks.add(i % 4 == 3
                    ? createsCluster(name, p5Group(2, plan), "Instance group gpus cannot use training plan for-jobs: it targets"
                            + " [training-job], not hyperpod-cluster.")
                    : createsJob(name, onPlan(name, 2, plan), null));
        }
        List<String> results = AtOnce.run(tasks);

        assertThat(count(results, TAKEN)).as("every job is accepted, to wait for room").isEqualTo(24);
        assertThat(count(results, REFUSED)).isEqualTo(8);
        assertThat(sageMaker.listClusters(r -> r.maxResults(100)).clusterSummaries()).isEmpty();
        List<TrainingJobSummary> jobs = allJobs();
        assertThat(jobs).hasSize(24);
        assertThat(jobs.stream().filter(j -> j.secondaryStatusAsString().equals("Starting")).count())
                .as("jobs of 2 holding the plan's 8 instances").isEqualTo(4);
        assertThat(jobs.stream().filter(j -> j.secondaryStatusAsString().equals("Pending")).count()).isEqualTo(20);
        assertThat(counts("for-jobs")).isEqualTo("8/0");
    }

    @Test
    void clustersAndOnDemandJobsRacingForTheInventoryNeverTakeMoreThanItHas() throws Exception {
        admin.putInventory("{\"regions\":{\"us-east-1\":{\"us-east-1a\":{\"" + ON_DEMAND + "\":[" + window(t0, null, 8)
                + "]}}}}");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = "r-" + i;
            tasks.add(i % 2 == 0
                    ? createsCluster(name, ClusterTestBase.group("workers", ON_DEMAND, 1), null)
                    : createsJob(name, job(name, ON_DEMAND, 1), null));
        }
        // Without room, neither kind is refused: a cluster rolls back, a job fails on starting.
        assertThat(AtOnce.run(tasks)).containsOnly(TAKEN);

        admin.advance(ClusterTestBase.CREATE);
        List<DescribeClusterResponse> clusters = sageMaker.listClusters(r -> r.maxResults(100)).clusterSummaries().stream()
                .map(c -> sageMaker.describeCluster(r -> r.clusterName(c.clusterName()))).toList();
        assertThat(clusters).hasSize(16);
        List<DescribeClusterResponse> up = clusters.stream().filter(c -> c.clusterStatusAsString().equals("InService")).toList();
        assertThat(clusters).filteredOn(c -> !up.contains(c)).allSatisfy(c -> {
            assertThat(c.clusterStatusAsString()).isEqualTo("RollingBack");
            assertThat(c.failureMessage()).isEqualTo("We currently do not have sufficient capacity for the requested"
                    + " instance type(s). Please try again.");
        });
        List<TrainingJobSummary> jobs = allJobs();
        assertThat(jobs).hasSize(16);
        List<TrainingJobSummary> running = jobs.stream().filter(j -> j.trainingJobStatusAsString().equals("InProgress")).toList();
        assertThat(jobs).filteredOn(j -> !running.contains(j)).allSatisfy(j -> {
            assertThat(j.trainingJobStatusAsString()).isEqualTo("Failed");
            assertThat(describe(j.trainingJobName()).failureReason()).isEqualTo(CAPACITY_ERROR);
        });
        assertThat(up.size() + running.size()).as("clusters in service and jobs running, one instance each")
                .isEqualTo(8);
        assertThat(everyNode()).hasSize(up.size());
    }
}
