package io.github.capacityemulator.core.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent requests, oldest dropped first, so tests can assert what their code called. */
public final class RequestJournal {

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    public RequestJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the journal size must be >= 0");
        }
        this.capacity = capacity;
    }

    public synchronized void record(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    /** Oldest first; only those of {@code operation} when it is not null. */
    public synchronized List<RecordedRequest> list(String operation) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : entries) {
            if (operation == null || operation.equals(r.operation())) {
                out.add(r);
            }
        }
        return out;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
