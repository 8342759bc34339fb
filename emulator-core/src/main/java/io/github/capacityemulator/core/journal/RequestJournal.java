package io.github.capacityemulator.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent requests, oldest dropped first, so tests can assert what their code called. Bodies are kept as
 * JSON bytes, not parsed trees (a tree of many small nodes can weigh 25 times its text), and all of them within
 * {@link #BODY_BYTES_BUDGET}: the journal's memory is bounded whatever the bodies are.
 */
public final class RequestJournal {

    /** The bytes of bodies the journal keeps at most; the oldest requests go first to stay within it. */
    public static final long BODY_BYTES_BUDGET = 16L * 1024 * 1024;

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
        Entry entry = new Entry(withInput(request, null), body);
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
        List<Entry> kept;
        synchronized (this) {
            kept = new ArrayList<>(entries);
        }
        List<RecordedRequest> out = new ArrayList<>();
        for (Entry e : kept) {
            if (operation == null || operation.equals(e.request().operation())) {
                out.add(withInput(e.request(), treeOf(e.body())));
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
