package io.github.capacityemulator.clienttests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityOffering;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every SageMakerResourceName of the model is a plan target: endpoint and studio-apps as well as training-job
 * and hyperpod-cluster. (studio-apps is newer than the SDK on Maven Central, so it is sent as a string.)
 */
class PlanTargetsTest extends ClusterTestBase {

    private List<TrainingPlanOffering> search(String target) {
        return sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(2).durationHours(24L).targetResourcesWithStrings(target)).trainingPlanOfferings();
    }

    private DescribeTrainingPlanResponse describe(String name) {
        return sageMaker.describeTrainingPlan(r -> r.trainingPlanName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"endpoint", "studio-apps"})
    void aPlanForTheTargetIsSearchedBoughtAndFollowsTheClock(String target) {
        List<TrainingPlanOffering> offerings = search(target);
        assertThat(offerings).isNotEmpty();
        assertThat(offerings).allSatisfy(o -> assertThat(o.targetResourcesAsStrings()).containsExactly(target));
        TrainingPlanOffering first = offerings.get(0);
        ReservedCapacityOffering block = first.reservedCapacityOfferings().get(0);
        assertThat(block.instanceType()).isEqualTo(ReservedCapacityInstanceType.ML_P5_48_XLARGE);
        assertThat(block.instanceCount()).isEqualTo(2);
        assertThat(block.startTime()).isEqualTo(at("PT1H"));

        String name = "for-" + target;
        String arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName(name)
                .trainingPlanOfferingId(first.trainingPlanOfferingId())).trainingPlanArn();
        DescribeTrainingPlanResponse pending = describe(name);
        assertThat(pending.trainingPlanArn()).isEqualTo(arn);
        assertThat(pending.statusAsString()).isEqualTo("Pending");
        assertThat(pending.targetResourcesAsStrings()).containsExactly(target);
        assertThat(pending.totalInstanceCount()).isEqualTo(2);

        admin.advance(Duration.ofMinutes(2));
        DescribeTrainingPlanResponse scheduled = describe(name);
        assertThat(scheduled.statusAsString()).isEqualTo("Scheduled");
        assertThat(scheduled.startTime()).isEqualTo(at("PT1H"));
        Instant end = scheduled.endTime();
        assertThat(end).isEqualTo(first.reservedCapacityOfferings().get(first.reservedCapacityOfferings().size() - 1)
                .endTime());
        assertThat(sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries())
                .singleElement().satisfies(s -> assertThat(s.targetResourcesAsStrings()).containsExactly(target));

        admin.setClock(at("PT1H"));
        assertThat(describe(name).statusAsString()).isEqualTo("Active");
        assertThat(describe(name).availableInstanceCount()).isEqualTo(2);

        admin.setClock(end);
        assertThat(describe(name).statusAsString()).isEqualTo("Expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"endpoint", "studio-apps"})
    void aClusterGroupCannotUseAPlanForTheTargetAndNothingIsCreated(String target) {
        String name = "for-" + target;
        String arn = sageMaker.createTrainingPlan(r -> r.trainingPlanName(name)
                .trainingPlanOfferingId(search(target).get(0).trainingPlanOfferingId())).trainingPlanArn();
        admin.advance(Duration.ofMinutes(2));
        assertThat(describe(name).statusAsString()).isEqualTo("Scheduled");

        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> createCluster("c",
                group("g", "ml.p5.48xlarge", 1).toBuilder().trainingPlanArn(arn).build()));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Instance group g cannot use training plan " + name
                + ": it targets [" + target + "], not hyperpod-cluster.");
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
        assertThat(describe(name).inUseInstanceCount()).isZero();
    }
}
