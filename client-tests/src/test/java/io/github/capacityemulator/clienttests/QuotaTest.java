package io.github.capacityemulator.clienttests;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.plans.PlanSettings;
import io.github.capacityemulator.server.EmulatorServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ReservedCapacityInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerResourceName;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The plans-per-region quota, configured low on an emulator of this test's own. */
class QuotaTest {

    @Test
    void overTheQuotaIsResourceLimitExceededInAwsWordsAndExpiredPlansDoNotCount() {
        try (Emulator emulator = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true)
                .withPlans(new PlanSettings(Duration.ofMinutes(2), 2, Duration.ofMinutes(30))));
             EmulatorServer server = EmulatorServer.start(emulator, "127.0.0.1", 0);
             SageMakerClient sageMaker = SageMakerClient.builder().endpointOverride(server.endpoint())
                     .region(Region.US_WEST_2).httpClientBuilder(UrlConnectionHttpClient.builder())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("111122223333", "s")))
                     .build()) {
            for (String name : new String[] {"one", "two"}) {
                sageMaker.createTrainingPlan(r -> r.trainingPlanName(name).trainingPlanOfferingId(offering(sageMaker)));
            }
            String third = offering(sageMaker);
            ResourceLimitExceededException e = catchThrowableOfType(ResourceLimitExceededException.class,
                    () -> sageMaker.createTrainingPlan(r -> r.trainingPlanName("three").trainingPlanOfferingId(third)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceLimitExceeded");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The account-level service limit 'Number of "
                    + "training plans per Region' is 2 Training Plans, with current utilization of 2 Training Plans and a "
                    + "request delta of 1 Training Plans. Please contact AWS support to request an increase for this limit.");
            assertThat(sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries()).hasSize(2);

            emulator.admin().advanceClock(Duration.ofDays(3));
            sageMaker.createTrainingPlan(r -> r.trainingPlanName("three").trainingPlanOfferingId(offering(sageMaker)));
            assertThat(sageMaker.listTrainingPlans(r -> { }).trainingPlanSummaries()).hasSize(3);
        }
    }

    private static String offering(SageMakerClient sageMaker) {
        return sageMaker.searchTrainingPlanOfferings(r -> r.instanceType(ReservedCapacityInstanceType.ML_P5_48_XLARGE)
                .instanceCount(1).durationHours(24L).targetResources(SageMakerResourceName.TRAINING_JOB))
                .trainingPlanOfferings().get(0).trainingPlanOfferingId();
    }
}
