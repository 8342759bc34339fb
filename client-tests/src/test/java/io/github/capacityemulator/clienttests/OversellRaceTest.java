package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 buyers race for 32 distinct offerings over the same 32 instances, 4 each: exactly 8 win. */
class OversellRaceTest extends PlanTestBase {

    @Test
    void capacityIsNeverOversoldUnderConcurrentPurchases() throws Exception {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, null, 32)));
        List<String> offerings = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            // Distinct requests give distinct quotes; every one of them draws on the same hours.
            int second = i;
            offerings.add(sageMaker.searchTrainingPlanOfferings(r -> r
                    .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(4).durationHours(24L)
                    .startTimeAfter(at("PT30M").plusSeconds(second)).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                    .trainingPlanOfferings().get(0).trainingPlanOfferingId());
        }
        assertThat(offerings).doesNotHaveDuplicates();

        List<Boolean> outcomes = AtOnce.run(AtOnce.times(32, i -> {
            try {
                sageMaker.createTrainingPlan(r -> r.trainingPlanName("race-" + i).trainingPlanOfferingId(offerings.get(i)));
                return true;
            } catch (ResourceNotFoundException e) {
                assertThat(e.awsErrorDetails().errorMessage()).endsWith("its capacity has been reserved by another purchase.");
                return false;
            }
        }));
        long won = outcomes.stream().filter(b -> b).count();

        assertThat(won).isEqualTo(8);
        assertThat(sageMaker.listTrainingPlans(r -> r.maxResults(100)).trainingPlanSummaries()).hasSize(8);
        assertThat(sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(1).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER)
                .endTimeBefore(at("P1DT12H"))).trainingPlanOfferings())
                .as("not one instance is left in the window the winners hold").isEmpty();
    }
}
