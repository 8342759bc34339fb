package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.error.AwsServiceException;

/** A request refused before it reaches the emulator: its signature or credentials, with AWS's code and status. */
public final class AuthenticationFailure extends AwsServiceException {

    static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final int httpStatus;

    private AuthenticationFailure(String code, int httpStatus, String message) {
        super(code, message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    static AuthenticationFailure missingToken() {
        return new AuthenticationFailure("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    static AuthenticationFailure incomplete(String message) {
        return new AuthenticationFailure("IncompleteSignatureException", 400, message);
    }

    static AuthenticationFailure unrecognizedClient() {
        return new AuthenticationFailure("UnrecognizedClientException", 400,
                "The security token included in the request is invalid.");
    }

    static AuthenticationFailure invalidSignature(String message) {
        return new AuthenticationFailure("InvalidSignatureException", 400, message);
    }

    static AuthenticationFailure signatureMismatch() {
        return invalidSignature(MISMATCH);
    }
}
