package io.github.capacityemulator.server.auth;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Calls signed as clients sign them: the SDK for Java's way (http-auth-aws, with x-amz-content-sha256) or boto3's
 * and the CLI's (no payload header), with any key, secret, scope and time, then sent as they are.
 */
final class SignedCalls {

    enum Style { JAVA_SDK, BOTO3 }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    SignedCalls(URI endpoint) {
        this.endpoint = endpoint;
    }

    record Answer(int status, String errorType, String body) {
    }

    /** A signing of {@code operation} with {@code body}; {@code tamper} may change the request after it is signed. */
    record Signing(Style style, String key, String secret, String region, String service, Instant at) {
        Signing withSecret(String s) {
            return new Signing(style, key, s, region, service, at);
        }

        Signing withKey(String k) {
            return new Signing(style, k, secret, region, service, at);
        }

        Signing withRegion(String r) {
            return new Signing(style, key, secret, r, service, at);
        }

        Signing withService(String s) {
            return new Signing(style, key, secret, region, s, at);
        }

        Signing at(Instant t) {
            return new Signing(style, key, secret, region, service, t);
        }

        Signing style(Style s) {
            return new Signing(s, key, secret, region, service, at);
        }
    }

    Map<String, String> signedHeaders(String operation, String body, Signing s) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Host", endpoint.getHost() + ":" + endpoint.getPort())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "SageMaker." + operation)
                .build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(s.at(), ZoneOffset.UTC);
        SdkHttpRequest signed = s.style() == Style.JAVA_SDK
                ? AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(s.key(), s.secret()))
                        .request(request).payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, s.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, s.region())
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request()
                : legacy(request.toBuilder().contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build(), s, clock);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        signed.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        return headers;
    }

    @SuppressWarnings("deprecation")
    private static SdkHttpRequest legacy(SdkHttpFullRequest request, Signing s, Clock clock) {
        return Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(s.key(), s.secret())).signingName(s.service())
                .signingRegion(Region.of(s.region())).signingClockOverride(clock).build());
    }

    Answer send(String operation, String body, Signing s) {
        return send(operation, body, s, UnaryOperator.identity());
    }

    /** Signs, lets {@code tamper} edit the headers, sends {@code body} (which may differ from what was signed). */
    Answer send(String operation, String body, Signing s, UnaryOperator<Map<String, String>> tamper) {
        return sendSignedOver(operation, body, body, s, tamper);
    }

    Answer sendSignedOver(String operation, String signedBody, String sentBody, Signing s,
                          UnaryOperator<Map<String, String>> tamper) {
        Map<String, String> headers = tamper.apply(new java.util.LinkedHashMap<>(signedHeaders(operation, signedBody, s)));
        headers.remove("Host"); // java.net.http sets it, to the same value
        return sendRaw(headers, sentBody);
    }

    Answer sendRaw(Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
