package io.github.capacityemulator.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect (issue 10): a restart on a data directory took the clock back to real time, behind the facts stored, so
 * statuses already seen changed. The clock is stored with the state and resumed: its position, frozen or not, and
 * its rate.
 */
class StoredClockTest {

    @Test
    void aFrozenClockResumesWhereItWasFrozen(@TempDir Path dir) {
        Instant later = Instant.now().plus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Emulator first = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            first.admin().setClock(later, true);
            first.admin().advanceClock(Duration.ofHours(5));
        }
        try (Emulator restarted = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            assertThat(restarted.now()).isEqualTo(later.plus(Duration.ofHours(5)));
            assertThat(restarted.admin().clock().frozen()).isTrue();
        }
    }

    @Test
    void aRunningClockResumesWithItsOffsetAndRate(@TempDir Path dir) {
        Instant later = Instant.now().plus(Duration.ofDays(400));
        try (Emulator first = Emulator.start(EmulatorSettings.defaults().withDataDir(dir).withClockRate(60))) {
            first.admin().setClock(later, false);
        }
        try (Emulator restarted = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            Instant a = restarted.now();
            assertThat(a).as("ahead of real time by its offset").isAfterOrEqualTo(later);
            assertThat(restarted.admin().clock().frozen()).isFalse();
            // A minute of clock per real second: it has moved on by more than real time since.
            assertThat(a).isBefore(later.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void resetGoesBackToTheStartUpClockAndStaysThereAcrossARestart(@TempDir Path dir) {
        Instant later = Instant.now().plus(Duration.ofDays(400));
        try (Emulator first = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            first.admin().setClock(later, true);
            first.admin().reset();
        }
        try (Emulator restarted = Emulator.start(EmulatorSettings.defaults().withDataDir(dir))) {
            assertThat(restarted.now()).isBefore(later);
        }
    }
}
