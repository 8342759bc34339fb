package io.github.capacityemulator.server;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.capacity.CapacityInventory;
import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.plans.PlanSettings;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {"frozen": true} freezes a running clock where it is. Regression: the route read the clock, then set it to what
 * it had read; real time moving in between (here: every read of the real clock moves it 1 ms) made that instant
 * "backwards", a 400 about half the time.
 */
class ClockFreezeTest {

    /** Real time that moves 1 ms at every read. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }

    @Test
    void freezingARunningClockAlwaysSucceedsAndKeepsItsTime() {
        EmulatorSettings settings = new EmulatorSettings(null, false, true, new TickingClock(), CapacityInventory.defaults(),
                PlanSettings.defaults(), ClusterSettings.defaults(), 1.0, EmulatorSettings.DEFAULT_JOURNAL_SIZE,
                io.github.capacityemulator.core.jobs.TrainingJobSettings.defaults());
        try (Emulator emulator = Emulator.start(settings);
             EmulatorServer server = EmulatorServer.start(emulator, "127.0.0.1", 0)) {
            Instant before = emulator.now();
            String frozenAt = RestAssured.given().baseUri(server.endpoint().toString()).contentType("application/json")
                    .body("{\"frozen\": true}").put("/_emulator/clock")
                    .then().statusCode(200).body("frozen", equalTo(true)).extract().path("now");
            assertThat(Instant.parse(frozenAt)).isAfterOrEqualTo(before);
            assertThat(emulator.now()).isEqualTo(Instant.parse(frozenAt));
            RestAssured.given().baseUri(server.endpoint().toString()).contentType("application/json")
                    .body("{\"frozen\": false}").put("/_emulator/clock").then().statusCode(200).body("frozen", equalTo(false));
        }
    }
}
