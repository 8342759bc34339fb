package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeReservedCapacityResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingPlanResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;
import software.amazon.awssdk.services.sagemaker.model.UltraServer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Instances a cluster group runs on an UltraServer plan count as in use on the UltraServer too. */
class UltraServerInUseTest extends ClusterTestBase {

    @Test
    void seventeenOfEighteenRunningAreInUseOnThePlanTheReservedCapacityAndTheUltraServer() {
        // One ml.u-p6e-gb200x72: 18 x ml.p6e-gb200.36xlarge, 1 spare by default, so 17 for clusters.
        TrainingPlanOffering offering = sageMaker.searchTrainingPlanOfferings(r -> r.ultraServerType("ml.u-p6e-gb200x72")
                .ultraServerCount(1).durationHours(24L).targetResources(SageMakerResourceName.HYPERPOD_CLUSTER))
                .trainingPlanOfferings().get(0);
        String planArn = sageMaker.createTrainingPlan(r -> r.trainingPlanName("nvl72")
                .trainingPlanOfferingId(offering.trainingPlanOfferingId())).trainingPlanArn();
        admin.advance(Duration.ofMinutes(2));
        String rcArn = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("nvl72")).reservedCapacitySummaries().get(0)
                .reservedCapacityArn();
        createCluster("gb200", group("racks", "ml.p6e-gb200.36xlarge", 17).toBuilder().trainingPlanArn(planArn).build());

        admin.setClock(at("PT1H"));
        admin.advance(REPLACE);
        assertThat(status("gb200")).isEqualTo("InService");
        assertThat(nodeStatuses("gb200")).containsOnly("Running").hasSize(17);

        DescribeTrainingPlanResponse plan = sageMaker.describeTrainingPlan(r -> r.trainingPlanName("nvl72"));
        assertThat(plan).as("DescribeTrainingPlan: Status, TotalInstanceCount, InUseInstanceCount, "
                        + "AvailableInstanceCount, AvailableSpareInstanceCount")
                .extracting(DescribeTrainingPlanResponse::statusAsString, DescribeTrainingPlanResponse::totalInstanceCount,
                        DescribeTrainingPlanResponse::inUseInstanceCount, DescribeTrainingPlanResponse::availableInstanceCount,
                        DescribeTrainingPlanResponse::availableSpareInstanceCount)
                .containsExactly("Active", 18, 17, 0, 1);

        DescribeReservedCapacityResponse rc = sageMaker.describeReservedCapacity(r -> r.reservedCapacityArn(rcArn));
        assertThat(rc).as("DescribeReservedCapacity: Status, TotalInstanceCount, InUseInstanceCount, "
                        + "AvailableInstanceCount, UltraServerSummary.UltraServerCount, "
                        + "UltraServerSummary.AvailableSpareInstanceCount")
                .extracting(DescribeReservedCapacityResponse::statusAsString, DescribeReservedCapacityResponse::totalInstanceCount,
                        DescribeReservedCapacityResponse::inUseInstanceCount, DescribeReservedCapacityResponse::availableInstanceCount,
                        c -> c.ultraServerSummary().ultraServerCount(),
                        c -> c.ultraServerSummary().availableSpareInstanceCount())
                .containsExactly("Active", 18, 17, 0, 1, 1);

        List<UltraServer> servers = sageMaker.listUltraServersByReservedCapacity(r -> r.reservedCapacityArn(rcArn))
                .ultraServers();
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0)).as("ListUltraServersByReservedCapacity: UltraServerType, InstanceType, "
                        + "TotalInstanceCount, ConfiguredSpareInstanceCount, InUseInstanceCount, AvailableInstanceCount, "
                        + "AvailableSpareInstanceCount, UnhealthyInstanceCount, HealthStatus")
                .extracting(UltraServer::ultraServerType, UltraServer::instanceTypeAsString, UltraServer::totalInstanceCount,
                        UltraServer::configuredSpareInstanceCount, UltraServer::inUseInstanceCount,
                        UltraServer::availableInstanceCount, UltraServer::availableSpareInstanceCount,
                        UltraServer::unhealthyInstanceCount, UltraServer::healthStatusAsString)
                .containsExactly("ml.u-p6e-gb200x72", "ml.p6e-gb200.36xlarge", 18, 1, 17, 0, 1, 0, "OK");
    }
}
