package io.github.capacityemulator.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

import java.net.URI;

/**
 * The SDK clients handed to tests, pointed at the emulator. Loaded only when a test asks for one, so that
 * the extension works without the AWS SDK on the classpath.
 */
final class SdkClients implements AutoCloseable {

    static final String SYNC = "software.amazon.awssdk.services.sagemaker.SageMakerClient";
    static final String ASYNC = "software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient";
    /** What the injected clients sign with; the emulator checks it only when the extension requires signatures. */
    static final String SECRET = "emulator-secret";

    private final URI endpoint;
    private final String region;
    private final String account;
    private final String secret;
    private SageMakerClient sync;
    private SageMakerAsyncClient async;

    SdkClients(URI endpoint, String region, String account, String secret) {
        this.secret = secret;
        this.endpoint = endpoint;
        this.region = region;
        this.account = account;
    }

    private StaticCredentialsProvider credentials() {
        // The access key id is the account id: the emulator scopes state by it.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(account, secret));
    }

    synchronized Object client(String type) {
        if (type.equals(SYNC)) {
            if (sync == null) {
                sync = SageMakerClient.builder().endpointOverride(endpoint).region(Region.of(region))
                        .credentialsProvider(credentials()).build();
            }
            return sync;
        }
        if (async == null) {
            async = SageMakerAsyncClient.builder().endpointOverride(endpoint).region(Region.of(region))
                    .credentialsProvider(credentials()).build();
        }
        return async;
    }

    @Override
    public synchronized void close() {
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            async.close();
        }
    }
}
