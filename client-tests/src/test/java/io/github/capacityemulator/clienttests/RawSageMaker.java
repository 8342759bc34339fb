package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * SageMaker over the raw awsJson1.1 protocol, for operations newer than the SDK on Maven Central
 * (ExtendTrainingPlan, DescribeTrainingPlanExtensionHistory). Unsigned (the default account and region), or signed
 * by the SDK's own SigV4 signer for an access key and region, which choose the account and region.
 */
final class RawSageMaker {

    /** A status and its JSON body. */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.path("__type").asText(null);
        }

        String message() {
            return body.path("message").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Who signs, or null: unsigned. */
    private final AwsCredentialsIdentity signer;
    private final String region;

    RawSageMaker(URI endpoint) {
        this(endpoint, null, null);
    }

    private RawSageMaker(URI endpoint, AwsCredentialsIdentity signer, String region) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.region = region;
    }

    /** Calls signed with {@code accessKeyId} for {@code region}: a 12-digit key is the account. */
    static RawSageMaker signed(URI endpoint, String accessKeyId, String region) {
        return new RawSageMaker(endpoint, AwsCredentialsIdentity.create(accessKeyId, "secret"), region);
    }

    Answer call(String operation, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "SageMaker." + operation)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (signer != null) {
                signedHeaders(operation, body).forEach(request::setHeader);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The request's headers as the SDK's SigV4 signer leaves them, but Host and Content-Length, which the HTTP client
     * sets itself (to the same values).
     */
    private Map<String, String> signedHeaders(String operation, String body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(endpoint).method(SdkHttpMethod.POST)
                .putHeader("X-Amz-Target", "SageMaker." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(signer).request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        Map<String, String> headers = new TreeMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    /** A call that must succeed. */
    JsonNode ok(String operation, String body) {
        Answer answer = call(operation, body);
        if (answer.status() != 200) {
            throw new AssertionError(operation + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
