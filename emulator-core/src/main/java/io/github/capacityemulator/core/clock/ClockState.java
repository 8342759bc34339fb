package io.github.capacityemulator.core.clock;

import java.time.Instant;

/** What the emulator clock reads now, and whether it is frozen. */
public record ClockState(Instant now, boolean frozen) {
}
