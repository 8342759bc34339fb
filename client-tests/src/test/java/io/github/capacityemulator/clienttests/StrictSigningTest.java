package io.github.capacityemulator.clienttests;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.server.EmulatorServer;
import io.github.capacityemulator.server.auth.AccessSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListClustersRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK for Java v2 against {@code --require-signature}: its own signing passes (also with a session token and over
 * the paginators), a wrong secret or an unknown key is refused with AWS's error. Always its own in-process emulator:
 * this is about the signing, not the image.
 */
class StrictSigningTest {

    private static Emulator emulator;
    private static EmulatorServer server;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorSettings.defaults());
        server = EmulatorServer.start(emulator, "127.0.0.1", 0, Duration.ofSeconds(30), new AccessSettings(true,
                Map.of("AKIDJAVA", "java-secret"), Map.of("AKIDJAVA", "777788889999"), null));
    }

    @AfterAll
    static void stop() {
        server.close();
        emulator.close();
    }

    private static SageMakerClient client(AwsCredentials credentials) {
        return SageMakerClient.builder().endpointOverride(server.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void theSdksOwnSigningPasses() {
        try (SageMakerClient sm = client(AwsBasicCredentials.create("AKIDJAVA", "java-secret"))) {
            assertThat(sm.listClustersPaginator(ListClustersRequest.builder().maxResults(1).build())
                    .clusterSummaries().stream().count()).isZero();
            assertThat(sm.listTrainingPlans(r -> { }).trainingPlanSummaries()).isEmpty();
        }
        // Temporary credentials sign X-Amz-Security-Token too; the emulator takes the key's secret and the token as is.
        try (SageMakerClient sm = client(AwsSessionCredentials.create("AKIDJAVA", "java-secret", "session-token"))) {
            assertThat(sm.listClusters(r -> { }).clusterSummaries()).isEmpty();
        }
    }

    @Test
    void aWrongSecretOrAnUnknownKeyIsRefused() {
        try (SageMakerClient sm = client(AwsBasicCredentials.create("AKIDJAVA", "not-the-secret"))) {
            SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sm.listClusters(r -> { }));
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        }
        try (SageMakerClient sm = client(AwsBasicCredentials.create("AKIDSTRANGER", "java-secret"))) {
            SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> sm.listClusters(r -> { }));
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }
}
