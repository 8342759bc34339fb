package io.github.capacityemulator.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The extension with strict signing and an admin token: its own clients and control pass, strangers do not. */
class StrictExtensionTest {

    @RegisterExtension
    static SageMakerEmulatorExtension emulator = SageMakerEmulatorExtension.builder()
            .requireSignature(true).adminToken("junit-admin").build();

    @Test
    void theInjectedClientSignsWithTheSecretTheEmulatorChecks(SageMakerClient sageMaker, EmulatorControl control) {
        assertThat(sageMaker.listClusters(r -> { }).clusterSummaries()).isEmpty();
        try (SageMakerClient stranger = SageMakerClient.builder().endpointOverride(control.endpoint())
                .region(Region.of(control.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(control.account(), "guess")))
                .build()) {
            SageMakerException e = catchThrowableOfType(SageMakerException.class, () -> stranger.listClusters(r -> { }));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
        assertThat(control.secretAccessKey()).isEqualTo("emulator-secret");
    }

    @Test
    void theControlWorksInProcessAndHandsOutTheAdminTokenForHttpCalls(EmulatorControl control) throws Exception {
        control.advanceClock(java.time.Duration.ofHours(1));
        assertThat(control.adminToken()).contains("junit-admin");
        HttpClient http = HttpClient.newHttpClient();
        URI clock = URI.create(control.endpoint() + "/_emulator/clock");
        assertThat(http.send(HttpRequest.newBuilder(clock).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(clock).header("Authorization", "Bearer " + control.adminToken().get())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
