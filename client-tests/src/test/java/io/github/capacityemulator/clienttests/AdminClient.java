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

    JsonNode send(String method, String path, String body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, publisher).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("admin " + method + " " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
