package io.github.capacityemulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.error.AwsServiceException;
import io.github.capacityemulator.core.error.SerializationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** SageMaker's awsJson1.1 wire format: reading request bodies, writing results and error envelopes. */
final class AwsJsonCodec {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    /** How much of a refused body is read and dropped before the 413; past it the connection is closed. */
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;
    private static final Set<String> ACCEPTED_TYPES = Set.of(CONTENT_TYPE, "application/json");

    /** How long a body may take to arrive in all: a client trickling a byte at a time is cut off after it. */
    private final long bodyDeadlineNanos;

    AwsJsonCodec(Duration bodyDeadline) {
        this.bodyDeadlineNanos = bodyDeadline.toNanos();
    }

    private static final ObjectMapper ENVELOPES = new ObjectMapper();

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Refuses content types other than awsJson's (parameters such as charset are fine; absent is fine). */
    void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!ACCEPTED_TYPES.contains(mediaType)) {
            throw new SerializationException("Unsupported Content-Type '" + contentType + "': send the body as "
                    + CONTENT_TYPE + " (or application/json).");
        }
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; more is refused before it is parsed. */
    byte[] readBody(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BODY_BYTES) {
            discardRest(in);
            throw tooLarge();
        }
        byte[] body;
        long started = System.nanoTime();
        try {
            body = readWithin(in, started);
        } catch (IOException e) {
            if (System.nanoTime() - started >= bodyDeadlineNanos) {
                throw timedOut(); // the idle timeout of a client that stopped sending, not a short body
            }
            // Shorter than its Content-Length, a bad or truncated chunk, a client that stopped sending: the client's
            // fault, a 400 (SDKs retry a 5xx).
            throw new SerializationException("The request body could not be read: it ended before its declared length,"
                    + " or its chunked encoding is malformed.");
        }
        if (body.length > MAX_BODY_BYTES) {
            discardRest(in);
            throw tooLarge();
        }
        return body;
    }

    /**
     * Up to {@link #MAX_BODY_BYTES} + 1 bytes, failing once the deadline has passed: Jetty's idle timeout only bounds
     * the silence between two bytes, so without this a client sending one byte every few seconds holds a thread for
     * as long as it likes.
     */
    private byte[] readWithin(InputStream in, long started) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while (out.size() <= MAX_BODY_BYTES
                && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY_BYTES + 1 - out.size()))) >= 0) {
            out.write(buffer, 0, n);
            if (System.nanoTime() - started > bodyDeadlineNanos) {
                throw timedOut();
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DISCARD_LIMIT}: Jetty 12 closes a connection
     * whose request body is left unread, and a client still sending it would see a reset instead of the 413.
     */
    private static void discardRest(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long left = DISCARD_LIMIT;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: the 413 is written (or not) all the same.
        }
    }

    /** The body as a JSON tree; an empty body is {@code {}}. */
    JsonNode parse(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Malformed JSON in the request body: " + e.getOriginalMessage());
        }
    }

    /**
     * The body as text. JSON is UTF-8 (RFC 8259): bytes that are not (a stray byte, an overlong form, an encoded
     * surrogate, a sequence cut short) are refused, as a JSON reader that checks its input refuses them, rather than
     * decoded to U+FFFD and served as a value the client never sent.
     */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new SerializationException(String.format("Malformed JSON in the request body: the body is not UTF-8"
                    + " (byte 0x%02X at offset %d)", body[in.position()] & 0xFF, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    byte[] encodeResult(JsonNode output) {
        return write(withoutNulls(output == null ? mapper.createObjectNode() : output.deepCopy()));
    }

    byte[] encodeError(AwsServiceException error) {
        return errorEnvelope(error.code(), error.getMessage());
    }

    /** awsJson's error body, {@code {"__type": code, "message": message}}: also for what Jetty refuses itself. */
    static byte[] errorEnvelope(String code, String message) {
        ObjectNode envelope = ENVELOPES.createObjectNode();
        envelope.put("__type", code);
        envelope.put("message", message);
        try {
            return ENVELOPES.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** SageMaker omits absent members rather than sending null. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode child = it.next();
                if (child.isNull()) {
                    it.remove();
                } else {
                    withoutNulls(child);
                }
            }
        } else if (node.isArray()) {
            node.forEach(AwsJsonCodec::withoutNulls);
        }
        return node;
    }

    private SerializationException timedOut() {
        return new SerializationException("The request body did not arrive within the request timeout"
                + " (--request-timeout " + bodyDeadlineNanos / 1_000_000_000 + ").");
    }

    private static PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("Request body is larger than the limit of " + MAX_BODY_BYTES + " bytes (5 MiB).");
    }
}
