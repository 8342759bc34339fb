package io.github.capacityemulator.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect (issue 10): bodies that cannot be read (shorter than their Content-Length, a bad or truncated chunk) were
 * 500 InternalFailure, which SDKs retry. They are the client's fault: a 400 SerializationException, or the
 * connection closed, never a 5xx; and nothing is created.
 */
class UnreadableBodyTest extends RunningEmulator {

    private static final String HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: SageMaker.CreateCluster\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\n";
    private static final String BODY = "{\"ClusterName\":\"c\",\"InstanceGroups\":[{\"InstanceGroupName\":\"g\","
            + "\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":1,\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\","
            + "\"LifeCycleConfig\":{\"SourceS3Uri\":\"s3://b/l\",\"OnCreate\":\"on_create.sh\"}}]}";

    @ParameterizedTest
    @ValueSource(strings = {"short", "bad-chunk-size", "truncated-chunks"})
    void anUnreadableBodyIsAClientErrorAndCreatesNothing(String kind) throws IOException {
        String request = switch (kind) {
            case "short" -> HEAD + "Content-Length: " + (BODY.length() + 100) + "\r\n\r\n" + BODY;
            case "bad-chunk-size" -> HEAD + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n" + BODY + "\r\n0\r\n\r\n";
            default -> HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(BODY.length() + 100) + "\r\n" + BODY;
        };
        String answer = send(request);
        if (kind.equals("short")) {
            assertThat(answer).as("the body ended early: the server can still answer").isNotEmpty();
        }
        if (!answer.isEmpty()) { // a closed connection is an acceptable answer too
            assertThat(answer).as(kind).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("SerializationException");
        }
        call("ListClusters").body("{}").post("/").then().statusCode(200)
                .body("ClusterSummaries", org.hamcrest.Matchers.empty());
    }

    /**
     * A client that stops sending in the middle of its body (and keeps the connection open) is answered with a 400
     * once it has been silent for the request timeout (here 1 second), not left hanging or given a 5xx.
     */
    @Test
    void aStalledBodyIsAnsweredWithA400AfterTheRequestTimeout() throws Exception {
        try (EmulatorServer quick = EmulatorServer.start(emulator, "127.0.0.1", 0, java.time.Duration.ofSeconds(1));
             Socket s = new Socket("127.0.0.1", quick.endpoint().getPort())) {
            s.setSoTimeout(20_000);
            String partial = HEAD + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY.substring(0, 20);
            s.getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            long started = System.nanoTime();
            String answer = new String(s.getInputStream().readNBytes(2048), StandardCharsets.UTF_8); // until it answers
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 400").contains("SerializationException")
                    .contains("did not arrive within the request timeout (--request-timeout 1)");
            assertThat(waitedMillis).as("answered after the timeout, well before the 30 s default").isLessThan(15_000);
        }
        call("ListClusters").body("{}").post("/").then().statusCode(200)
                .body("ClusterSummaries", org.hamcrest.Matchers.empty());
    }

    /**
     * Slow clients: a byte every 400 ms never trips Jetty's idle timeout, so without a deadline on the whole body this
     * 300-byte request would hold its thread for two minutes. It is refused once the request timeout has passed.
     */
    @Test
    void aTricklingBodyIsCutOffAtTheRequestTimeout() throws Exception {
        try (EmulatorServer quick = EmulatorServer.start(emulator, "127.0.0.1", 0, java.time.Duration.ofSeconds(2));
             Socket s = new Socket("127.0.0.1", quick.endpoint().getPort())) {
            s.setSoTimeout(30_000);
            String body = "{\"ClusterName\":\"" + "a".repeat(280) + "\"}";
            s.getOutputStream().write((HEAD + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            Thread trickle = new Thread(() -> {
                try {
                    for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
                        s.getOutputStream().write(b);
                        s.getOutputStream().flush();
                        Thread.sleep(400);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server answered and closed: the point
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long started = System.nanoTime();
            String answer = new String(s.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 400").contains("SerializationException")
                    .contains("did not arrive within the request timeout (--request-timeout 2)");
            assertThat(waitedMillis).as("cut off near the 2 s timeout, not after the whole trickle").isLessThan(20_000);
            trickle.interrupt();
        }
        call("ListClusters").body("{}").post("/").then().statusCode(200)
                .body("ClusterSummaries", org.hamcrest.Matchers.empty());
    }

    /** Writes the request, ends the client's side of the connection, and reads what comes back. */
    private static String send(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.endpoint().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                in.transferTo(out);
            } catch (java.net.SocketException reset) {
                // the server closed the connection
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
