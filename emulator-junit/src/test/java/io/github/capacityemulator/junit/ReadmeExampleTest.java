package io.github.capacityemulator.junit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

// The sample of the README, kept honest by running it.
@SageMakerEmulatorTest
class ReadmeExampleTest {

    @Test
    void aPlanIsScheduledOnceItsPaymentGoesThrough(SageMakerClient sageMaker, EmulatorControl emulator) {
        String offering = sageMaker.searchTrainingPlanOfferings(r -> r
                        .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8)
                        .durationHours(48L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0).trainingPlanOfferingId();
        sageMaker.createTrainingPlan(r -> r.trainingPlanName("my-plan").trainingPlanOfferingId(offering));

        emulator.advanceClock(Duration.ofMinutes(2)); // payment takes 2 minutes of clock time

        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("my-plan")).status())
                .isEqualTo(TrainingPlanStatus.SCHEDULED);
        assertThat(emulator.requests("CreateTrainingPlan")).hasSize(1);
    }
}
