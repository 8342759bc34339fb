package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's memory, in a JVM of 192 MiB as a user might give it. Found by review (issue 10): the journal kept its
 * 16 MiB of bodies as bytes, but {@code GET /_emulator/requests} parsed them all back into trees (61 KiB of
 * {@code [{},{},...]} is some 1.5 MB of nodes) and the listing died with an OutOfMemoryError, a 500; and operation
 * names were kept whole, so 8 KiB targets filled the heap past the body budget.
 */
class JournalMemoryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> call(URI endpoint, String target, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFullJournalListsInASmallHeapAndLongTargetsDoNotFillIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port=0", "--journal-size=100000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("SageMaker emulator listening on http://127.0.0.1:");
            URI endpoint = URI.create(line.substring(line.indexOf("http://")));
            String manyObjects = "{\"ClusterName\":[" + "{},".repeat(20_999) + "{}]}"; // 61 KiB, rejected
            for (int i = 0; i < 400; i++) {
                assertThat(call(endpoint, "SageMaker.DescribeCluster", manyObjects).statusCode()).isEqualTo(400);
            }
            String longTarget = "SageMaker." + "X".repeat(7_900);
            for (int i = 0; i < 20_000; i++) {
                assertThat(call(endpoint, longTarget, "{}").statusCode()).isEqualTo(400);
            }
            HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/requests")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("\"ClusterName\":[{},{},").contains("\"operation\":\"XXXX");
            assertThat(HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }
}
