package io.github.capacityemulator.server.hostile;

import io.github.capacityemulator.core.contract.Shape;
import io.github.capacityemulator.core.contract.ShapeType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.github.capacityemulator.server.hostile.Expected.SERIALIZATION;
import static io.github.capacityemulator.server.hostile.Expected.VALIDATION;

/**
 * Hostile values for one site, from its shape's type and constraints. {@code size} (1 to 100) scales the huge ones,
 * so that a failure can be retried smaller.
 */
final class ValueMutations {

    private static final List<String> PATTERN_BREAKERS = List.of("!", "a b", " ", "-", "_", "bad value!", "\n",
            "a\nb", "\u00e9", "\u65e5\u672c", "a/b", "\\", "*", "\u0000", "<x>", "a;b", "..", "A", "0", "$", "a:b:c");
    private static final List<String> BEYOND_LONG = List.of("1e400", "-1e400", "123456789012345678901234567890",
            "-123456789012345678901234567890", "9223372036854775808", "-9223372036854775809", "1e999999999",
            "18446744073709551616", "1.5e300");
    private static final List<String> NOT_JSON_NUMBERS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity",
            "+1", "01", ".5", "1.", "1e", "0x10", "-", "1_000", "inf", "nan");
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
            (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    private static final int[] NESTING = {200, 999, 1001, 10_000, 100_000};
    /** The longest name (a map key) the JSON reader takes; a longer one is refused while reading. */
    private static final int MAX_NAME_LENGTH = 50_000;
    /** The largest string a within-limit HUGE_STRING writes (the body limit is 5 MiB). */
    private static final int LARGEST_STRING = 4_700_000;

    private final Skeletons skeletons;

    ValueMutations(Skeletons skeletons) {
        this.skeletons = skeletons;
    }

    /** Whether {@code m} can make the value at {@code site} invalid. */
    boolean applies(Mutation m, Site site) {
        Shape s = site.shape();
        ShapeType t = s.type();
        return switch (m) {
            case WRONG_JSON_TYPE, DEEP_NESTING, HUGE_ARRAY, NON_JSON_NUMBER -> true;
            case MISSING_REQUIRED -> site.required();
            case BELOW_MINIMUM -> s.min() != null && (t == ShapeType.STRING || t == ShapeType.LIST || t == ShapeType.MAP
                    ? s.min().signum() > 0 : isNumber(t));
            case ABOVE_MAXIMUM -> s.max() != null && (t != ShapeType.MAP || distinctKeys(s, s.max().intValue() + 1) != null);
            case PATTERN_MISMATCH -> !patternBreakers(s).isEmpty();
            case NOT_IN_ENUM -> s.hasEnum();
            case HUGE_STRING -> t == ShapeType.STRING && s.max() != null && s.max().intValue() < LARGEST_STRING;
            case NUMBER_BEYOND_LONG -> t == ShapeType.INTEGER || t == ShapeType.LONG || t == ShapeType.TIMESTAMP;
            case LONE_SURROGATE -> t == ShapeType.STRING && !surrogateBreakers(site).isEmpty();
            case INVALID_UTF8 -> t == ShapeType.STRING;
            default -> false;
        };
    }

    Hostile make(Mutation m, Site site, SplittableRandom r, int size) {
        Shape s = site.shape();
        return switch (m) {
            case WRONG_JSON_TYPE -> {
                RawJson v = pick(r, wrongTypes(s));
                yield Hostile.of(v, "a " + kind(v) + " where " + s.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " is expected", Expected.of(SERIALIZATION));
            }
            case MISSING_REQUIRED -> r.nextBoolean()
                    ? new Hostile(List.of(), "left out", Expected.of(VALIDATION))
                    : Hostile.of(RawJson.token("null"), "null", Expected.of(VALIDATION));
            case BELOW_MINIMUM -> bound(site, s.min(), -1);
            case ABOVE_MAXIMUM -> bound(site, s.max(), +1);
            case PATTERN_MISMATCH -> {
                String v = pick(r, patternBreakers(s));
                yield Hostile.of(RawJson.string(v), "'" + printable(v) + "' against " + s.pattern(), Expected.of(VALIDATION));
            }
            case NOT_IN_ENUM -> {
                String first = s.enumValues().get(0);
                List<String> candidates = new ArrayList<>(List.of("NotAnEnumValue", first.toLowerCase(java.util.Locale.ROOT),
                        first.toUpperCase(java.util.Locale.ROOT), first + " ", " " + first, first + "x", ""));
                candidates.removeIf(s.enumValues()::contains);
                String v = pick(r, candidates);
                yield Hostile.of(RawJson.string(v), "'" + v + "' outside " + s.enumValues(), Expected.of(VALIDATION));
            }
            case DEEP_NESTING -> nesting(r, size);
            case HUGE_STRING -> {
                int over = s.max().intValue() + 1;
                // One in five, at full size, goes past the body limit: a 413 before anything is parsed.
                int length = size >= 50 && r.nextInt(5) == 0
                        ? HostileRequests.MAX_BODY_BYTES + (int) logUniform(r, 1 << 20)
                        : over + (int) logUniform(r, Math.max(0, (long) LARGEST_STRING * size / 100 - over));
                yield Hostile.of(RawJson.string("a".repeat(length)), "a string of " + length + " characters (at most "
                        + s.max().toPlainString() + ")",
                        Expected.of(site.isKey() && length > MAX_NAME_LENGTH ? SERIALIZATION : VALIDATION));
            }
            case HUGE_ARRAY -> hugeArray(site, r, size);
            case NUMBER_BEYOND_LONG -> {
                String token = pick(r, s.type() == ShapeType.INTEGER ? plus(BEYOND_LONG, "2147483648", "-2147483649") : BEYOND_LONG);
                yield Hostile.of(RawJson.token(token), token, Expected.of(SERIALIZATION));
            }
            case NON_JSON_NUMBER -> {
                String token = pick(r, NOT_JSON_NUMBERS);
                yield Hostile.of(RawJson.token(token), "the token " + token, Expected.of(SERIALIZATION));
            }
            case LONE_SURROGATE -> {
                String v = pick(r, surrogateBreakers(site));
                // In a value the reader takes a lone surrogate and the validator refuses it; in a name (a map key)
                // Jackson's reader refuses every lone surrogate itself ("Broken surrogate pair in field name").
                yield Hostile.of(RawJson.string(v), "'" + printable(v) + "'",
                        Expected.of(site.isKey() ? SERIALIZATION : VALIDATION));
            }
            case INVALID_UTF8 -> {
                byte[] bad = pick(r, NOT_UTF8);
                String base = skeletons.valid().textOrEmpty(s, site.memberName()).orElse("a");
                byte[] head = ("\"" + base.substring(0, base.length() / 2)).getBytes(StandardCharsets.UTF_8);
                byte[] tail = (base.substring(base.length() / 2) + "\"").getBytes(StandardCharsets.UTF_8);
                byte[] raw = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, raw, 0, head.length);
                System.arraycopy(bad, 0, raw, head.length, bad.length);
                System.arraycopy(tail, 0, raw, head.length + bad.length, tail.length);
                String hex = java.util.HexFormat.ofDelimiter(" ").formatHex(bad);
                yield Hostile.of(new RawJson.Bytes(raw, hex), "the bytes " + hex + " inside '" + base + "'",
                        Expected.of(SERIALIZATION));
            }
            default -> throw new IllegalArgumentException(m + " is not a value mutation");
        };
    }

    /** One past a bound: a length, a list's or map's size, or a number. */
    private Hostile bound(Site site, BigDecimal limit, int direction) {
        Shape s = site.shape();
        int n = limit.intValue() + direction;
        String detail = (direction < 0 ? "below the minimum " : "above the maximum ") + limit.toPlainString() + ": ";
        return switch (s.type()) {
            case STRING -> Hostile.of(RawJson.string("a".repeat(n)), detail + "a string of " + n, Expected.of(VALIDATION));
            case LIST -> Hostile.of(new RawJson.Repeated(skeletons.valid().of(skeletons.contract().shape(s.member()),
                    site.memberName()), n), detail + n + " elements", Expected.of(VALIDATION));
            case MAP -> {
                List<Map.Entry<String, RawJson>> entries = new ArrayList<>();
                for (String key : distinctKeys(s, n)) {
                    entries.add(Map.entry(key, skeletons.valid().of(skeletons.contract().shape(s.value()), "")));
                }
                yield Hostile.of(RawJson.object(entries), detail + n + " entries", Expected.of(VALIDATION));
            }
            default -> {
                BigDecimal v = limit.add(BigDecimal.valueOf(direction));
                boolean outOfType = s.type() == ShapeType.INTEGER && v.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                        || s.type() == ShapeType.LONG && v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
                yield Hostile.of(RawJson.token(v.toPlainString()), detail + v.toPlainString(),
                        Expected.of(outOfType ? SERIALIZATION : VALIDATION));
            }
        };
    }

    private static Hostile nesting(SplittableRandom r, int size) {
        int depth = NESTING[r.nextInt(NESTING.length)];
        if (depth > 1001) {
            depth = 1001 + (depth - 1001) * size / 100;
        }
        // Objects only past the parser's depth limit: a shallower {"a":{...}} in a structure is an unknown member,
        // which the service ignores, so it would not be invalid.
        boolean objects = depth >= 1001 && r.nextBoolean();
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        byte[] raw = (open.repeat(depth) + (objects ? "1" : "") + close.repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        String what = depth + " nested " + (objects ? "objects" : "arrays");
        return Hostile.of(new RawJson.Bytes(raw, what), what, Expected.of(SERIALIZATION));
    }

    private Hostile hugeArray(Site site, SplittableRandom r, int size) {
        Shape s = site.shape();
        boolean boundedList = s.type() == ShapeType.LIST && s.max() != null;
        RawJson item = boundedList ? skeletons.valid().of(skeletons.contract().shape(s.member()), site.memberName())
                : s.type() == ShapeType.LIST ? pick(r, wrongTypes(skeletons.contract().shape(s.member())))
                : pick(r, List.of(RawJson.object(List.of()), RawJson.token("1"), RawJson.string("a")));
        int floor = boundedList ? s.max().intValue() + 1 : 1;
        int itemBytes = item.bytes().length + 1;
        long cap = Math.min(250_000L * size / 100, 8_000_000L / itemBytes);
        int count = floor + (int) logUniform(r, Math.max(0, cap - floor));
        return Hostile.of(new RawJson.Repeated(item, count), count + " elements of " + kind(item)
                + (boundedList ? " (at most " + s.max().toPlainString() + ")" : ""),
                Expected.of(boundedList ? VALIDATION : SERIALIZATION));
    }

    /** JSON values of every kind the shape's type does not take. */
    static List<RawJson> wrongTypes(Shape s) {
        RawJson text = RawJson.string("not-a-" + s.type().name().toLowerCase(java.util.Locale.ROOT));
        RawJson number = RawJson.token("1");
        RawJson fraction = RawJson.token("-3.5");
        RawJson bool = RawJson.token("true");
        RawJson object = RawJson.object(List.of(Map.entry("a", RawJson.string("b"))));
        RawJson empty = RawJson.object(List.of());
        RawJson array = new RawJson.Arr(List.of(RawJson.string("a")));
        RawJson none = new RawJson.Arr(List.of());
        return switch (s.type()) {
            case STRING, BLOB -> List.of(number, fraction, bool, object, empty, array, none);
            case INTEGER, LONG, FLOAT, DOUBLE, TIMESTAMP -> List.of(text, bool, object, empty, array, none);
            case BOOLEAN -> List.of(text, object, empty, array, none);
            case STRUCTURE, MAP -> List.of(text, number, bool, array, none);
            case LIST -> List.of(text, number, bool, object, empty);
        };
    }

    private static List<String> patternBreakers(Shape s) {
        if (s.type() != ShapeType.STRING || s.pattern() == null) {
            return List.of();
        }
        return PATTERN_BREAKERS.stream().filter(v -> {
            int length = v.codePointCount(0, v.length());
            return (s.min() == null || length >= s.min().intValue()) && (s.max() == null || length <= s.max().intValue())
                    && !s.pattern().matcher(v).matches();
        }).toList();
    }

    /** Strings with a lone surrogate that the shape refuses (one its pattern allows would be valid). */
    private List<String> surrogateBreakers(Site site) {
        String base = skeletons.valid().textOrEmpty(site.shape(), site.memberName()).orElse("a");
        return List.of("\ud800", base + "\ud800", "\udc00" + base, base.charAt(0) + "\udfff" + base.substring(1))
                .stream().filter(v -> !ValidValues.fits(site.shape(), v)).toList();
    }

    /** {@code n} keys that each fit the map's key shape, or null when the suite knows none. */
    private List<String> distinctKeys(Shape map, int n) {
        Shape key = skeletons.contract().shape(map.key());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k = "k" + i;
            if (!ValidValues.fits(key, k)) {
                return null;
            }
            keys.add(k);
        }
        return keys;
    }

    private static boolean isNumber(ShapeType t) {
        return t == ShapeType.INTEGER || t == ShapeType.LONG || t == ShapeType.FLOAT || t == ShapeType.DOUBLE;
    }

    /** Between 0 and {@code max}, as likely in [1, 10) as in [1000, 10000): mostly small, now and then huge. */
    static long logUniform(SplittableRandom r, long max) {
        if (max <= 0) {
            return 0;
        }
        return Math.min(max, (long) Math.floor(Math.pow(max + 1.0, r.nextDouble())) - 1);
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static List<String> plus(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    static String kind(RawJson v) {
        if (v instanceof RawJson.Obj) {
            return "object";
        }
        if (v instanceof RawJson.Arr || v instanceof RawJson.Repeated) {
            return "array";
        }
        if (v instanceof RawJson.Str) {
            return "string";
        }
        if (v instanceof RawJson.Token t) {
            return t.text().equals("true") || t.text().equals("false") ? "boolean" : "number " + t.text();
        }
        return ((RawJson.Bytes) v).description();
    }

    static String printable(String v) {
        StringBuilder out = new StringBuilder();
        v.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
