package io.github.capacityemulator.core.clock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorClockTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** Real time under the test's control. */
    private final AtomicReference<Instant> real = new AtomicReference<>(T0);
    private final Clock system = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return real.get();
        }
    };

    @Test
    void runningClockFollowsRealTimePlusTheOffset() {
        EmulatorClock clock = new EmulatorClock(system, false);
        clock.advance(Duration.ofDays(1));
        real.set(T0.plusSeconds(5));
        assertThat(clock.state()).isEqualTo(new ClockState(T0.plus(Duration.ofDays(1)).plusSeconds(5), false));
    }

    @Test
    void frozenClockStandsStillUntilMoved() {
        EmulatorClock clock = new EmulatorClock(system, true);
        real.set(T0.plusSeconds(60));
        assertThat(clock.now()).isEqualTo(T0);
        clock.advance(Duration.ofHours(2));
        assertThat(clock.state()).isEqualTo(new ClockState(T0.plus(Duration.ofHours(2)), true));
    }

    @Test
    void setFreezesOrReleasesAtTheGivenInstant() {
        EmulatorClock clock = new EmulatorClock(system, false);
        Instant target = T0.plus(Duration.ofDays(30));
        assertThat(clock.set(target, true)).isEqualTo(new ClockState(target, true));
        real.set(T0.plusSeconds(10));
        assertThat(clock.now()).isEqualTo(target);
        assertThat(clock.set(target, false)).isEqualTo(new ClockState(target, false));
        real.set(T0.plusSeconds(20));
        assertThat(clock.now()).isEqualTo(target.plusSeconds(10));
    }

    @Test
    void neverMovesBackwards() {
        EmulatorClock clock = new EmulatorClock(system, true);
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> clock.set(T0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot move backwards");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void resetRestoresTheStartUpMode() {
        EmulatorClock running = new EmulatorClock(system, false);
        running.set(T0.plus(Duration.ofDays(3)), true);
        running.reset();
        assertThat(running.state()).isEqualTo(new ClockState(T0, false));

        EmulatorClock frozen = new EmulatorClock(system, true);
        frozen.advance(Duration.ofDays(3));
        real.set(T0.plusSeconds(7));
        frozen.reset();
        assertThat(frozen.state()).isEqualTo(new ClockState(T0.plusSeconds(7), true));
    }

    @Test
    void aRateMakesClockTimeRunFaster() {
        EmulatorClock clock = new EmulatorClock(system, false, 60);
        real.set(T0.plusSeconds(10));
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofHours(1));
        real.set(T0.plusSeconds(11));
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofMinutes(71)));
        Instant later = T0.plus(Duration.ofDays(1));
        clock.set(later, false);
        real.set(T0.plusSeconds(12));
        assertThat(clock.now()).isEqualTo(later.plusSeconds(60));
        assertThatThrownBy(() -> new EmulatorClock(system, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPastYear9999AndNeverBackWhenTheWallClockSteps() {
        EmulatorClock clock = new EmulatorClock(system, false);
        assertThatThrownBy(() -> clock.set(Instant.parse("+1000000000-12-31T23:59:59Z"), true))
                .hasMessage("the clock cannot go past 9999-12-31T23:59:59Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(3_000_000))).hasMessage("the clock cannot go past 9999-12-31T23:59:59Z");
        Instant before = clock.now();
        real.set(T0.minusSeconds(30)); // NTP steps the wall clock back
        assertThat(clock.now()).isEqualTo(before);
    }

    @Test
    void readsToTheMillisecond() {
        real.set(Instant.parse("2026-11-22T10:00:00.123456789Z"));
        assertThat(new EmulatorClock(system, false).now()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
    }
}
