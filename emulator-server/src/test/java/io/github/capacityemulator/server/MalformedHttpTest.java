package io.github.capacityemulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect (issue 10, found by HostileInputTest): requests that Jetty refuses before they reach a route (a path that is
 * not a valid URI path, one too long, CONNECT, a bad Content-Length or Transfer-Encoding, headers too large) were
 * answered with Jetty's HTML error page: no x-amzn-ErrorType, no JSON, nothing an SDK can read. They keep Jetty's
 * 4xx status and get the AWS envelope: SerializationException, the request could not be read.
 */
class MalformedHttpTest extends RunningEmulator {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"POST /%zz", "POST /..", "POST /a%00b", "POST /a b", "CONNECT /", "POST /LONG",
            "POST / bad-length", "POST / gzip", "POST / big-header"})
    void whatJettyRefusesGetsTheAwsEnvelope(String kind) throws IOException {
        String[] parts = kind.split(" ");
        String path = parts[1].equals("/LONG") ? "/" + "a".repeat(9_000) : kind.startsWith("POST /a b") ? "/a b" : parts[1];
        String extra = kind.endsWith("bad-length") ? "Content-Length: abc\r\n"
                : kind.endsWith("gzip") ? "Transfer-Encoding: gzip\r\n"
                : kind.endsWith("big-header") ? "X-Big: " + "b".repeat(20_000) + "\r\nContent-Length: 2\r\n"
                : "Content-Length: 2\r\n";
        String answer = send(parts[0] + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "X-Amz-Target: SageMaker.ListClusters\r\nContent-Type: application/x-amz-json-1.1\r\n" + extra + "\r\n{}");
        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(answer).isBetween(400, 499);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("\r\nx-amzn-errortype: serializationexception")
                .contains("\r\ncontent-type: application/x-amz-json-1.1").containsPattern("\r\nx-amzn-requestid: [0-9a-f-]{36}");
        JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.path("message").asText()).startsWith("The request could not be read as HTTP: ");
    }

    private static String send(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
