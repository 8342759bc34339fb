package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The quotas carry the names AWS gives them in Service Quotas, at their documented defaults (50 live plans per
 * region, 2500 instances per cluster), so the shared emulator of the class is enough.
 */
class QuotaNamesTest extends ClusterTestBase {

    private static final String INCREASE = " Please contact AWS support to request an increase for this limit.";

    private String offering() {
        return sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(1).durationHours(24L).targetResources(SageMakerResourceName.TRAINING_JOB))
                .trainingPlanOfferings().get(0).trainingPlanOfferingId();
    }

    @Test
    void theFiftyFirstLivePlanIsOverNumberOfTrainingPlansPerRegion() {
        for (int i = 1; i <= 50; i++) {
            String name = "plan-" + i;
            String id = offering();
            sageMaker.createTrainingPlan(r -> r.trainingPlanName(name).trainingPlanOfferingId(id));
        }
        String id = offering();
        ResourceLimitExceededException e = catchThrowableOfType(ResourceLimitExceededException.class,
                () -> sageMaker.createTrainingPlan(r -> r.trainingPlanName("plan-51").trainingPlanOfferingId(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceLimitExceeded");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'Number of training "
                + "plans per Region' is 50 Training Plans, with current utilization of 50 Training Plans and a request "
                + "delta of 1 Training Plans." + INCREASE);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.describeTrainingPlan(r -> r.trainingPlanName("plan-51")))).isNotNull();
    }

    @Test
    void aClusterOverTwentyFiveHundredInstancesIsOverMaximumNumberInstancesAllowedPerSageMakerHyperPodCluster() {
        ResourceLimitExceededException e = catchThrowableOfType(ResourceLimitExceededException.class,
                () -> createCluster("huge", group("g", "ml.t3.medium", 2501)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceLimitExceeded");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'Maximum number "
                + "instances allowed per SageMaker HyperPod cluster' is 2500 Instances, with current utilization of 0 "
                + "Instances and a request delta of 2501 Instances." + INCREASE);
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
    }

    @Test
    void growingAClusterOverTwentyFiveHundredInstancesIsOverTheSameQuotaAndChangesNothing() {
        createCluster("small", group("g", "ml.t3.medium", 10));
        admin.advance(CREATE);
        ResourceLimitExceededException e = catchThrowableOfType(ResourceLimitExceededException.class,
                () -> sageMaker.updateCluster(r -> r.clusterName("small").instanceGroups(group("g", "ml.t3.medium", 2501))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'Maximum number "
                + "instances allowed per SageMaker HyperPod cluster' is 2500 Instances, with current utilization of 10 "
                + "Instances and a request delta of 2491 Instances." + INCREASE);
        assertThat(status("small")).isEqualTo("InService");
        assertThat(describeCluster("small").instanceGroups().get(0).targetCount()).isEqualTo(10);
    }
}
