package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * SageMaker over the raw awsJson1.1 protocol, for operations newer than the SDK on Maven Central
 * (ExtendTrainingPlan, DescribeTrainingPlanExtensionHistory). Unsigned: default account and region.
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

    RawSageMaker(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer call(String operation, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "SageMaker." + operation)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
