package io.github.capacityemulator.server.auth;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature the client should have sent, computed by the AWS SDK for Java's own signers over the headers the
 * client signed, at the time it signed. {@code http-auth-aws}'s {@link AwsV4HttpSigner} always adds and signs
 * {@code x-amz-content-sha256}: it reproduces the SDK for Java's requests, which sign that header, but not those of
 * boto3, the AWS CLI, the JS SDK or curl, which do not. Those are re-signed with the SDK's {@link Aws4Signer},
 * which signs exactly the headers it is given (deprecated in favour of the former, but the same algorithm).
 */
final class SdkSignature {

    static final String SERVICE = "sagemaker";
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]+)");

    private SdkSignature() {
    }

    static String of(SignedRequest request, SigV4Authorization auth, String secret, Instant signedAt) {
        // Host and query taken apart by hand, not through java.net.URI: it reads "my_emulator:4590" (a Docker service
        // name) as having no host at all. The signers rebuild the Host header from these fields.
        String host = request.header("host");
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .host(hasPort ? host.substring(0, colon) : host)
                .port(hasPort ? Integer.parseInt(host.substring(colon + 1)) : 80)
                .encodedPath(request.path());
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            for (String pair : request.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                http.appendRawQueryParameter(decoded(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? null : decoded(pair.substring(eq + 1)));
            }
        }
        for (String name : auth.signedHeaders()) {
            http.putHeader(name, List.copyOf(request.headers().apply(name)));
        }
        Clock at = Clock.fixed(signedAt, ZoneOffset.UTC);
        String authorization = auth.signedHeaders().contains(CONTENT_SHA256)
                ? withHttpAuthAws(http.build(), request.body(), auth, secret, at)
                : withAws4Signer(http.contentStreamProvider(() -> new ByteArrayInputStream(request.body())).build(),
                        auth, secret, at);
        Matcher m = SIGNATURE.matcher(authorization);
        if (!m.find()) {
            throw new IllegalStateException("the SDK's signer wrote no signature: " + authorization);
        }
        return m.group(1);
    }

    /** Percent-escapes decoded ('+' stays itself, as in a URI); a bad escape throws IllegalArgumentException. */
    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String withHttpAuthAws(SdkHttpFullRequest http, byte[] body, SigV4Authorization auth, String secret,
                                          Clock at) {
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(auth.accessKey(), secret))
                        .request(http)
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, auth.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                        .putProperty(HttpSigner.SIGNING_CLOCK, at))
                .request().firstMatchingHeader("Authorization").orElse("");
    }

    @SuppressWarnings("deprecation")
    private static String withAws4Signer(SdkHttpFullRequest http, SigV4Authorization auth, String secret, Clock at) {
        return Aws4Signer.create().sign(http, Aws4SignerParams.builder()
                        .awsCredentials(AwsBasicCredentials.create(auth.accessKey(), secret))
                        .signingName(auth.service())
                        .signingRegion(Region.of(auth.region()))
                        .signingClockOverride(at)
                        .build())
                .firstMatchingHeader("Authorization").orElse("");
    }
}
