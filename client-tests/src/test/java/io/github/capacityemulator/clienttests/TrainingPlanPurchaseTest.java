package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacitySummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrainingPlanPurchaseTest extends PlanTestBase {

    private DescribeTrainingPlanResponse describe(String name) {
        return sageMaker.describeTrainingPlan(r -> r.trainingPlanName(name));
    }

    private List<String> planNames() {
        return sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries().stream()
                .map(s -> s.trainingPlanName()).sorted().toList();
    }

    private TrainingPlanOffering firstOffering(int count, int hours) {
        return searchP5(count, hours, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings().get(0);
    }

    private String create(String name, String offeringId) {
        return sageMaker.createTrainingPlan(r -> r.trainingPlanName(name).trainingPlanOfferingId(offeringId))
                .trainingPlanArn();
    }

    @Test
    void walksPendingScheduledActiveExpiredAsTheClockMoves() {
        TrainingPlanOffering offering = firstOffering(8, 48);
        String arn = create("life", offering.trainingPlanOfferingId());
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-plan/life");

        DescribeTrainingPlanResponse pending = describe("life");
        assertThat(pending.statusAsString()).isEqualTo("Pending");
        assertThat(pending.statusMessage()).isEqualTo("Payment is being processed.");
        assertThat(pending.upfrontFee()).isEqualTo(offering.upfrontFee());
        assertThat(pending.currencyCode()).isEqualTo("USD");
        assertThat(pending.totalInstanceCount()).isEqualTo(8);
        assertThat(pending.targetResources()).containsExactly(SageMakerResourceName.HYPERPOD_CLUSTER);

        admin.advance(Duration.ofMinutes(2));
        DescribeTrainingPlanResponse scheduled = describe("life");
        assertThat(scheduled.statusAsString()).isEqualTo("Scheduled");
        assertThat(scheduled.statusMessage()).isEqualTo("Payment confirmed, training plan scheduled.");
        assertThat(scheduled.availableInstanceCount()).isZero();
        assertThat(scheduled.startTime()).isEqualTo(at("PT1H"));
        assertThat(scheduled.endTime()).isEqualTo(at("P2DT11H30M"));
        assertThat(scheduled.durationHours()).isEqualTo(58L);
        assertThat(scheduled.durationMinutes()).isEqualTo(30L);
        ReservedCapacitySummary rc = scheduled.reservedCapacitySummaries().get(0);
        assertThat(rc.reservedCapacityArn()).matches("arn:aws:sagemaker:us-east-1:000000000000:reserved-capacity/rc-[0-9a-f]{16}");
        assertThat(rc.statusAsString()).isEqualTo("Scheduled");
        assertThat(rc.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(rc.totalInstanceCount()).isEqualTo(8);

        admin.setClock(at("PT1H"));
        DescribeTrainingPlanResponse active = describe("life");
        assertThat(active.statusAsString()).isEqualTo("Active");
        assertThat(active.availableInstanceCount()).isEqualTo(8);
        assertThat(active.inUseInstanceCount()).isZero();
        assertThat(active.reservedCapacitySummaries().get(0).statusAsString()).isEqualTo("Active");

        admin.setClock(at("P2DT11H30M"));
        assertThat(describe("life").statusAsString()).isEqualTo("Expired");
        assertThat(describe("life").availableInstanceCount()).isZero();
    }

    @Test
    void aPlanOfTwoBlocksIsScheduledAgainBetweenThem() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, at("P3DT12H"), 8) + "," + window(at("P5D"), at("P20D"), 8)));
        TrainingPlanOffering split = sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(120L)
                .endTimeBefore(at("P8DT12H")).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        create("split", split.trainingPlanOfferingId());
        admin.advance(Duration.ofMinutes(2));
        assertThat(describe("split").statusAsString()).isEqualTo("Scheduled");
        admin.setClock(at("P1D"));
        assertThat(describe("split").statusAsString()).isEqualTo("Active");
        assertThat(describe("split").reservedCapacitySummaries()).extracting(ReservedCapacitySummary::statusAsString)
                .containsExactly("Active", "Scheduled");
        admin.setClock(at("P4D"));
        assertThat(describe("split").statusAsString()).isEqualTo("Scheduled");
        assertThat(describe("split").reservedCapacitySummaries()).extracting(ReservedCapacitySummary::statusAsString)
                .containsExactly("Expired", "Scheduled");
        admin.setClock(at("P6D"));
        assertThat(describe("split").statusAsString()).isEqualTo("Active");
        admin.setClock(at("P7DT11H30M"));
        assertThat(describe("split").statusAsString()).isEqualTo("Expired");
    }

    @Test
    void aFailedPaymentFailsThePlanAndReleasesItsCapacity() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, null, 8)));
        admin.failNextPayments(1);
        TrainingPlanOffering offering = firstOffering(8, 24);
        Instant start = offering.reservedCapacityOfferings().get(0).startTime();
        create("unpaid", offering.trainingPlanOfferingId());
        assertThat(describe("unpaid").statusAsString()).isEqualTo("Pending");
        assertThat(firstOffering(8, 24).reservedCapacityOfferings().get(0).startTime())
                .as("while the payment is collected, the plan holds its capacity").isAfter(start);

        admin.advance(Duration.ofMinutes(2));
        DescribeTrainingPlanResponse failed = describe("unpaid");
        assertThat(failed.statusAsString()).isEqualTo("Failed");
        assertThat(failed.statusMessage()).isEqualTo("Payment failed: the upfront fee could not be collected.");
        assertThat(failed.reservedCapacitySummaries()).extracting(ReservedCapacitySummary::statusAsString).containsOnly("Failed");
        // Two minutes later the earliest start is an hour later too, but the block is whole again.
        assertThat(firstOffering(8, 24).reservedCapacityOfferings().get(0).startTime()).isEqualTo(start);

        // The next payment succeeds again.
        create("paid", firstOffering(8, 24).trainingPlanOfferingId());
        admin.advance(Duration.ofMinutes(2));
        assertThat(describe("paid").statusAsString()).isEqualTo("Scheduled");
    }

    @Test
    void aRejectedPurchaseLeavesTheQueuedPaymentFailureForTheNextOne() {
        create("taken", firstOffering(8, 24).trainingPlanOfferingId());
        admin.failNextPayments(1);
        String other = firstOffering(8, 24).trainingPlanOfferingId();
        assertThat(catchThrowableOfType(ResourceInUseException.class, () -> create("taken", other))).isNotNull();
        create("next", other);
        admin.advance(Duration.ofMinutes(2));
        assertThat(describe("next").statusAsString()).isEqualTo("Failed");
    }

    @Test
    void anUnknownOfferingIsResourceNotFoundAndCreatesNothing() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> create("ghost", "tpo-0123456789abcdef"));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan offering tpo-0123456789abcdef does not exist.");
        assertThat(planNames()).isEmpty();
    }

    @Test
    void anExpiredOfferingIsResourceNotFound() {
        TrainingPlanOffering offering = firstOffering(8, 24);
        admin.advance(Duration.ofMinutes(30));
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> create("late", offering.trainingPlanOfferingId()));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan offering " + offering.trainingPlanOfferingId()
                + " is no longer available: it expired at " + at("PT30M") + ". Search again for current offerings.");
        assertThat(planNames()).isEmpty();
    }

    @Test
    void anOfferingIsBoughtAtMostOnce() {
        TrainingPlanOffering offering = firstOffering(8, 24);
        create("first", offering.trainingPlanOfferingId());
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> create("second", offering.trainingPlanOfferingId()));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan offering " + offering.trainingPlanOfferingId()
                + " is no longer available: it has already been purchased.");
        assertThat(planNames()).containsExactly("first");
    }

    @Test
    void anOfferingWhoseCapacityWasBoughtByAnotherIsResourceNotFound() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, null, 8)));
        TrainingPlanOffering a = firstOffering(8, 24);
        TrainingPlanOffering b = sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(24L)
                .startTimeAfter(at("PT1H")).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        assertThat(b.trainingPlanOfferingId()).isNotEqualTo(a.trainingPlanOfferingId());
        assertThat(b.reservedCapacityOfferings().get(0).startTime()).isEqualTo(a.reservedCapacityOfferings().get(0).startTime());
        create("winner", a.trainingPlanOfferingId());
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> create("loser", b.trainingPlanOfferingId()));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan offering " + b.trainingPlanOfferingId()
                + " is no longer available: its capacity has been reserved by another purchase.");
        assertThat(planNames()).containsExactly("winner");
    }

    @Test
    void aNameTakenInTheAccountAndRegionIsResourceInUseAndLeavesTheOfferingBuyable() {
        create("taken", firstOffering(8, 24).trainingPlanOfferingId());
        TrainingPlanOffering other = firstOffering(8, 24);
        ResourceInUseException e = catchThrowableOfType(ResourceInUseException.class, () -> create("taken",
                other.trainingPlanOfferingId()));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Training plan taken already exists.");
        assertThat(planNames()).containsExactly("taken");
        create("free", other.trainingPlanOfferingId());
        assertThat(planNames()).containsExactly("free", "taken");
    }

    @Test
    void spareInstancesApplyOnlyToUltraServerOfferings() {
        TrainingPlanOffering offering = firstOffering(8, 24);
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createTrainingPlan(r -> r
                .trainingPlanName("spare").trainingPlanOfferingId(offering.trainingPlanOfferingId())
                .spareInstanceCountPerUltraServer(1)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("SpareInstanceCountPerUltraServer applies only to "
                + "UltraServer offerings; offering " + offering.trainingPlanOfferingId()
                + " reserves instances of ml.p5.48xlarge.");
        assertThat(planNames()).isEmpty();
        create("no-spare", offering.trainingPlanOfferingId());
    }

    @Test
    void describeOfAPlanOfAnotherAccountOrRegionIsResourceNotFound() {
        create("mine", firstOffering(8, 24).trainingPlanOfferingId());
        try (var otherAccount = emulator.client("123456789012", software.amazon.awssdk.regions.Region.US_EAST_1);
             var otherRegion = emulator.client("AKIAIOSFODNN7EXAMPLE", software.amazon.awssdk.regions.Region.EU_WEST_1)) {
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> otherAccount.describeTrainingPlan(r -> r.trainingPlanName("mine")))).isNotNull();
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> otherRegion.describeTrainingPlan(r -> r.trainingPlanName("mine")))).isNotNull();
        }
    }
}
