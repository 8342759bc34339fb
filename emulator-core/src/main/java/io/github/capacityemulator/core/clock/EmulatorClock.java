package io.github.capacityemulator.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's notion of now: real time plus an offset, or a frozen instant. Statuses are computed
 * from it, so moving it forward is how tests make days pass instantly. With a rate R, clock time runs R
 * times faster than real time (for code that polls with waiters). It never moves backwards (except
 * through {@link #reset()}, which restores the start-up mode at the current real time).
 */
public final class EmulatorClock {

    /** The latest instant the clock can show: SageMaker's timestamps stop at year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Clock system;
    private final boolean startFrozen;
    /** The last instant read: a wall clock stepped back (NTP) must not take the emulator clock with it. */
    private Instant lastRead = Instant.MIN;
    private final double startRate;
    private double rate;
    /** Running: clock = anchorClock + rate x (real - anchorReal). */
    private Instant anchorReal;
    private Instant anchorClock;
    private Instant frozenAt;

    public EmulatorClock(Clock system, boolean startFrozen) {
        this(system, startFrozen, 1.0);
    }

    public EmulatorClock(Clock system, boolean startFrozen, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the clock rate must be a number > 0");
        }
        this.system = system;
        this.startFrozen = startFrozen;
        this.startRate = rate;
        reset();
    }

    /** Millisecond precision: what the wire carries (epoch seconds with a millisecond fraction). */
    public synchronized Instant now() {
        Instant now = current().truncatedTo(ChronoUnit.MILLIS);
        if (now.isBefore(lastRead)) {
            return lastRead;
        }
        lastRead = now;
        return now;
    }

    private Instant current() {
        if (frozenAt != null) {
            return frozenAt;
        }
        long realMillis = Duration.between(anchorReal, system.instant()).toMillis();
        double clockMillis = realMillis * rate;
        long room = Duration.between(anchorClock, LATEST).toMillis();
        return clockMillis >= room ? LATEST : anchorClock.plusMillis(Math.round(clockMillis));
    }

    public synchronized ClockState state() {
        return new ClockState(now(), frozenAt != null);
    }

    /** Moves the clock forward; a negative duration is refused. */
    public synchronized ClockState advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock cannot move backwards: seconds must be >= 0");
        }
        if (by.compareTo(Duration.between(current(), LATEST)) > 0) {
            throw new IllegalArgumentException("the clock cannot go past " + LATEST);
        }
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            anchorClock = current().plus(by);
            anchorReal = system.instant();
        }
        return state();
    }

    /** Sets the clock to {@code to} (not earlier than now) and freezes or releases it. */
    public synchronized ClockState set(Instant requested, boolean frozen) {
        Instant current = now();
        // No instant: the clock's own, read under the same lock (freezing a running clock must not race it).
        Instant to = requested == null ? current : requested;
        if (to.isAfter(LATEST)) {
            throw new IllegalArgumentException("the clock cannot go past " + LATEST);
        }
        if (to.isBefore(current)) {
            throw new IllegalArgumentException("the clock cannot move backwards: " + to + " is before " + current);
        }
        if (frozen) {
            frozenAt = to;
        } else {
            frozenAt = null;
            anchorClock = to;
            anchorReal = system.instant();
        }
        return state();
    }

    /**
     * Where the clock stands, to be stored and {@linkplain #restore restored} after a restart: running, it goes on
     * from its anchor (the time the process was down passes for it too); frozen, it stays.
     */
    public record Anchor(Instant anchorReal, Instant anchorClock, Instant frozenAt, double rate) {
    }

    public synchronized Anchor anchor() {
        return new Anchor(anchorReal, anchorClock, frozenAt, rate);
    }

    /** Takes up a stored anchor; the clock still never shows less than it has shown. */
    public synchronized void restore(Anchor a) {
        if (!(a.rate() > 0) || Double.isInfinite(a.rate())) {
            throw new IllegalArgumentException("the stored clock rate must be a number > 0");
        }
        anchorReal = a.anchorReal();
        anchorClock = a.anchorClock();
        frozenAt = a.frozenAt();
        rate = a.rate();
    }

    /** Back to how the process started: no offset, frozen (at the real time now) if it started frozen. */
    public synchronized void reset() {
        lastRead = Instant.MIN;
        rate = startRate;
        anchorReal = system.instant();
        anchorClock = anchorReal;
        frozenAt = startFrozen ? anchorReal : null;
    }
}
