package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.caller.RequestContext;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Decides who a request is. Open (the default): the caller identity read from the credential scope, nothing checked.
 * With {@code --require-signature}: SigV4 verified as SageMaker does, each refusal with AWS's code, status and text.
 * The request time is compared with the machine's real clock, not the emulator's (which tests move at will): SDKs
 * sign with the real time.
 */
public final class RequestAuthenticator {

    /** How far a request's signing time may be from now, as in AWS. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    /**
     * Headers the SDK's signers never sign (as botocore's do not): a signature that covers one cannot be re-computed
     * by them, so it is refused with a message that says why rather than the bare mismatch text.
     */
    static final Set<String> UNSIGNABLE = Set.of("user-agent", "x-amzn-trace-id", "connection",
            "expect", "transfer-encoding", "x-forwarded-for");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AccessSettings access;
    private final CallerIdentity identity;
    private final Clock realTime;

    public RequestAuthenticator(AccessSettings access, Clock realTime) {
        this.access = access;
        this.identity = new CallerIdentity(access.accounts());
        this.realTime = realTime;
    }

    /** The caller as its headers say, unchecked: for answers that come before a signature could be checked. */
    public RequestContext claimed(String authorization, String requestId) {
        return identity.of(authorization, requestId);
    }

    /** The caller, verified when signatures are required; an {@link AuthenticationFailure} otherwise. */
    public RequestContext authenticate(SignedRequest request, String requestId) {
        String authorization = request.header("Authorization");
        if (!access.requireSignature()) {
            return identity.of(authorization, requestId);
        }
        if (authorization == null || authorization.isBlank()) {
            throw AuthenticationFailure.missingToken();
        }
        SigV4Authorization auth = SigV4Authorization.parse(authorization.trim());
        String secret = access.secrets().get(auth.accessKey());
        if (secret == null) {
            throw AuthenticationFailure.unrecognizedClient();
        }
        checkScope(auth);
        Instant signedAt = signingTime(request, auth, authorization);
        checkSkew(signedAt);
        for (String name : auth.signedHeaders()) {
            if (request.headers().apply(name).isEmpty()) {
                throw AuthenticationFailure.incomplete("'" + name + "' is named as a SignedHeader, but it does not exist"
                        + " in the HTTP request.");
            }
        }
        List<String> unsignable = auth.signedHeaders().stream().filter(UNSIGNABLE::contains).toList();
        if (!unsignable.isEmpty()) {
            throw AuthenticationFailure.invalidSignature(AuthenticationFailure.MISMATCH + " (The emulator re-computes"
                    + " signatures with the AWS SDK's signers, which never sign " + String.join(", ", unsignable)
                    + ": leave " + (unsignable.size() == 1 ? "it" : "them") + " out of SignedHeaders.)");
        }
        String expected;
        try {
            expected = SdkSignature.of(request, auth, secret, signedAt);
        } catch (RuntimeException e) {
            // A Host or query the signers cannot take (?a=%zz, a port that is no number): no signature of it is right.
            throw AuthenticationFailure.signatureMismatch();
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationFailure.signatureMismatch();
        }
        return new RequestContext(identity.accountOf(auth.accessKey()), auth.region(), requestId);
    }

    private static void checkScope(SigV4Authorization auth) {
        if (!auth.service().equals(SdkSignature.SERVICE)) {
            throw AuthenticationFailure.invalidSignature("Credential should be scoped to correct service: '"
                    + SdkSignature.SERVICE + "'. ");
        }
        if (!CallerIdentity.REGION.matcher(auth.region()).matches()) {
            throw AuthenticationFailure.invalidSignature("Credential should be scoped to a valid region, not '"
                    + auth.region() + "'. ");
        }
        if (!auth.terminator().equals("aws4_request")) {
            throw AuthenticationFailure.invalidSignature("Credential should be scoped with a valid terminator:"
                    + " 'aws4_request', not '" + auth.terminator() + "'. ");
        }
    }

    /** X-Amz-Date, which must fall on the scope's date. */
    private static Instant signingTime(SignedRequest request, SigV4Authorization auth, String authorization) {
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null && request.header("Date") != null) {
            // SigV4 allows Date instead; the SDK's signers always sign X-Amz-Date, so such a request cannot be re-signed.
            throw AuthenticationFailure.incomplete("The emulator verifies signatures dated by an 'X-Amz-Date' header"
                    + " (as every AWS SDK and the AWS CLI send it); this request has only a 'Date' header.");
        }
        if (amzDate == null) {
            throw AuthenticationFailure.incomplete("Authorization header requires existence of either a 'X-Amz-Date'"
                    + " or a 'Date' header. Authorization=" + authorization);
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(BASIC.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw AuthenticationFailure.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'."
                    + " See http://en.wikipedia.org/wiki/ISO_8601");
        }
        String day = amzDate.substring(0, 8);
        if (!auth.scopeDate().equals(day)) {
            throw AuthenticationFailure.invalidSignature("Date in Credential scope does not match YYYYMMDD from"
                    + " ISO-8601 version of date from HTTP: '" + auth.scopeDate() + "' != '" + day + "', from '"
                    + amzDate + "'.");
        }
        return signedAt;
    }

    private void checkSkew(Instant signedAt) {
        Instant now = realTime.instant().truncatedTo(ChronoUnit.SECONDS);
        if (signedAt.isBefore(now.minus(ALLOWED_SKEW))) {
            throw AuthenticationFailure.invalidSignature("Signature expired: " + BASIC.format(signedAt)
                    + " is now earlier than " + BASIC.format(now.minus(ALLOWED_SKEW)) + " (" + BASIC.format(now)
                    + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(ALLOWED_SKEW))) {
            throw AuthenticationFailure.invalidSignature("Signature not yet current: " + BASIC.format(signedAt)
                    + " is still later than " + BASIC.format(now.plus(ALLOWED_SKEW)) + " (" + BASIC.format(now)
                    + " + 5 min.)");
        }
    }
}
