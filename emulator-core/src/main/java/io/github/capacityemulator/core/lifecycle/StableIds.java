package io.github.capacityemulator.core.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived from what they identify, so that what is materialised lazily gets the same id at every read,
 * whichever read comes first: a SHA-256 over the parts, each ended by a zero byte.
 */
public final class StableIds {

    private StableIds() {
    }

    public static byte[] digest(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest in lower-case hex (64 characters). */
    public static String hex(Object... parts) {
        return HexFormat.of().formatHex(digest(parts));
    }
}
