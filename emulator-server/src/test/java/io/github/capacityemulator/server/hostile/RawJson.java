package io.github.capacityemulator.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON text as the suite writes it, byte for byte. A JSON library would refuse to write what hostile requests need:
 * a key twice, a token that is not JSON ({@code NaN}), bytes that are not UTF-8, ten thousand open brackets. Nothing
 * here is normalised on the way to the socket.
 */
sealed interface RawJson {

    void writeTo(ByteArrayOutputStream out);

    default byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    /** An object whose members are written in order; a name may appear twice. */
    record Obj(List<Map.Entry<String, RawJson>> members) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                new Str(members.get(i).getKey()).writeTo(out);
                out.write(':');
                members.get(i).getValue().writeTo(out);
            }
            out.write('}');
        }
    }

    record Arr(List<RawJson> items) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).writeTo(out);
            }
            out.write(']');
        }
    }

    /** {@code count} copies of one item, written without holding {@code count} values. */
    record Repeated(RawJson item, int count) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            byte[] one = item.bytes();
            out.write('[');
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeBytes(one);
            }
            out.write(']');
        }
    }

    /** A string; control characters, quotes, backslashes and lone surrogates are written as escapes. */
    record Str(String value) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            StringBuilder text = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))
                        || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                    text.append(String.format("\\u%04x", (int) c));
                } else {
                    text.append(c);
                }
            }
            out.writeBytes(text.append('"').toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A bare token: a number, {@code true}, {@code null}, or something that only looks like JSON ({@code NaN}). */
    record Token(String text) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Bytes written as they are: invalid UTF-8, or a nesting too deep to build as a tree. */
    record Bytes(byte[] raw, String description) implements RawJson {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(raw);
        }
    }

    static Obj object(List<Map.Entry<String, RawJson>> members) {
        return new Obj(members);
    }

    static RawJson string(String value) {
        return new Str(value);
    }

    static RawJson token(String text) {
        return new Token(text);
    }
}
