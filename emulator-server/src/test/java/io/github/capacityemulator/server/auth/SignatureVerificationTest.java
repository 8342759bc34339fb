package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.store.StateDump;
import io.github.capacityemulator.server.EmulatorServer;
import io.github.capacityemulator.server.auth.SignedCalls.Answer;
import io.github.capacityemulator.server.auth.SignedCalls.Signing;
import io.github.capacityemulator.server.auth.SignedCalls.Style;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --require-signature}: every way a signature can be wrong is refused with AWS's code, status and text, and
 * changes nothing; a right one, signed the SDK for Java's way or boto3's, passes and acts as its key's account.
 */
class SignatureVerificationTest {

    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    private static Emulator emulator;
    private static EmulatorServer server;
    private static SignedCalls calls;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorSettings.defaults());
        server = EmulatorServer.start(emulator, "127.0.0.1", 0, Duration.ofSeconds(30), new AccessSettings(true,
                Map.of("AKIDALPHA", "alpha-secret", "111122223333", "beta-secret"),
                Map.of("AKIDALPHA", "444455556666"), null));
        calls = new SignedCalls(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
        emptyState = emulator.stateDump();
    }

    private static Signing alpha(Style style) {
        return new Signing(style, "AKIDALPHA", "alpha-secret", "us-east-1", "sagemaker", Instant.now());
    }

    private static String cluster(String name) {
        return "{\"ClusterName\":\"" + name + "\",\"InstanceGroups\":[{\"InstanceGroupName\":\"g\","
                + "\"InstanceType\":\"ml.t3.medium\",\"InstanceCount\":1,"
                + "\"ExecutionRole\":\"arn:aws:iam::123456789012:role/x\","
                + "\"LifeCycleConfig\":{\"SourceS3Uri\":\"s3://b/l\",\"OnCreate\":\"on_create.sh\"}}]}";
    }

    /** The clusters alpha's account sees, asked with a right signature. */
    private static String alphaClusters() {
        Answer list = calls.send("ListClusters", "{}", alpha(Style.BOTO3));
        assertThat(list.status()).isEqualTo(200);
        return list.body();
    }

    /** The state before each test's refused call: reset leaves it empty, and so must the refusal. */
    private static StateDump emptyState;

    private static void assertRefusedAndNothingCreated(Answer answer, int status, String code, String message) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(code);
        assertThat(answer.body()).contains("\"__type\":\"" + code + "\"");
        if (message != null) {
            assertThat(answer.body()).contains("\"message\":\"" + message + "\"");
        }
        assertThat(emulator.stateDump().differences(emptyState)).as("state changed by a refused call").isEmpty();
        assertThat(alphaClusters()).doesNotContain("victim");
        assertThat(emulator.admin().requests("CreateCluster")).allSatisfy(r -> assertThat(r.status()).isEqualTo(status));
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void aRightSignatureActsAsTheAccountItsKeyMapsTo(Style style) {
        Answer created = calls.send("CreateCluster", cluster("mine"), alpha(style));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("arn:aws:sagemaker:us-east-1:444455556666:cluster/");
        Answer twelveDigits = calls.send("CreateCluster", cluster("theirs"),
                alpha(style).withKey("111122223333").withSecret("beta-secret").withRegion("eu-west-1"));
        assertThat(twelveDigits.body()).contains("arn:aws:sagemaker:eu-west-1:111122223333:cluster/");
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() {
        Answer answer = calls.sendRaw(Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "SageMaker.CreateCluster"), cluster("victim"));
        assertRefusedAndNothingCreated(answer, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void anUnknownKeyIsAnUnrecognizedClient(Style style) {
        assertRefusedAndNothingCreated(calls.send("CreateCluster", cluster("victim"), alpha(style).withKey("AKIDNOBODY")),
                400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void aWrongSecretIsAnInvalidSignature(Style style) {
        assertRefusedAndNothingCreated(calls.send("CreateCluster", cluster("victim"), alpha(style).withSecret("guess")),
                400, "InvalidSignatureException", MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void aBodyChangedAfterSigningIsAnInvalidSignature(Style style) {
        assertRefusedAndNothingCreated(calls.sendSignedOver("CreateCluster", cluster("harmless"), cluster("victim"),
                alpha(style), UnaryOperator.identity()), 400, "InvalidSignatureException", MISMATCH);
    }

    @Test
    void aChangedSignedHeaderIsAnInvalidSignature() {
        assertRefusedAndNothingCreated(calls.send("ListClusters", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("X-Amz-Target", "SageMaker.CreateCluster");
            return h;
        }), 400, "InvalidSignatureException", MISMATCH);
    }

    @Test
    void anotherServiceInTheScopeIsRefused() {
        assertRefusedAndNothingCreated(calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3).withService("ec2")),
                400, "InvalidSignatureException", "Credential should be scoped to correct service: 'sagemaker'. ");
    }

    @Test
    void aRegionThatIsNoRegionIsRefused() {
        assertRefusedAndNothingCreated(calls.send("CreateCluster", cluster("victim"),
                        alpha(Style.BOTO3).withRegion("mars-central-9x")),
                400, "InvalidSignatureException", "Credential should be scoped to a valid region, not 'mars-central-9x'. ");
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAgoHasExpired() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3).at(Instant.now().minusSeconds(360)));
        assertRefusedAndNothingCreated(answer, 400, "InvalidSignatureException", null);
        assertThat(answer.body()).containsPattern("\"message\":\"Signature expired: \\d{8}T\\d{6}Z is now earlier than"
                + " \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)\"");
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAheadIsNotYetCurrent() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3).at(Instant.now().plusSeconds(360)));
        assertRefusedAndNothingCreated(answer, 400, "InvalidSignatureException", null);
        assertThat(answer.body()).containsPattern("\"message\":\"Signature not yet current: \\d{8}T\\d{6}Z is still later"
                + " than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z \\+ 5 min\\.\\)\"");
    }

    @Test
    void aSkewWithinFiveMinutesPasses() {
        assertThat(calls.send("ListClusters", "{}", alpha(Style.BOTO3).at(Instant.now().minusSeconds(240))).status())
                .isEqualTo(200);
    }

    @Test
    void aScopeDateOtherThanTheRequestDateIsRefused() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("Authorization", h.get("Authorization").replaceFirst("/\\d{8}/", "/20200101/"));
            return h;
        });
        assertRefusedAndNothingCreated(answer, 400, "InvalidSignatureException", null);
        assertThat(answer.body()).contains("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                + " date from HTTP: '20200101' != '");
    }

    @Test
    void aHeaderWithoutItsPartsIsIncomplete() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDALPHA/20261202/us-east-1/sagemaker/aws4_request");
            return h;
        });
        assertRefusedAndNothingCreated(answer, 400, "IncompleteSignatureException",
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
                        + " parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIDALPHA/20261202/us-east-1/sagemaker/aws4_request");
    }

    @Test
    void aSignedHeaderThatWasNotSentIsIncomplete() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("Authorization", h.get("Authorization").replace("SignedHeaders=", "SignedHeaders=x-custom;"));
            return h;
        });
        assertRefusedAndNothingCreated(answer, 400, "IncompleteSignatureException",
                "'x-custom' is named as a SignedHeader, but it does not exist in the HTTP request.");
    }

    @Test
    void aBearerTokenIsNoSignature() {
        Answer answer = calls.sendRaw(Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "SageMaker.CreateCluster", "Authorization", "Bearer abc"), cluster("victim"));
        assertRefusedAndNothingCreated(answer, 400, "IncompleteSignatureException", null);
    }

    @Test
    void healthStaysOpen() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.endpoint().resolve("/_emulator/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /**
     * The SDK's signers never sign User-Agent and a few others, so a signature over one cannot be re-computed: it is
     * refused (SageMaker would take it) with a message that says why and what to do. Found driving curl -H User-Agent.
     */
    @Test
    void aSignatureOverAHeaderTheSdkNeverSignsIsRefusedSayingWhy() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("Authorization", h.get("Authorization").replace("SignedHeaders=", "SignedHeaders=user-agent;"));
            h.put("User-Agent", "my-tool/1.0");
            return h;
        });
        assertRefusedAndNothingCreated(answer, 400, "InvalidSignatureException", MISMATCH + " (The emulator re-computes"
                + " signatures with the AWS SDK's signers, which never sign user-agent: leave it out of SignedHeaders.)");
    }

    @Test
    void aRequestDatedOnlyByItsDateHeaderIsRefusedSayingSo() {
        Answer answer = calls.send("CreateCluster", cluster("victim"), alpha(Style.BOTO3), h -> {
            h.put("Date", "Wed, 02 Dec 2026 03:33:09 GMT");
            h.remove("X-Amz-Date");
            return h;
        });
        assertRefusedAndNothingCreated(answer, 400, "IncompleteSignatureException", "The emulator verifies signatures"
                + " dated by an 'X-Amz-Date' header (as every AWS SDK and the AWS CLI send it); this request has only a"
                + " 'Date' header.");
    }

    /** Found by review: a query the signers could not parse (?a=%zz) was a 500 InternalFailure. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a=%zz", "%", "a=|", "a={}", "a=b", "a=%20b"})
    void aHostileQueryIsA4xxAndChangesNothing(String query) throws Exception {
        assertThat(sendWith("/?" + query, server.endpoint().getHost() + ":" + server.endpoint().getPort()))
                .startsWith("HTTP/1.1 4").contains("x-amzn-ErrorType");
    }

    /** Found by review: a Host java.net.URI reads as hostless (a Docker name with '_') was a 500 NullPointerException. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"my_emulator:PORT", "a..b:PORT", "-a", "x~y:PORT", "h:notaport"})
    void anOddHostIsA4xxAndChangesNothing(String host) throws Exception {
        assertThat(sendWith("/", host.replace("PORT", String.valueOf(server.endpoint().getPort()))))
                .startsWith("HTTP/1.1 4").contains("x-amzn-ErrorType");
    }

    /** A CreateCluster signed for this server, sent raw with this target path and Host; the state must not change. */
    private static String sendWith(String pathAndQuery, String host) throws Exception {
        var before = emulator.stateDump();
        Map<String, String> headers = calls.signedHeaders("CreateCluster", cluster("victim"), alpha(Style.BOTO3));
        headers.remove("Host");
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.endpoint().getPort())) {
            StringBuilder request = new StringBuilder("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            String body = cluster("victim");
            request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(emulator.stateDump().differences(before)).isEmpty();
        return answer;
    }
}
