package io.github.capacityemulator.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ClusterInstanceGroupSpecification;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SageMakerEmulatorTest(region = "eu-west-1", account = "123456789012")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SageMakerEmulatorExtensionTest {

    private static EmulatorControl first;
    private final EmulatorControl control;

    SageMakerEmulatorExtensionTest(EmulatorControl control) {
        this.control = control;
    }

    private static ClusterInstanceGroupSpecification group() {
        return ClusterInstanceGroupSpecification.builder().instanceGroupName("g").instanceType("ml.t3.medium")
                .instanceCount(1).executionRole("arn:aws:iam::123456789012:role/x").build();
    }

    @Test
    @Order(1)
    void injectsClientsPointedAtTheEmulatorInTheConfiguredAccountAndRegion(SageMakerClient sageMaker,
                                                                           EmulatorControl emulator) {
        first = emulator;
        assertThat(emulator).isSameAs(control);
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
        String arn = sageMaker.createCluster(r -> r.clusterName("c").instanceGroups(group())).clusterArn();
        assertThat(arn).startsWith("arn:aws:sagemaker:eu-west-1:123456789012:cluster/");
        assertThat(emulator.requests("CreateCluster")).hasSize(1);
    }

    @Test
    @Order(2)
    void stateAndClockAreResetBeforeEachTestAndTheClockStartsFrozen(SageMakerClient sageMaker, EmulatorControl emulator) {
        assertThat(emulator).as("one emulator per class").isSameAs(first);
        assertThat(emulator.requests()).as("the journal was reset too").isEmpty();
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
        Instant now = emulator.now();
        assertThat(now).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(emulator.now()).as("frozen").isEqualTo(now);
        emulator.advanceClock(Duration.ofDays(1));
        assertThat(emulator.now()).isEqualTo(now.plus(Duration.ofDays(1)));
        emulator.setClock(now.plus(Duration.ofDays(2)));
        assertThat(emulator.now()).isEqualTo(now.plus(Duration.ofDays(2)));
    }

    @Test
    @Order(3)
    void theAsyncClientWorksToo(SageMakerAsyncClient sageMaker) throws Exception {
        assertThat(sageMaker.listTrainingPlans(r -> { }).get().trainingPlanSummaries()).isEmpty();
    }

    @Test
    @Order(4)
    void faultsAndPaymentsAndInventoryAreControlled(SageMakerClient sageMaker, EmulatorControl emulator) {
        emulator.failNext("ListClusters", "ValidationException", 1);
        SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sageMaker.listClusters(r -> { }));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(emulator.faults().get(0).fired()).isEqualTo(1);
        emulator.setInventory("{\"regions\":{\"eu-west-1\":{\"eu-west-1a\":{\"ml.t3.medium\":[{\"from\":\"2020-01-01T00:00:00Z\",\"count\":1}]}}}}");
        assertThat(emulator.inventory().path("regions").has("eu-west-1")).isTrue();
        emulator.failNextPayments(1);
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheOuterClassesEmulator(EmulatorControl emulator) {
            assertThat(emulator).isSameAs(control);
        }
    }
}
