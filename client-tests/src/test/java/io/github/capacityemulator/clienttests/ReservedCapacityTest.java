package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeReservedCapacityResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUltraServersByReservedCapacityResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;
import software.amazon.awssdk.services.sagemaker.model.UltraServer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReservedCapacityTest extends PlanTestBase {

    private String ultraServerPlan(int spare) {
        TrainingPlanOffering offering = sageMaker.searchTrainingPlanOfferings(r -> r.ultraServerType("ml.u-p6e-gb200x72")
                .ultraServerCount(2).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        sageMaker.createTrainingPlan(r -> r.trainingPlanName("ultra").trainingPlanOfferingId(offering.trainingPlanOfferingId())
                .spareInstanceCountPerUltraServer(spare));
        admin.advance(Duration.ofMinutes(2));
        return sageMaker.describeTrainingPlan(r -> r.trainingPlanName("ultra")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
    }

    @Test
    void describesAnInstanceReservation() {
        buyP5("p5s", 8, 24);
        admin.advance(Duration.ofMinutes(2));
        String arn = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("p5s")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
        DescribeReservedCapacityResponse rc = sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(arn));
        assertThat(rc.reservedCapacityArn()).isEqualTo(arn);
        assertThat(rc.reservedCapacityTypeAsString()).isEqualTo("Instance");
        assertThat(rc.statusAsString()).isEqualTo("Scheduled");
        assertThat(rc.instanceTypeAsString()).isEqualTo("ml.p5.48xlarge");
        assertThat(rc.totalInstanceCount()).isEqualTo(8);
        assertThat(rc.availableInstanceCount()).isZero();
        assertThat(rc.startTime()).isEqualTo(at("PT1H"));
        assertThat(rc.endTime()).isEqualTo(at("P1DT11H30M"));
        assertThat(rc.ultraServerSummary()).isNull();
        admin.setClock(at("PT1H"));
        assertThat(sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(arn)).availableInstanceCount()).isEqualTo(8);

        SageMakerException notUltra = catchThrowableOfType(SageMakerException.class,
                () -> sageMaker.listUltraServersByReservedCapacity(r -> r.reservedCapacityArn(arn)));
        assertThat(notUltra.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(notUltra.awsErrorDetails().errorMessage()).isEqualTo("Reserved capacity " + arn
                + " reserves instances of ml.p5.48xlarge, not UltraServers.");
    }

    @Test
    void anUnknownReservedCapacityIsResourceNotFound() {
        String arn = "arn:aws:sagemaker:us-east-1:000000000000:reserved-capacity/rc-0000000000000000";
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(arn)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Reserved capacity " + arn + " does not exist.");
    }

    @Test
    void anUltraServerPlanCountsEighteenInstancesPerUltraServerAndItsSpares() {
        String arn = ultraServerPlan(2);
        DescribeTrainingPlanResponse plan = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("ultra"));
        assertThat(plan.totalUltraServerCount()).isEqualTo(2);
        assertThat(plan.totalInstanceCount()).isEqualTo(36);
        assertThat(plan.availableSpareInstanceCount()).isEqualTo(4);

        DescribeReservedCapacityResponse rc = sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(arn));
        assertThat(rc.reservedCapacityTypeAsString()).isEqualTo("UltraServer");
        assertThat(rc.ultraServerSummary().ultraServerType()).isEqualTo("ml.u-p6e-gb200x72");
        assertThat(rc.ultraServerSummary().ultraServerCount()).isEqualTo(2);
        assertThat(rc.ultraServerSummary().availableSpareInstanceCount()).isEqualTo(4);

        admin.setClock(at("PT1H"));
        ListUltraServersByReservedCapacityResponse servers =
                sageMaker.listUltraServersByReservedCapacity(r -> r.reservedCapacityArn(arn));
        assertThat(servers.ultraServers()).hasSize(2).doesNotHaveDuplicates();
        UltraServer one = servers.ultraServers().get(0);
        assertThat(one.ultraServerId()).matches("us-[0-9a-f]{17}");
        assertThat(one.totalInstanceCount()).isEqualTo(18);
        assertThat(one.configuredSpareInstanceCount()).isEqualTo(2);
        assertThat(one.availableInstanceCount()).isEqualTo(16);
        assertThat(one.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(one.healthStatusAsString()).isEqualTo("OK");

        ListUltraServersByReservedCapacityResponse page1 =
                sageMaker.listUltraServersByReservedCapacity(r -> r.reservedCapacityArn(arn).maxResults(1));
        ListUltraServersByReservedCapacityResponse page2 = sageMaker.listUltraServersByReservedCapacity(r -> r
                .reservedCapacityArn(arn).maxResults(1).nextToken(page1.nextToken()));
        assertThat(page2.nextToken()).isNull();
        assertThat(java.util.List.of(page1.ultraServers().get(0), page2.ultraServers().get(0)))
                .isEqualTo(servers.ultraServers());
    }

    @Test
    void theDefaultSpareIsOneAndASpareAsLargeAsAnUltraServerIsRefused() {
        TrainingPlanOffering offering = sageMaker.searchTrainingPlanOfferings(r -> r.ultraServerType("ml.u-p6e-gb200x72")
                .ultraServerCount(1).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.createTrainingPlan(r -> r
                .trainingPlanName("x").trainingPlanOfferingId(offering.trainingPlanOfferingId())
                .spareInstanceCountPerUltraServer(18)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("SpareInstanceCountPerUltraServer must be less than 18,"
                + " the instances of one ml.u-p6e-gb200x72; got 18.");
        sageMaker.createTrainingPlan(r -> r.trainingPlanName("x").trainingPlanOfferingId(offering.trainingPlanOfferingId()));
        assertThat(sageMaker.describeTrainingPlan(r -> r.trainingPlanName("x")).availableSpareInstanceCount()).isEqualTo(1);
    }
}
