package io.github.capacityemulator.server.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts of an {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header. */
record SigV4Authorization(String accessKey, String scopeDate, String region, String service, String terminator,
                          List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Parses the header, or says (as AWS does) what it lacks. */
    static SigV4Authorization parse(String header) {
        Map<String, String> parts = new HashMap<>();
        String rest = header.startsWith(ALGORITHM + " ") ? header.substring(ALGORITHM.length() + 1) : "";
        for (String part : rest.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw AuthenticationFailure.incomplete("'" + p + "' not a valid key=value pair (missing equal-sign)"
                        + " in Authorization header: '" + header + "'.");
            }
            parts.put(p.substring(0, eq), p.substring(eq + 1));
        }
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(name)) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (missing.length() > 0) {
            throw AuthenticationFailure.incomplete(missing + "Authorization=" + header);
        }
        String credential = parts.get("Credential");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw AuthenticationFailure.incomplete("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + credential + "'");
        }
        List<String> signed = new ArrayList<>();
        for (String name : parts.get("SignedHeaders").split(";")) {
            if (!name.isEmpty()) {
                signed.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], List.copyOf(signed),
                parts.get("Signature"));
    }
}
