package io.github.capacityemulator.clienttests;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.server.EmulatorServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

import java.net.URI;

/**
 * Where the client tests send their calls: an emulator started in this JVM on a free loopback port, or,
 * when {@code -Demulator.endpoint=http://127.0.0.1:PORT} is given, an emulator already running there
 * (the Docker image in CI).
 */
final class EmulatorEndpoint implements AutoCloseable {

    private final URI endpoint;
    private final Emulator emulator;
    private final EmulatorServer server;

    private EmulatorEndpoint(URI endpoint, Emulator emulator, EmulatorServer server) {
        this.endpoint = endpoint;
        this.emulator = emulator;
        this.server = server;
    }

    static EmulatorEndpoint start() {
        String external = System.getProperty("emulator.endpoint");
        if (external != null && !external.isBlank()) {
            return new EmulatorEndpoint(URI.create(external), null, null);
        }
        Emulator emulator = Emulator.start(EmulatorSettings.defaults());
        EmulatorServer server = EmulatorServer.start(emulator, "127.0.0.1", 0);
        return new EmulatorEndpoint(server.endpoint(), emulator, server);
    }

    URI uri() {
        return endpoint;
    }

    /** A real SDK v2 client, as a user configures it for the emulator. */
    SageMakerClient client(String accessKeyId, Region region) {
        return builder(accessKeyId, region).build();
    }

    /**
     * A real SDK v2 client that never retries: in a race every answer counts once, so a fault the SDK would retry
     * (a 5xx) fails the test instead of being hidden, and no retried create meets its own first attempt.
     */
    SageMakerClient clientWithoutRetries(String accessKeyId, Region region) {
        return builder(accessKeyId, region).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private SageMakerClientBuilder builder(String accessKeyId, Region region) {
        return SageMakerClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            emulator.close();
        }
    }
}
