package io.github.capacityemulator.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.POJONode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The most recent requests, oldest dropped first, so tests can assert what their code called. Bodies are kept as
 * JSON bytes, not parsed trees (a tree of many small nodes can weigh 25 times its text), and all of them within
 * {@link #BODY_BYTES_BUDGET}: the journal's memory is bounded whatever the bodies are.
 */
public final class RequestJournal {

    /** The bytes of bodies the journal keeps at most; the oldest requests go first to stay within it. */
    public static final long BODY_BYTES_BUDGET = 16L * 1024 * 1024;
    /** The longest operation name kept; the longest SageMaker operation name has 42 characters. */
    static final int OPERATION_LENGTH = 64;

    /** Reads numbers as the edge does, exactly: 1e400 read back as a double would be Infinity. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private record Entry(RecordedRequest request, byte[] body) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bodyBytes;

    public RequestJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the journal size must be >= 0");
        }
        this.capacity = capacity;
    }

    public void record(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        byte[] body = bytesOf(request.input()); // outside the lock: writing a large body takes a while
        Entry entry = new Entry(withInput(bounded(request), null), body);
        synchronized (this) {
            entries.addLast(entry);
            bodyBytes += length(body);
            while (entries.size() > capacity || bodyBytes > BODY_BYTES_BUDGET) {
                bodyBytes -= length(entries.removeFirst().body());
            }
        }
    }

    /** Oldest first; only those of {@code operation} when it is not null. */
    public List<RecordedRequest> list(String operation) {
        return list(operation, RequestJournal::treeOf);
    }

    /** The same, each body a raw JSON value that writes out its kept bytes (to answer over HTTP without parsing). */
    public List<RecordedRequest> listToWrite(String operation) {
        return list(operation, body -> body == null ? null : new POJONode(new KeptJson(body)));
    }

    private List<RecordedRequest> list(String operation, Function<byte[], JsonNode> input) {
        List<Entry> kept;
        synchronized (this) {
            kept = new ArrayList<>(entries);
        }
        List<RecordedRequest> out = new ArrayList<>();
        for (Entry e : kept) {
            if (operation == null || operation.equals(e.request().operation())) {
                out.add(withInput(e.request(), input.apply(e.body())));
            }
        }
        return out;
    }

    public synchronized void clear() {
        entries.clear();
        bodyBytes = 0;
    }

    /** The bytes of bodies kept now. */
    public synchronized long retainedBodyBytes() {
        return bodyBytes;
    }

    /**
     * An operation name kept at most {@link #OPERATION_LENGTH} characters: a target is whatever the client sent (up to
     * the 8 KiB of a header), and 100,000 entries of that would hold most of a gigabyte.
     */
    private static RecordedRequest bounded(RecordedRequest r) {
        String op = r.operation();
        if (op == null || op.length() <= OPERATION_LENGTH) {
            return r;
        }
        return new RecordedRequest(r.time(), op.substring(0, OPERATION_LENGTH) + "...", r.account(), r.region(), r.status(),
                r.errorCode(), r.latencyMillis(), r.requestId(), r.input());
    }

    private static RecordedRequest withInput(RecordedRequest r, JsonNode input) {
        return new RecordedRequest(r.time(), r.operation(), r.account(), r.region(), r.status(), r.errorCode(),
                r.latencyMillis(), r.requestId(), input);
    }

    private static int length(byte[] body) {
        return body == null ? 0 : body.length;
    }

    private static byte[] bytesOf(JsonNode input) {
        try {
            return input == null ? null : JSON.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            return null; // a tree Jackson built writes back: not reached
        }
    }

    private static JsonNode treeOf(byte[] body) {
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
