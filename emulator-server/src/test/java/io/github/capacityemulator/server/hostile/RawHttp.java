package io.github.capacityemulator.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a loopback port, one connection per request ({@code Connection: close}), so that
 * nothing on the client side mends what the suite sends: not the method, the path, the framing nor the bytes.
 */
final class RawHttp {

    /** What came back: nothing at all ({@link #closed}), or a status, headers (names in lower case) and a body. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean closed) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return closed ? "the connection closed without an answer"
                    : status + " " + headers + "\n  " + HostileRequest.preview(body, 600);
        }
    }

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Answer send(HostileRequest r) throws IOException {
        return exchange(r.method(), r.path(), r.headers(), r.body(), r.framing());
    }

    /** A plain GET, for the health check. */
    Answer get(String path) throws IOException {
        return exchange("GET", path, List.of(), new byte[0], HostileRequest.Framing.EXACT);
    }

    /** A valid call, for seeding state. */
    Answer call(String operation, String json) throws IOException {
        return exchange("POST", "/", List.of(Map.entry("X-Amz-Target", "SageMaker." + operation),
                Map.entry("Content-Type", "application/x-amz-json-1.1")), json.getBytes(StandardCharsets.UTF_8),
                HostileRequest.Framing.EXACT);
    }

    private Answer exchange(String method, String path, List<Map.Entry<String, String>> headers, byte[] body,
                            HostileRequest.Framing framing) throws IOException {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        byte[] framed = switch (framing) {
            case EXACT -> {
                head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
                yield body;
            }
            case SHORT_BY_100 -> {
                head.append("Content-Length: ").append(body.length + 100).append("\r\n\r\n");
                yield body;
            }
            case BAD_CHUNK_SIZE -> {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                yield concat("ZZ\r\n".getBytes(StandardCharsets.US_ASCII), body, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case TRUNCATED_CHUNK -> {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                yield concat((Integer.toHexString(body.length + 100) + "\r\n").getBytes(StandardCharsets.US_ASCII), body);
            }
        };
        // The request line and headers as bytes 1:1 (HTTP's ISO-8859-1), non-Latin-1 characters as UTF-8.
        byte[] headBytes = latin1OrUtf8(head.toString());
        try (Socket s = new Socket(loopback, port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(headBytes);
                out.write(framed);
                out.flush();
                s.shutdownOutput(); // the end of the body, for framings shorter than they say
            } catch (SocketException refused) {
                // The server answered and closed before taking everything (a refused head): read what it said.
            }
            return read(s.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (SocketException reset) {
            all = new byte[0];
        }
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (all.length == 0 || end < 0) {
            return new Answer(0, Map.of(), all, true);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        } else if (headers.containsKey("content-length")) {
            body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(headers.get("content-length"))));
        }
        return new Answer(status, headers, body, false);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            int size = Integer.parseInt(new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] latin1OrUtf8(String text) {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(text) ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
