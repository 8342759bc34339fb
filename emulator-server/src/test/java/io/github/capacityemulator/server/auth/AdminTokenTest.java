package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.server.EmulatorServer;
import io.github.capacityemulator.server.admin.AdminRoute;
import io.github.capacityemulator.server.admin.AdminRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --admin-token}: health stays open, every other admin route needs the bearer token, and a refusal changes nothing. */
class AdminTokenTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Emulator emulator;
    private static EmulatorServer server;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true));
        server = EmulatorServer.start(emulator, "127.0.0.1", 0, Duration.ofSeconds(30),
                new AccessSettings(false, Map.of(), Map.of(), "let-me-in"));
    }

    @AfterAll
    static void stop() {
        server.close();
        emulator.close();
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        assertThat(send("GET", "/_emulator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyOtherRouteRefusesACallWithoutTheRightToken() throws Exception {
        Instant before = emulator.admin().clock().now();
        var state = emulator.stateDump();
        emulator.admin().addFault(new io.github.capacityemulator.core.faults.FaultSpec("ListClusters", null, null,
                "ThrottlingException", null, null, null, 1, null, null));
        int faults = emulator.admin().faults().size();
        for (String authorization : new String[] {null, "Bearer wrong", "let-me-in", "Basic bGV0LW1lLWlu", "Bearer let-me-inx"}) {
            HttpResponse<String> advance = send("POST", "/_emulator/clock/advance", authorization, "{\"seconds\":3600}");
            assertThat(advance.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(advance.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(advance.body()).contains("\"error\":\"the admin API needs Authorization: Bearer");
            assertThat(send("GET", "/_emulator/clock", authorization, null).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/_emulator/requests", authorization, null).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/_emulator/no-such-route", authorization, null).statusCode()).isEqualTo(401);
        }
        for (AdminRoute route : AdminRoutes.all()) {
            if (!route.path().equals(AdminRoutes.HEALTH)) {
                String path = route.path().replaceAll("\\{[^}]+}", "x");
                assertThat(send(route.method(), path, "Bearer wrong", "{\"seconds\":60,\"count\":1}").statusCode())
                        .as(route.method() + " " + path).isEqualTo(401);
            }
        }
        assertThat(emulator.admin().clock().now()).isEqualTo(before);
        assertThat(emulator.stateDump().differences(state)).isEmpty();
        assertThat(emulator.admin().faults()).hasSize(faults);
        emulator.admin().clearFaults();
    }

    @Test
    void theRightTokenOpensEveryRoute() throws Exception {
        Instant before = emulator.admin().clock().now();
        assertThat(send("POST", "/_emulator/clock/advance", "Bearer let-me-in", "{\"seconds\":60}").statusCode()).isEqualTo(200);
        assertThat(emulator.admin().clock().now()).isEqualTo(before.plusSeconds(60));
        assertThat(send("GET", "/_emulator/no-such-route", "Bearer let-me-in", null).statusCode()).isEqualTo(404);
        // The scheme is case-insensitive (RFC 7235); the token is not, also on a connection that sent the right one
        // before (Jetty's header cache matched values ignoring case: "Bearer LET-ME-IN" arrived as the earlier value).
        assertThat(send("GET", "/_emulator/clock", "bearer let-me-in", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/_emulator/clock", "BEARER  let-me-in ", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/_emulator/clock", "Bearer LET-ME-IN", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiItselfIsNotBehindTheAdminToken() throws Exception {
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "SageMaker.ListClusters").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
    }
}
