package io.github.capacityemulator.core.lifecycle;

/** A stored transition: the status a resource shows from {@code start} until {@code end} (epoch millis). */
public record Transition(String status, long start, long end) {

    public boolean inProgressAt(long now) {
        return start <= now && now < end;
    }

    public boolean finishedBy(long now) {
        return end <= now;
    }
}
