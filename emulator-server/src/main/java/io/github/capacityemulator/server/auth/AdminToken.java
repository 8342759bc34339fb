package io.github.capacityemulator.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code --admin-token}: the bearer token every admin route but health needs; none set, the admin API is open. */
public final class AdminToken {

    private final byte[] expected;

    public AdminToken(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return expected != null;
    }

    /** Whether an {@code Authorization} header carries the token (compared in constant time). */
    public boolean permits(String authorization) {
        return expected == null || (authorization != null
                && MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8)));
    }
}
