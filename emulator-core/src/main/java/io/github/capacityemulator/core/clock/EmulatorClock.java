package io.github.capacityemulator.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's notion of now: real time plus an offset, or a frozen instant. Statuses are computed
 * from it, so moving it forward is how tests make days pass instantly. It never moves backwards
 * (except through {@link #reset()}, which restores the start-up mode at the current real time).
 */
public final class EmulatorClock {

    private final Clock system;
    private final boolean startFrozen;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public EmulatorClock(Clock system, boolean startFrozen) {
        this.system = system;
        this.startFrozen = startFrozen;
        reset();
    }

    /** Millisecond precision: what the wire carries (epoch seconds with a millisecond fraction). */
    public synchronized Instant now() {
        return (frozenAt != null ? frozenAt : system.instant().plus(offset)).truncatedTo(ChronoUnit.MILLIS);
    }

    public synchronized ClockState state() {
        return new ClockState(now(), frozenAt != null);
    }

    /** Moves the clock forward; a negative duration is refused. */
    public synchronized ClockState advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock cannot move backwards: seconds must be >= 0");
        }
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
        return state();
    }

    /** Sets the clock to {@code to} (not earlier than now) and freezes or releases it. */
    public synchronized ClockState set(Instant to, boolean frozen) {
        Instant current = now();
        if (to.isBefore(current)) {
            throw new IllegalArgumentException("the clock cannot move backwards: " + to + " is before " + current);
        }
        if (frozen) {
            frozenAt = to;
        } else {
            frozenAt = null;
            offset = Duration.between(system.instant(), to);
        }
        return state();
    }

    /** Back to how the process started: no offset, frozen (at the real time now) if it started frozen. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = startFrozen ? system.instant() : null;
    }
}
