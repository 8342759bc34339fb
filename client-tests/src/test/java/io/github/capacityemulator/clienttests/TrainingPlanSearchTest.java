package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityOffering;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.SearchTrainingPlanOfferingsRequest;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TrainingPlanSearchTest extends PlanTestBase {

    @Test
    void offersUpToThreeSingleBlocksEarliestFirstEndingAt1130Utc() {
        List<TrainingPlanOffering> offerings = searchP5(8, 48, SageMakerResourceName.HYPERPOD_CLUSTER)
                .trainingPlanOfferings();
        assertThat(offerings).hasSize(3);
        TrainingPlanOffering first = offerings.get(0);
        assertThat(first.trainingPlanOfferingId()).matches("tpo-[0-9a-f]{64}");
        assertThat(first.targetResources()).containsExactly(SageMakerResourceName.HYPERPOD_CLUSTER);
        assertThat(first.currencyCode()).isEqualTo("USD");
        // 31.46 USD per instance-hour x 8 instances x 58.5 hours.
        assertThat(first.upfrontFee()).isEqualTo("14723.28");
        assertThat(first.durationHours()).isEqualTo(58L);
        assertThat(first.durationMinutes()).isEqualTo(30L);
        ReservedCapacityOffering block = first.reservedCapacityOfferings().get(0);
        // Without StartTimeAfter: the first whole hour at least 30 minutes ahead.
        assertThat(block.startTime()).isEqualTo(at("PT1H"));
        assertThat(block.endTime()).isEqualTo(at("P2DT11H30M"));
        assertThat(block.instanceType()).isEqualTo(ReservedCapacityInstanceType.ML_P5_48_XLARGE);
        assertThat(block.instanceCount()).isEqualTo(8);
        assertThat(block.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(offerings).extracting(o -> o.reservedCapacityOfferings().get(0).startTime())
                .containsExactly(at("PT1H"), at("P1DT1H"), at("P2DT1H"));
    }

    @Test
    void durationHoursRoundUpToWholeDaysAndStartTimeAfterIsHonoured() {
        Instant after = at("P5DT10H20M");
        TrainingPlanOffering first = sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(1).durationHours(25L)
                .startTimeAfter(after).targetResources(SageMakerResourceName.TRAINING_JOB)).trainingPlanOfferings().get(0);
        ReservedCapacityOffering block = first.reservedCapacityOfferings().get(0);
        assertThat(block.startTime()).isEqualTo(at("P5DT11H"));
        assertThat(block.endTime()).isEqualTo(at("P7DT11H30M"));
        assertThat(first.requestedStartTimeAfter()).isEqualTo(after);
    }

    @Test
    void theSameInventoryClockAndRequestGiveTheSameOfferings() {
        List<String> once = searchP5(4, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings().stream()
                .map(TrainingPlanOffering::trainingPlanOfferingId).toList();
        List<String> again = searchP5(4, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings().stream()
                .map(TrainingPlanOffering::trainingPlanOfferingId).toList();
        assertThat(again).isEqualTo(once).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aWeekWithoutCapacityIsSkipped() {
        admin.putInventory(p5Inventory("us-east-1a", window(at("P7D"), null, 32)));
        TrainingPlanOffering first = searchP5(8, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings().get(0);
        assertThat(first.reservedCapacityOfferings().get(0).startTime()).isEqualTo(at("P7D"));
    }

    @Test
    void whenOnlyASplitFitsTheOfferingHasTwoBlocksInOneZone() {
        admin.putInventory(p5Inventory("us-east-1a",
                window(t0, at("P3DT12H"), 8) + "," + window(at("P5D"), at("P20D"), 8)));
        List<TrainingPlanOffering> offerings = sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(120L)
                .endTimeBefore(at("P8DT12H")).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings();
        assertThat(offerings).hasSize(2);
        List<ReservedCapacityOffering> blocks = offerings.get(0).reservedCapacityOfferings();
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).startTime()).isEqualTo(at("PT1H"));
        assertThat(blocks.get(0).endTime()).isEqualTo(at("P3DT11H30M"));
        assertThat(blocks.get(1).startTime()).isEqualTo(at("P5D"));
        assertThat(blocks.get(1).endTime()).isEqualTo(at("P7DT11H30M"));
        assertThat(blocks).extracting(ReservedCapacityOffering::availabilityZone).containsOnly("us-east-1a");
        assertThat(offerings.get(0).durationHours() * 60 + offerings.get(0).durationMinutes())
                .isEqualTo(Duration.ofHours(82).plusMinutes(30).plusHours(59).plusMinutes(30).toMinutes());
    }

    @Test
    void whenAllCapacityIsBoughtTheNextSearchIsEmpty() {
        admin.putInventory(p5Inventory("us-east-1a", window(t0, at("P10D"), 8)));
        buyP5("takes-it-all", 8, 168);
        assertThat(searchP5(8, 168, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings()).isEmpty();
        assertThat(searchP5(1, 24, SageMakerResourceName.HYPERPOD_CLUSTER).trainingPlanOfferings())
                .as("only the days after the plan are left: two 1-day blocks fit before the inventory ends")
                .extracting(o -> o.reservedCapacityOfferings().get(0).startTime())
                .containsExactly(at("P7DT12H"), at("P8DT12H"));
    }

    @Test
    void noMatchIsAnEmptyListNotAnError() {
        assertThat(sageMaker.searchTrainingPlanOfferings(r -> r.instanceType("ml.p6-b300.48xlarge")
                .instanceCount(64).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings()).isEmpty();
    }

    @Test
    void ultraServerOfferingsCountUltraServersAndTheirInstances() {
        TrainingPlanOffering offering = sageMaker.searchTrainingPlanOfferings(r -> r.ultraServerType("ml.u-p6e-gb200x72")
                .ultraServerCount(2).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        ReservedCapacityOffering block = offering.reservedCapacityOfferings().get(0);
        assertThat(block.reservedCapacityTypeAsString()).isEqualTo("UltraServer");
        assertThat(block.ultraServerType()).isEqualTo("ml.u-p6e-gb200x72");
        assertThat(block.ultraServerCount()).isEqualTo(2);
        assertThat(block.instanceType()).isEqualTo(ReservedCapacityInstanceType.ML_P6_E_GB200_36_XLARGE);
        assertThat(block.instanceCount()).isEqualTo(36);
    }

    static Stream<Arguments> brokenRules() {
        Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder> p5 = b -> b
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8)
                .targetResources(SageMakerResourceName.HYPERPOD_CLUSTER);
        Instant now = Instant.now();
        return Stream.of(
                arguments("no DurationHours", p5, "DurationHours is required when TrainingPlanArn is not specified."),
                arguments("no TargetResources", (Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder>) b -> b
                                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(24L),
                        "TargetResources is required when TrainingPlanArn is not specified."),
                arguments("neither instances nor UltraServers", (Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder>) b -> b
                                .durationHours(24L).targetResources(SageMakerResourceName.TRAINING_JOB),
                        "Specify either InstanceType and InstanceCount, or UltraServerType and UltraServerCount."),
                arguments("both instances and UltraServers", p5.andThen(b -> b.durationHours(24L).ultraServerType("ml.u-p6e-gb200x72").ultraServerCount(1)),
                        "Specify either InstanceType and InstanceCount, or UltraServerType and UltraServerCount, not both."),
                arguments("InstanceType alone", (Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder>) b -> b
                                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).durationHours(24L)
                                .targetResources(SageMakerResourceName.TRAINING_JOB),
                        "InstanceCount is required with InstanceType."),
                arguments("an instance count that is not a power of two", p5.andThen(b -> b.instanceCount(3).durationHours(24L)),
                        "InstanceCount must be one of [1, 2, 4, 8, 16, 32, 64]; got 3."),
                arguments("more than 182 days", p5.andThen(b -> b.durationHours(4369L)),
                        "DurationHours must be at most 4368 (182 days); training plans last whole days, from 1 to 182; got 4369."),
                arguments("an unknown UltraServer type", (Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder>) b -> b
                                .ultraServerType("ml.u-p7x99").ultraServerCount(1).durationHours(24L)
                                .targetResources(SageMakerResourceName.HYPERPOD_CLUSTER),
                        "UltraServerType must be one of [ml.u-p6e-gb200x72]; got ml.u-p7x99."),
                arguments("too many UltraServers", (Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder>) b -> b
                                .ultraServerType("ml.u-p6e-gb200x72").ultraServerCount(15).durationHours(24L)
                                .targetResources(SageMakerResourceName.HYPERPOD_CLUSTER),
                        "UltraServerCount must be at most 14 for ml.u-p6e-gb200x72 (18 instances each); got 15."),
                arguments("two targets", p5.andThen(b -> b.durationHours(24L).targetResources(SageMakerResourceName.TRAINING_JOB,
                                SageMakerResourceName.HYPERPOD_CLUSTER)),
                        "TargetResources must name exactly one target resource, one of [training-job, hyperpod-cluster, endpoint, studio-apps]; got [training-job, hyperpod-cluster]."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachBrokenRuleIsAValidationExceptionSayingWhatIsAllowed(
            String rule, Function<SearchTrainingPlanOfferingsRequest.Builder, SearchTrainingPlanOfferingsRequest.Builder> request,
            String message) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.searchTrainingPlanOfferings(request.apply(SearchTrainingPlanOfferingsRequest.builder()).build()));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void timeWindowRulesAreValidationExceptions() {
        assertThat(searchError(t0.minusSeconds(1), null)).isEqualTo("StartTimeAfter must be in the future; got "
                + t0.minusSeconds(1) + ", and the time now is " + t0 + ".");
        assertThat(searchError(at("P56DT1S"), null)).isEqualTo("StartTimeAfter must be at most 8 weeks (56 days) ahead,"
                + " no later than " + at("P56D") + "; got " + at("P56DT1S") + ".");
        assertThat(searchError(at("P1D"), at("P1DT23H"))).isEqualTo("EndTimeBefore must be at least 24 hours after "
                + "StartTimeAfter; got " + at("P1DT23H") + ".");
        assertThat(searchError(null, at("PT23H"))).isEqualTo("EndTimeBefore must be at least 24 hours after "
                + "the current time; got " + at("PT23H") + ".");
    }

    private String searchError(Instant startAfter, Instant endBefore) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.searchTrainingPlanOfferings(r -> r
                .instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE).instanceCount(8).durationHours(24L)
                .targetResources(SageMakerResourceName.HYPERPOD_CLUSTER).startTimeAfter(startAfter).endTimeBefore(endBefore)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }
}
