package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanSummary;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: training plans, their reserved capacities and training jobs of one account are invisible to another
 * account and to another region of the same account, also when addressed by ARN, and cannot be used or changed from
 * there; the same names live independently in two accounts and in two regions of one account.
 */
class PlanAndJobIsolationTest extends TrainingJobTestBase {

    private static final String KEY = "AKIAIOSFODNN7EXAMPLE"; // not 12 digits: the default account 000000000000
    private static final String OTHER_ACCOUNT = "222222222222";

    private String planArn;
    private String reservedCapacityArn;
    private String jobArn;

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static void assertRefused(RawSageMaker.Answer answer, String code, String message) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.message()).isEqualTo(message);
    }

    @BeforeEach
    void aPlanItsJobAndTagsInTheDefaultAccount() {
        planArn = buyJobsPlan("shared", 8); // paid and Scheduled
        reservedCapacityArn = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("shared")).reservedCapacitySummaries()
                .get(0).reservedCapacityArn();
        jobArn = create(onPlan("shared", 8, planArn));
        sageMaker.addTags(r -> r.resourceArn(planArn).tags(tag("team", "a")));
        sageMaker.addTags(r -> r.resourceArn(jobArn).tags(tag("team", "a")));
    }

    /**
     * Everything the default account can read of its plan, reserved capacity and job, as text (the clock is frozen):
     * the SDK's text of a response shows every member.
     */
    private List<String> ownView() {
        return Stream.of(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("shared")),
                sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(reservedCapacityArn)),
                sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries(),
                raw.ok("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}"),
                sageMaker.listTags(r -> r.resourceArn(planArn)).tags(),
                describe("shared"), allJobs(),
                sageMaker.listTags(r -> r.resourceArn(jobArn)).tags()).map(String::valueOf).toList();
    }

    /** A quote of 8 instances for training jobs, not bought. */
    private String unboughtOffering() {
        return searchP5(8, 24, SageMakerResourceName.TRAINING_JOB).trainingPlanOfferings().get(0).trainingPlanOfferingId();
    }

    private String extensionOffering() {
        return raw.ok("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + planArn + "\"}")
                .get("TrainingPlanExtensionOfferings").get(0).get("TrainingPlanExtensionOfferingId").asText();
    }

    /**
     * Everything {@code outsider} (another account, or another region of the account) tries on the default
     * account's plan, reserved capacity, job, offering and extension offering is refused as if none existed.
     */
    private void outsiderFindsNothing(SageMakerClient outsider, RawSageMaker outsiderRaw, String account, String region,
                                      String offering, String extension) {
        assertRefused("ResourceNotFound", "Training plan 'shared' does not exist.",
                () -> outsider.describeTrainingPlan(r -> r.trainingPlanName("shared")));
        assertThat(outsider.listTrainingPlans(r -> { }).trainingPlanSummaries()).isEmpty();
        assertRefused("ResourceNotFound", "Reserved capacity " + reservedCapacityArn + " does not exist.",
                () -> outsider.describeReservedCapacity(r -> r.reservedCapacityArn(reservedCapacityArn)));
        assertRefused("ResourceNotFound", "Reserved capacity " + reservedCapacityArn + " does not exist.",
                () -> outsider.listUltraServersByReservedCapacity(r -> r.reservedCapacityArn(reservedCapacityArn)));
        assertRefused(outsiderRaw.call("SearchTrainingPlanOfferings", "{\"TrainingPlanArn\":\"" + planArn + "\"}"),
                "ResourceNotFound", "Training plan " + planArn + " does not exist.");
        assertRefused(outsiderRaw.call("DescribeTrainingPlanExtensionHistory", "{\"TrainingPlanArn\":\"" + planArn + "\"}"),
                "ResourceNotFound", "Training plan " + planArn + " does not exist.");
        assertRefused(outsiderRaw.call("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + extension + "\"}"),
                "ResourceNotFound", "Training plan extension offering " + extension + " does not exist.");
        assertRefused("ResourceNotFound", "Training plan offering " + offering + " does not exist.",
                () -> outsider.createTrainingPlan(r -> r.trainingPlanName("mine").trainingPlanOfferingId(offering)));

        assertRefused("ValidationException", "Requested resource not found.",
                () -> outsider.describeTrainingJob(r -> r.trainingJobName("shared")));
        assertThat(outsider.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();
        assertThat(outsider.listTrainingJobs(r -> r.trainingPlanArnEquals(planArn)).trainingJobSummaries()).isEmpty();
        assertRefused("ResourceNotFound", "Requested resource not found.",
                () -> outsider.stopTrainingJob(r -> r.trainingJobName("shared")));
        assertRefused("ResourceNotFound", "Requested resource not found.",
                () -> outsider.deleteTrainingJob(r -> r.trainingJobName("shared")));
        assertRefused("ValidationException", "Training job theirs: training plan " + planArn
                        + " does not exist in this account and region.",
                () -> outsider.createTrainingJob(onPlan("theirs", 1, planArn).build()));
        assertRefused("ValidationException", "Instance group g: training plan " + planArn
                        + " does not exist in this account and region.",
                () -> outsider.createCluster(r -> r.clusterName("theirs").instanceGroups(
                        ClusterTestBase.group("g", P5, 1).toBuilder().trainingPlanArn(planArn).build())));
        assertThat(outsider.listClusters(r -> { }).clusterSummaries()).isEmpty();

        for (String arn : List.of(planArn, jobArn)) {
            String missing = "Resource " + arn + " does not exist in account " + account + " and region " + region + ".";
            assertRefused("ResourceNotFound", missing, () -> outsider.listTags(r -> r.resourceArn(arn)));
            assertRefused("ResourceNotFound", missing, () -> outsider.addTags(r -> r.resourceArn(arn).tags(tag("team", "b"))));
            assertRefused("ResourceNotFound", missing, () -> outsider.deleteTags(r -> r.resourceArn(arn).tagKeys("team")));
        }
    }

    /** The default account's own offering and extension offering, untouched by the outsider: both still buyable. */
    private void theOwnerCanStillBuy(String offering, String extension) {
        sageMaker.createTrainingPlan(r -> r.trainingPlanName("second").trainingPlanOfferingId(offering));
        raw.ok("ExtendTrainingPlan", "{\"TrainingPlanExtensionOfferingId\":\"" + extension + "\"}");
    }

    @Test
    void anotherAccountFindsNoPlanReservedCapacityOrJobEvenByArnAndChangesNothing() {
        String offering = unboughtOffering();
        String extension = extensionOffering();
        List<String> before = ownView();
        try (SageMakerClient other = emulator.client(OTHER_ACCOUNT, Region.US_EAST_1)) {
            outsiderFindsNothing(other, RawSageMaker.signed(emulator.uri(), OTHER_ACCOUNT, "us-east-1"), OTHER_ACCOUNT,
                    "us-east-1", offering, extension);
        }
        assertThat(ownView()).as("the default account's plan, reserved capacity and job").isEqualTo(before);
        theOwnerCanStillBuy(offering, extension);
    }

    @Test
    void anotherRegionOfTheSameAccountFindsNoPlanReservedCapacityOrJobEvenByArnAndChangesNothing() {
        String offering = unboughtOffering();
        String extension = extensionOffering();
        List<String> before = ownView();
        try (SageMakerClient west = emulator.client(KEY, Region.US_WEST_2)) {
            outsiderFindsNothing(west, RawSageMaker.signed(emulator.uri(), KEY, "us-west-2"), "000000000000",
                    "us-west-2", offering, extension);
        }
        assertThat(ownView()).as("the plan, reserved capacity and job in us-east-1").isEqualTo(before);
        theOwnerCanStillBuy(offering, extension);
    }

    @Test
    void theSameNamesLiveApartInTwoAccountsAndInTwoRegionsOfOneAccount() {
        List<String> before = ownView();
        try (SageMakerClient other = emulator.client(OTHER_ACCOUNT, Region.US_EAST_1);
             SageMakerClient west = emulator.client(KEY, Region.US_WEST_2)) {
            theSameNamesLiveApart(other, "us-east-1:" + OTHER_ACCOUNT);
            theSameNamesLiveApart(west, "us-west-2:000000000000");
        }
        assertThat(ownView()).as("the default account's plan, reserved capacity and job in us-east-1").isEqualTo(before);
    }

    /** {@code elsewhere} (whose ARNs carry {@code regionAndAccount}) makes and stops its own "shared" plan and job. */
    private void theSameNamesLiveApart(SageMakerClient elsewhere, String regionAndAccount) {
        String offering = elsewhere.searchTrainingPlanOfferings(r -> r.instanceType(P5).instanceCount(8).durationHours(24L)
                .targetResources(SageMakerResourceName.TRAINING_JOB)).trainingPlanOfferings().get(0).trainingPlanOfferingId();
        String theirPlan = elsewhere.createTrainingPlan(r -> r.trainingPlanName("shared").trainingPlanOfferingId(offering))
                .trainingPlanArn();
        assertThat(theirPlan).isEqualTo("arn:aws:sagemaker:" + regionAndAccount + ":training-plan/shared");
        String theirReservedCapacity = elsewhere.describeTrainingPlan(r -> r.trainingPlanName("shared"))
                .reservedCapacitySummaries().get(0).reservedCapacityArn();
        assertThat(theirReservedCapacity).startsWith("arn:aws:sagemaker:" + regionAndAccount + ":reserved-capacity/")
                .isNotEqualTo(reservedCapacityArn);
        // On demand: their plan is still Pending (its payment takes 2 minutes of a clock frozen for the comparison).
        String theirJob = elsewhere.createTrainingJob(job("shared", "ml.m5.xlarge", 1).build()).trainingJobArn();
        assertThat(theirJob).isEqualTo("arn:aws:sagemaker:" + regionAndAccount + ":training-job/shared");
        elsewhere.addTags(r -> r.resourceArn(theirPlan).tags(tag("team", "b")));
        elsewhere.addTags(r -> r.resourceArn(theirJob).tags(tag("team", "b")));

        assertThat(elsewhere.listTrainingPlans(r -> { }).trainingPlanSummaries()).extracting(TrainingPlanSummary::trainingPlanArn)
                .containsExactly(theirPlan);
        assertThat(elsewhere.listTrainingJobs(r -> { }).trainingJobSummaries()).extracting(TrainingJobSummary::trainingJobArn)
                .containsExactly(theirJob);
        assertThat(elsewhere.describeReservedCapacity(r -> r.reservedCapacityArn(theirReservedCapacity)).reservedCapacityArn())
                .isEqualTo(theirReservedCapacity);
        assertThat(elsewhere.listTags(r -> r.resourceArn(theirJob)).tags()).containsExactly(tag("team", "b"));
        elsewhere.stopTrainingJob(r -> r.trainingJobName("shared"));
        assertThat(elsewhere.describeTrainingJob(r -> r.trainingJobName("shared")).trainingJobStatusAsString())
                .isEqualTo("Stopping");

        assertRefused("ResourceNotFound", "Reserved capacity " + theirReservedCapacity + " does not exist.",
                () -> sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(theirReservedCapacity)));
        assertRefused("ResourceNotFound", "Resource " + theirPlan + " does not exist in account 000000000000 and region"
                + " us-east-1.", () -> sageMaker.listTags(r -> r.resourceArn(theirPlan)));
    }
}
