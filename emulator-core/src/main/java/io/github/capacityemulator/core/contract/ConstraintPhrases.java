package io.github.capacityemulator.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The facts and phrases of SageMaker's validation messages: ranges, lengths, how values are rendered. */
final class ConstraintPhrases {

    private ConstraintPhrases() {
    }

    /** Timestamps SageMaker can hold: years 0001 to 9999. */
    static final BigDecimal MIN_EPOCH_SECONDS = BigDecimal.valueOf(-62135596800L);
    static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253402300799L);

    static boolean fitsWhole(JsonNode node, BigInteger min, BigInteger max) {
        if (!node.isNumber()) {
            return false;
        }
        BigDecimal d = node.decimalValue();
        // Compare before anything expands the number: 1e999999999 must not turn into a billion digits.
        if (!within(d, new BigDecimal(min), new BigDecimal(max))) {
            return false;
        }
        return d.stripTrailingZeros().scale() <= 0;
    }

    static boolean within(BigDecimal d, BigDecimal min, BigDecimal max) {
        return d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    static boolean isScalar(Shape shape) {
        return shape.type() != ShapeType.STRUCTURE && shape.type() != ShapeType.LIST && shape.type() != ShapeType.MAP;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** The constraint phrases a scalar value breaks, in SageMaker's order: length, pattern, enum, range. */
    static List<String> scalarPhrases(Shape shape, JsonNode node) {
        List<String> phrases = new ArrayList<>();
        if (shape.type() == ShapeType.STRING) {
            String text = node.asText();
            int length = text.codePointCount(0, text.length());
            phrases.addAll(lengthPhrases(shape, length));
            if (shape.pattern() != null && patternCheckable(shape, length) && !shape.pattern().matcher(text).matches()) {
                String p = shape.pattern().pattern();
                phrases.add("Member must satisfy regular expression pattern: " + (p.startsWith("^") ? p : "^" + p));
            }
            if (shape.hasEnum() && !shape.enumValues().contains(text)) {
                phrases.add("Member must satisfy enum value set: " + shape.enumValues());
            }
        } else if (shape.type().isNumber()) {
            BigDecimal v = node.decimalValue();
            if (shape.min() != null && v.compareTo(shape.min()) < 0) {
                phrases.add("Member must have value greater than or equal to " + plain(shape.min()));
            }
            if (shape.max() != null && v.compareTo(shape.max()) > 0) {
                phrases.add("Member must have value less than or equal to " + plain(shape.max()));
            }
        }
        return phrases;
    }

    /**
     * Whether the pattern can be checked safely: Java's matcher recurses once per repetition of a group such as
     * {@code (-*[a-zA-Z0-9])*}, and overflows the stack on strings of a few thousand characters. A value within its
     * length limit (at most 1024 for such patterns in the model) or of at most {@link #PATTERN_SAFE_LENGTH} is
     * checked; a longer one already breaks its length limit, and that is what its error says.
     */
    static boolean patternCheckable(Shape shape, int length) {
        return length <= PATTERN_SAFE_LENGTH || shape.max() != null && BigDecimal.valueOf(length).compareTo(shape.max()) <= 0;
    }

    /** Far below the lengths at which the model's patterns overflow the matcher (about 2,000 characters). */
    static final int PATTERN_SAFE_LENGTH = 1024;

    static List<String> lengthPhrases(Shape shape, int length) {
        List<String> phrases = new ArrayList<>(2);
        if (shape.min() != null && BigDecimal.valueOf(length).compareTo(shape.min()) < 0) {
            phrases.add("Member must have length greater than or equal to " + plain(shape.min()));
        }
        if (shape.max() != null && BigDecimal.valueOf(length).compareTo(shape.max()) > 0) {
            phrases.add("Member must have length less than or equal to " + plain(shape.max()));
        }
        return phrases;
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    static String bracketed(Set<String> phrases) {
        return "[" + String.join(", ", phrases) + "]";
    }

    /** A value as SageMaker prints it inside {@code Value '...'}: strings raw, lists and maps Java-style. */
    static String render(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(render(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.fields().forEachRemaining(e -> entries.add(e.getKey() + "=" + render(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        return node.asText();
    }

    static String jsonTypeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
