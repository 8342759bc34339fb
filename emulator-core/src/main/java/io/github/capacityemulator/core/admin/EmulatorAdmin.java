package io.github.capacityemulator.core.admin;

import io.github.capacityemulator.core.clock.ClockState;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's control surface. The admin HTTP routes and the JUnit extension both delegate to
 * this one interface, so a control exists in both or in neither.
 */
public interface EmulatorAdmin {

    Health health();

    ClockState clock();

    /** Moves the clock forward; {@link AdminRequestException} for a negative duration. */
    ClockState advanceClock(Duration by);

    /** Sets the clock; {@link AdminRequestException} when {@code now} is before the current time. */
    ClockState setClock(Instant now, boolean frozen);

    /** Wipes all state of all accounts and regions and every mutable setting back to start-up. */
    void reset();
}
