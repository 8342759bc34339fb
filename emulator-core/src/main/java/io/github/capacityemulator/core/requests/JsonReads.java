package io.github.capacityemulator.core.requests;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The readers the generated request records use; hand-written, not generated.
 *
 * <p>Each reader takes the JSON value of one member (or list element, or map value) and returns null
 * when it is absent ({@code null}, a missing node or JSON null), so an absent member is told apart from
 * an empty list or map. Input has been validated against the contract before it is read, so the JSON
 * types are right and nothing here validates. Lists and maps come back unmodifiable, in wire order.
 */
public final class JsonReads {

    private JsonReads() {
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** A string, an enum value or a blob (its base64 text). */
    public static String string(JsonNode value) {
        return absent(value) ? null : value.asText();
    }

    public static Integer integer(JsonNode value) {
        return absent(value) ? null : value.intValue();
    }

    /** A {@code long} shape ({@code long} itself is a Java keyword). */
    public static Long lng(JsonNode value) {
        return absent(value) ? null : value.longValue();
    }

    public static Boolean bool(JsonNode value) {
        return absent(value) ? null : value.booleanValue();
    }

    /** A {@code float} or {@code double} shape. */
    public static Double dbl(JsonNode value) {
        return absent(value) ? null : value.doubleValue();
    }

    /** A timestamp: on the wire, a JSON number of epoch seconds with an optional fraction. */
    public static Instant instant(JsonNode value) {
        return absent(value) ? null : Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
    }

    /** A document, or any shape the records have no type for: the JSON value itself. */
    public static JsonNode node(JsonNode value) {
        return absent(value) ? null : value;
    }

    public static <T> List<T> list(JsonNode value, Function<JsonNode, T> element) {
        if (absent(value)) {
            return null;
        }
        List<T> out = new ArrayList<>(value.size());
        value.forEach(item -> out.add(element.apply(item)));
        return Collections.unmodifiableList(out);
    }

    public static <T> Map<String, T> map(JsonNode value, Function<JsonNode, T> entryValue) {
        if (absent(value)) {
            return null;
        }
        Map<String, T> out = new LinkedHashMap<>();
        value.properties().forEach(entry -> out.put(entry.getKey(), entryValue.apply(entry.getValue())));
        return Collections.unmodifiableMap(out);
    }
}
