package io.github.capacityemulator.server.hostile;

import java.util.List;
import java.util.Map;

/**
 * One request as it goes on the wire, with why it is invalid and the answer it must get. Its text is what a failure
 * prints: enough to replay it with curl or a socket.
 *
 * @param framing how the body is sent: as it is, or shorter than it says, or in broken chunks
 */
record HostileRequest(Mutation mutation, String operation, String detail, String method, String path,
                      List<Map.Entry<String, String>> headers, byte[] body, Framing framing, Expected expected) {

    enum Framing { EXACT, SHORT_BY_100, BAD_CHUNK_SIZE, TRUNCATED_CHUNK }

    private static final int PREVIEW = 700;

    HostileRequest withExpected(Expected e) {
        return new HostileRequest(mutation, operation, detail, method, path, headers, body, framing, e);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(mutation).append(" (").append(mutation.description).append(") on ").append(operation).append(": ")
                .append(detail).append('\n');
        out.append("  ").append(method).append(' ').append(path.length() > 200 ? path.substring(0, 200) + "... ("
                + path.length() + " characters)" : path).append(" HTTP/1.1\n");
        headers.forEach(h -> out.append("  ").append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        out.append("  framing ").append(framing).append(", ").append(body.length).append(" body bytes:\n  ");
        out.append(preview(body, PREVIEW)).append('\n');
        out.append("  must get ").append(expected);
        return out.toString();
    }

    /** The first bytes as text, bytes outside printable ASCII as \xNN, the middle of a long body elided. */
    static String preview(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        int head = bytes.length <= max ? bytes.length : max * 2 / 3;
        appendBytes(out, bytes, 0, head);
        if (head < bytes.length) {
            int tailStart = Math.max(head, bytes.length - max / 3);
            out.append(" ...[").append(tailStart - head).append(" bytes]... ");
            appendBytes(out, bytes, tailStart, bytes.length);
        }
        return out.toString();
    }

    private static void appendBytes(StringBuilder out, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
    }
}
