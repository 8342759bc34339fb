package io.github.capacityemulator.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -cp sagemaker-emulator.jar io.github.capacityemulator.server.HealthCheck}: exits 0 when the
 * emulator on EMULATOR_PORT (default 4590) answers its health check, 1 otherwise. For container health
 * checks on images that have a JRE but no curl.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("EMULATOR_PORT", Integer.toString(ServerOptions.DEFAULT_PORT));
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            System.exit(response.statusCode() == 200 && response.body().contains("\"status\":\"ok\"") ? 0 : 1);
        } catch (Exception e) {
            System.err.println("unhealthy: " + e);
            System.exit(1);
        }
    }
}
