package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanSummary;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, races on purchases: 32 purchases under one plan name make one plan, and 32 purchases of one offering make
 * one plan; the refused purchases take no capacity. The inventory holds 8 ml.p5.48xlarge and every offering 4 of them,
 * so what is left after a race shows how much was taken.
 */
class TrainingPlanRaceTest extends PlanTestBase {

    private static final String LOST = "lost";
    @BeforeEach
    void eightInstances() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, null, 8)));
    }

    /** A quote for 4 instances for a day in the first day and a half; distinct {@code second}s give distinct quotes. */
    private TrainingPlanOffering quote(int second) {
        return sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(4).durationHours(24L).startTimeAfter(at("PT30M").plusSeconds(second))
                .endTimeBefore(at("P1DT12H")).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
    }

    /** How many instances are still free for a day in the window every quote of this test falls in. */
    private int freeInTheWindow() {
        for (int count : List.of(8, 4, 2, 1)) {
            if (!sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                    .instanceCount(count).durationHours(24L).endTimeBefore(at("P1DT12H"))
                    .targetResources(SageMakerResourceName.HYPERPOD_CLUSTER)).trainingPlanOfferings().isEmpty()) {
                return count;
            }
        }
        return 0;
    }

    @Test
    void thirtyTwoConcurrentPurchasesUnderOneNameMakeOnePlan() throws Exception {
        List<String> offerings = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            offerings.add(quote(i).trainingPlanOfferingId());
        }
        assertThat(offerings).doesNotHaveDuplicates();

        List<String> results = AtOnce.run(AtOnce.times(32, i -> {
            try {
                return racer.createTrainingPlan(r -> r.trainingPlanName("the-plan").trainingPlanOfferingId(offerings.get(i)))
                        .trainingPlanArn();
            } catch (ResourceInUseException e) {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan the-plan already exists.");
                return LOST;
            }
        }));

        List<String> won = results.stream().filter(r -> !r.equals(LOST)).toList();
        assertThat(won).containsExactly("arn:aws:sagemaker:us-east-1:000000000000:training-plan/the-plan");
        assertThat(results.stream().filter(LOST::equals).count()).isEqualTo(31);
        assertThat(sageMaker.listTrainingPlans(r -> r.maxResults(100)).trainingPlanSummaries())
                .extracting(TrainingPlanSummary::trainingPlanName).containsExactly("the-plan");
        DescribeTrainingPlanResponse plan = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("the-plan"));
        assertThat(plan.totalInstanceCount()).isEqualTo(4);
        assertThat(freeInTheWindow()).as("one plan's 4 instances are taken, no more").isEqualTo(4);

        // A refused purchase left its offering as it was: it can still be bought, under another name.
        int loser = results.indexOf(LOST);
        sageMaker.createTrainingPlan(r -> r.trainingPlanName("second").trainingPlanOfferingId(offerings.get(loser)));
        assertThat(freeInTheWindow()).isZero();
    }

    @Test
    void thirtyTwoConcurrentPurchasesOfOneOfferingMakeOnePlan() throws Exception {
        String offering = quote(0).trainingPlanOfferingId();

        List<String> results = AtOnce.run(AtOnce.times(32, i -> {
            try {
                return racer.createTrainingPlan(r -> r.trainingPlanName("buyer-" + i).trainingPlanOfferingId(offering))
                        .trainingPlanArn();
            } catch (ResourceNotFoundException e) {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan offering " + offering
                        + " is no longer available: it has already been purchased.");
                return LOST;
            }
        }));

        List<String> won = results.stream().filter(r -> !r.equals(LOST)).toList();
        assertThat(won).hasSize(1);
        assertThat(results.stream().filter(LOST::equals).count()).isEqualTo(31);
        String winner = "buyer-" + results.indexOf(won.get(0));
        assertThat(won.get(0)).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-plan/" + winner);
        assertThat(sageMaker.listTrainingPlans(r -> r.maxResults(100)).trainingPlanSummaries())
                .extracting(TrainingPlanSummary::trainingPlanName).containsExactly(winner);
        assertThat(freeInTheWindow()).as("the offering's 4 instances are taken once").isEqualTo(4);
    }
}
