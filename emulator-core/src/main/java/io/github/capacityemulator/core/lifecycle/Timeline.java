package io.github.capacityemulator.core.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Status as a function of stored transitions and the clock: at any instant a resource shows the transition in
 * progress, and otherwise its resting status. No thread ever moves it: reading at a later clock is enough.
 */
public record Timeline(List<Transition> transitions) {

    public Timeline {
        transitions = List.copyOf(transitions);
    }

    /** The status of the transition in progress at {@code now}, if any (the earliest-stored wins). */
    public Optional<String> inProgress(long now) {
        return transitions.stream().filter(t -> t.inProgressAt(now)).map(Transition::status).findFirst();
    }

    /** The transition in progress at {@code now}, else {@code resting}. */
    public String statusAt(long now, String resting) {
        return inProgress(now).orElse(resting);
    }

    /** Whether a transition of this status has finished by {@code now}. */
    public boolean finished(String status, long now) {
        return transitions.stream().anyMatch(t -> t.status().equals(status) && t.finishedBy(now));
    }

    /** When the last transition ends (or {@code orElse} when there is none). */
    public long lastEnd(long orElse) {
        OptionalLong end = transitions.stream().mapToLong(Transition::end).max();
        return end.orElse(orElse);
    }
}
