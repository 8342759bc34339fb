package io.github.capacityemulator.clienttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The emulator's admin API over HTTP, as a test in any language would use it. */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    AdminClient(URI endpoint) {
        this.base = endpoint.resolve("/_emulator/");
    }

    void reset() {
        send("POST", "reset", "");
    }

    /** Freezes the clock at {@code at} (which must not be in the clock's past). */
    void freezeAt(Instant at) {
        send("PUT", "clock", "{\"now\":\"" + at + "\",\"frozen\":true}");
    }

    Instant now() {
        return Instant.parse(send("GET", "clock", null).get("now").asText());
    }

    void advance(Duration by) {
        send("POST", "clock/advance", "{\"seconds\":" + by.toMillis() / 1000.0 + "}");
    }

    void setClock(Instant to) {
        send("PUT", "clock", "{\"now\":\"" + to + "\"}");
    }

    void putInventory(String document) {
        send("PUT", "inventory", document);
    }

    void failNextPayments(int count) {
        send("POST", "payments/fail-next", "{\"count\":" + count + "}");
    }

    JsonNode failNode(String instanceId) {
        return send("POST", "nodes/" + instanceId + "/fail", "");
    }

    /** A status and its JSON body, for admin calls that are meant to be refused. */
    record Reply(int status, JsonNode body) {
    }

    /** {@code POST training-jobs/{name}/complete}: the job's training ends now. */
    JsonNode completeTrainingJob(String name) {
        return send("POST", "training-jobs/" + name + "/complete", "");
    }

    /** {@code POST training-jobs/{name}/fail}, with a FailureReason (null: the default one). */
    JsonNode failTrainingJob(String name, String reason) {
        return send("POST", "training-jobs/" + name + "/fail", reason == null ? ""
                : JSON.createObjectNode().put("failureReason", reason).toString());
    }

    JsonNode send(String method, String path, String body) {
        Reply reply = call(method, path, body);
        if (reply.status() != 200) {
            throw new AssertionError("admin " + method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** An admin call whatever its status. */
    Reply call(String method, String path, String body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, publisher).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
