package io.github.capacityemulator.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may call and as which account: whether SigV4 signatures are verified and with which secrets, which access
 * keys act as which accounts, and the admin API's bearer token ({@code null}: the admin API is open).
 */
public record AccessSettings(boolean requireSignature, Map<String, String> secrets, Map<String, String> accounts,
                             String adminToken) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9]{1,128}");

    public AccessSettings {
        secrets = Map.copyOf(secrets);
        accounts = Map.copyOf(accounts);
        if (requireSignature && secrets.isEmpty()) {
            throw new IllegalArgumentException("--require-signature needs --credentials KEY:SECRET[,KEY:SECRET...]"
                    + " to verify signatures with");
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("--admin-token must not be blank");
        }
    }

    /** Any key signs, none is checked, the admin API is open: what local AWS emulators usually do. */
    public static AccessSettings open() {
        return new AccessSettings(false, Map.of(), Map.of(), null);
    }

    /** {@code KEY:SECRET,KEY:SECRET}; an access key is letters and digits, a secret anything but a comma. */
    public static Map<String, String> parseCredentials(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] kv = parts[i].trim().split(":", 2);
            if (kv.length != 2 || !ACCESS_KEY.matcher(kv[0]).matches() || kv[1].isEmpty()) {
                // Named by its place, never echoed: the entry may hold a secret, and this goes to a terminal or CI log.
                throw new IllegalArgumentException("--credentials must be KEY:SECRET[,KEY:SECRET...] (an access key of"
                        + " letters and digits, a secret that is not empty); entry " + (i + 1) + " is not");
            }
            if (out.put(kv[0], kv[1]) != null) {
                throw new IllegalArgumentException("--credentials names the access key " + kv[0] + " twice");
            }
        }
        return out;
    }

    /** {@code KEY=ACCOUNT,KEY=ACCOUNT}: an access key and the 12-digit account it acts as. */
    public static Map<String, String> parseAccounts(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !ACCESS_KEY.matcher(kv[0]).matches() || !ACCOUNT_ID.matcher(kv[1]).matches()) {
                throw new IllegalArgumentException("--accounts must be KEY=ACCOUNT[,KEY=ACCOUNT...] with 12-digit"
                        + " account ids, not '" + part.trim() + "'");
            }
            if (out.put(kv[0], kv[1]) != null) {
                throw new IllegalArgumentException("--accounts names the access key " + kv[0] + " twice");
            }
        }
        return out;
    }
}
