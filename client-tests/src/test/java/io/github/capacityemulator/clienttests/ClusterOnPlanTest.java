package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.ClusterNodeSummary;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Instance groups on a training plan: nodes only while the plan is Active, and the plan's counts follow. */
class ClusterOnPlanTest extends ClusterTestBase {

    private String planArn;

    @BeforeEach
    void aScheduledPlanOfEightP5s() {
        planArn = buyP5("reserved", 8, 24); // 01:00 on day 0 until 11:30 on day 1
        admin.advance(Duration.ofMinutes(2));
    }

    private static ClusterInstanceGroupSpecification onPlan(String name, int count, String plan) {
        return group(name, "ml.p5.48xlarge", count).toBuilder().trainingPlanArn(plan).build();
    }

    private DescribeTrainingPlanResponse plan() {
        return sageMaker.describeTrainingPlan(r -> r.trainingPlanName("reserved"));
    }

    @Test
    void beforeTheBlockTheGroupWaitsThenNodesComeAndGoWithIt() {
        createCluster("on-plan", onPlan("gpus", 8, planArn));
        admin.advance(CREATE);
        ClusterInstanceGroupDetails waiting = describeCluster("on-plan").instanceGroups().get(0);
        assertThat(describeCluster("on-plan").clusterStatusAsString()).isEqualTo("InService");
        assertThat(waiting.currentCount()).isZero();
        assertThat(waiting.targetCount()).isEqualTo(8);
        assertThat(waiting.trainingPlanArn()).isEqualTo(planArn);
        assertThat(waiting.trainingPlanStatus()).isEqualTo("Scheduled");
        assertThat(allNodes("on-plan", 10)).isEmpty();
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries().get(0).trainingPlanArns()).containsExactly(planArn);
        assertThat(sageMaker.listClusters(r -> r.trainingPlanArn(planArn)).clusterSummaries()).hasSize(1);

        admin.setClock(at("PT1H"));
        List<ClusterNodeSummary> nodes = allNodes("on-plan", 3);
        assertThat(nodes).hasSize(8).extracting(ClusterNodeSummary::instanceId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("i-[0-9a-f]{17}"));
        assertThat(allNodes("on-plan", 5)).extracting(ClusterNodeSummary::instanceId)
                .as("ids are stable from one read to the next").isEqualTo(nodes.stream().map(ClusterNodeSummary::instanceId).toList());
        assertThat(describeCluster("on-plan").instanceGroups().get(0).trainingPlanStatus()).isEqualTo("Active");
        DescribeTrainingPlanResponse active = plan();
        assertThat(active.inUseInstanceCount()).isEqualTo(8);
        assertThat(active.availableInstanceCount()).isZero();

        admin.setClock(at("P1DT11H30M"));
        assertThat(nodeStatuses("on-plan")).containsOnly("ShuttingDown").hasSize(8);
        admin.advance(DELETE);
        assertThat(allNodes("on-plan", 10)).isEmpty();
        assertThat(describeCluster("on-plan").instanceGroups().get(0).currentCount()).isZero();
        assertThat(plan().statusAsString()).isEqualTo("Expired");
        assertThat(plan().inUseInstanceCount()).isZero();
    }

    @Test
    void groupsShareThePlansRoomAndDeletingAClusterGivesItBack() {
        createCluster("half-a", onPlan("gpus", 4, planArn));
        createCluster("half-b", onPlan("gpus", 4, planArn));
        SageMakerException full = catchThrowableOfType(SageMakerException.class,
                () -> createCluster("too-many", onPlan("gpus", 1, planArn)));
        assertThat(full.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(full.awsErrorDetails().errorMessage()).isEqualTo("Instance group gpus cannot use training plan reserved:"
                + " it has room for 0 more instances, and the group asks for 1.");
        admin.setClock(at("PT1H"));
        assertThat(plan().inUseInstanceCount()).isEqualTo(8);
        admin.advance(CREATE);
        sageMaker.deleteCluster(r -> r.clusterName("half-b"));
        admin.advance(DELETE);
        assertThat(plan().inUseInstanceCount()).isEqualTo(4);
        assertThat(plan().availableInstanceCount()).isEqualTo(4);
        createCluster("again", onPlan("gpus", 4, planArn));
    }

    @Test
    void aGroupMustFitItsPlan() {
        assertThat(error(onPlan("g", 1, "arn:aws:sagemaker:us-east-1:000000000000:training-plan/missing")))
                .isEqualTo("Instance group g: training plan arn:aws:sagemaker:us-east-1:000000000000:training-plan/missing"
                        + " does not exist in this account and region.");
        assertThat(error(group("g", "ml.p4d.24xlarge", 1).toBuilder().trainingPlanArn(planArn).build()))
                .isEqualTo("Instance group g cannot use training plan reserved: it reserves ml.p5.48xlarge, not ml.p4d.24xlarge.");
        assertThat(error(onPlan("g", 9, planArn)))
                .isEqualTo("Instance group g cannot use training plan reserved: it has room for 8 more instances, and the group asks for 9.");

        String jobsPlan = sageMaker.createTrainingPlan(r -> r.trainingPlanName("jobs").trainingPlanOfferingId(
                searchP5(1, 24, SageMakerResourceName.TRAINING_JOB).trainingPlanOfferings().get(0).trainingPlanOfferingId()))
                .trainingPlanArn();
        assertThat(error(onPlan("g", 1, jobsPlan)))
                .isEqualTo("Instance group g cannot use training plan jobs: it targets [training-job], not hyperpod-cluster.");

        admin.setClock(at("P2D"));
        assertThat(error(onPlan("g", 1, planArn)))
                .isEqualTo("Instance group g cannot use training plan reserved: it is Expired.");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
    }

    @Test
    void aFailedPlanCannotCarryAGroup() {
        admin.failNextPayments(1);
        String failing = buyP5("unpaid", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        assertThat(error(onPlan("g", 1, failing)))
                .isEqualTo("Instance group g cannot use training plan unpaid: it is Failed.");
    }

    private String error(ClusterInstanceGroupSpecification spec) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> createCluster("c", spec));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }
}
