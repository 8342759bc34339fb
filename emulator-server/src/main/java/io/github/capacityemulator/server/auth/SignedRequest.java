package io.github.capacityemulator.server.auth;

import java.util.List;
import java.util.function.Function;

/**
 * What a signature covers, as the request arrived: method, path, raw query string ({@code null} if none), the
 * values of a header by name (case-insensitive, empty if absent) and the body's bytes.
 */
public record SignedRequest(String method, String path, String rawQuery, Function<String, List<String>> headers,
                            byte[] body) {

    String header(String name) {
        List<String> values = headers.apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
