package io.github.capacityemulator.clienttests;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;
import software.amazon.awssdk.services.sagemaker.model.SearchTrainingPlanOfferingsResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingPlanOffering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Base of the training plan tests: one emulator per class; before each test, state is reset and the
 * clock frozen at T0, the UTC midnight two days ahead, so every time in a test is exact.
 */
abstract class PlanTestBase {

    static EmulatorEndpoint emulator;
    static SageMakerClient sageMaker;
    static AdminClient admin;
    static RawSageMaker raw;
    /** A client that never retries, for the race tests: a retried 5xx would hide behind a later answer. */
    static SageMakerClient racer;

    /** The frozen start of every test: a UTC midnight. */
    Instant t0;

    @BeforeAll
    static void startEmulator() {
        emulator = EmulatorEndpoint.start();
        sageMaker = emulator.client("AKIAIOSFODNN7EXAMPLE", Region.US_EAST_1);
        admin = new AdminClient(emulator.uri());
        raw = new RawSageMaker(emulator.uri());
        racer = emulator.clientWithoutRetries("AKIAIOSFODNN7EXAMPLE", Region.US_EAST_1);
    }

    @AfterAll
    static void stopEmulator() {
        sageMaker.close();
        racer.close();
        emulator.close();
    }

    @BeforeEach
    void resetAndFreeze() {
        admin.reset();
        t0 = admin.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        admin.freezeAt(t0);
    }

    /** A call that must be refused with HTTP 400, the error code {@code code} and exactly {@code message}. */
    static void assertRefused(String code, String message, ThrowingCallable call) {
        SageMakerException e = catchThrowableOfType(SageMakerException.class, call);
        assertThat(e).as("refused: " + message).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    Instant at(String offset) {
        return t0.plus(Duration.parse(offset));
    }

    SearchTrainingPlanOfferingsResponse searchP5(int count, int hours, SageMakerResourceName target) {
        return sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(count).durationHours((long) hours).targetResources(target));
    }

    /** Buys the first offering of a fresh search and answers the plan's ARN. */
    String buyP5(String name, int count, int hours) {
        TrainingPlanOffering offering = searchP5(count, hours, SageMakerResourceName.HYPERPOD_CLUSTER)
                .trainingPlanOfferings().get(0);
        return sageMaker.createTrainingPlan(r -> r.trainingPlanName(name)
                .trainingPlanOfferingId(offering.trainingPlanOfferingId())).trainingPlanArn();
    }

    /** An inventory for us-east-1 with one zone holding {@code windows} of ml.p5.48xlarge. */
    static String p5Inventory(String zone, String windows) {
        return "{\"regions\":{\"us-east-1\":{\"" + zone + "\":{\"ml.p5.48xlarge\":[" + windows + "]}}}}";
    }

    static String window(Instant from, Instant to, int count) {
        return "{\"from\":\"" + from + "\"" + (to == null ? "" : ",\"to\":\"" + to + "\"") + ",\"count\":" + count + "}";
    }
}
