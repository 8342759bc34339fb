package io.github.capacityemulator.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code --admin-token}: the bearer token every admin route but health needs; none set, the admin API is open. */
public final class AdminToken {

    private static final String SCHEME = "bearer ";
    private final byte[] expected;

    public AdminToken(String token) {
        this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return expected != null;
    }

    /** Whether an {@code Authorization} header carries the token (the scheme in any case; the token compared in constant time). */
    public boolean permits(String authorization) {
        if (expected == null) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && MessageDigest.isEqual(expected, value.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
