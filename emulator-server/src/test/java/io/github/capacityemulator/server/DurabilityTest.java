package io.github.capacityemulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect (issue 10): with {@code --data-dir}, 26 of 244 clusters whose CreateCluster had answered 200 were gone after
 * a {@code kill -9} and a restart. Every acknowledged write survives: the emulator runs as a separate process,
 * several threads write, it is killed mid-load, restarted on the same directory, and every answered create is there.
 */
class DurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Running(Process process, URI endpoint) {
    }

    private static Running start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port=0", "--data-dir", data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("SageMaker emulator listening on http://127.0.0.1:");
        return new Running(p, URI.create(line.substring(line.indexOf("http://"))));
    }

    private static HttpResponse<String> call(URI endpoint, String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target", "SageMaker." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cluster(String name) {
        return "{\"ClusterName\":\"" + name + "\",\"InstanceGroups\":[{\"InstanceGroupName\":\"g\","
                + "\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":1,"
                + "\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\","
                + "\"LifeCycleConfig\":{\"SourceS3Uri\":\"s3://b/l\",\"OnCreate\":\"on_create.sh\"}}]}";
    }

    @Test
    void everyAcknowledgedCreateSurvivesAKillMinusNine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Running first = start(data);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean go = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                for (int i = 0; go.get(); i++) {
                    String name = "d-" + writer + "-" + i;
                    try {
                        if (call(first.endpoint(), "CreateCluster", cluster(name)).statusCode() == 200) {
                            acknowledged.add(name);
                        }
                    } catch (Exception killed) {
                        return; // the process is gone: this answer never came
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        while (acknowledged.size() < 150 && writers.stream().anyMatch(Thread::isAlive)) {
            Thread.onSpinWait(); // load, not a status: the kill must land while writes are in flight
        }
        assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(first.process().pid())).start().waitFor()).isZero();
        first.process().waitFor(30, TimeUnit.SECONDS);
        go.set(false);
        for (Thread t : writers) {
            t.join(30_000);
        }

        Running second = start(data);
        try {
            Set<String> stored = new HashSet<>();
            String token = null;
            do {
                JsonNode page = JSON.readTree(call(second.endpoint(), "ListClusters", token == null ? "{\"MaxResults\":100}"
                        : "{\"MaxResults\":100,\"NextToken\":\"" + token + "\"}").body());
                page.get("ClusterSummaries").forEach(c -> stored.add(c.get("ClusterName").asText()));
                token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            } while (token != null);
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(150);
            assertThat(stored).as("every create answered 200 before the kill").containsAll(acknowledged);
        } finally {
            second.process().destroyForcibly();
        }
    }
}
