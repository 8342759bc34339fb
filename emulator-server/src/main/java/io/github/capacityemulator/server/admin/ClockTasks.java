package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.admin.AdminRequestException;
import io.github.capacityemulator.core.admin.EmulatorAdmin;
import io.github.capacityemulator.core.clock.ClockState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The clock routes: read, advance, set. */
final class ClockTasks {

    private ClockTasks() {
    }

    static JsonNode read(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        return AdminJson.clock(admin.clock());
    }

    /** {@code {"seconds": N}}, N a non-negative number (fractions allowed, to the millisecond). */
    static JsonNode advance(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        JsonNode seconds = body.get("seconds");
        if (seconds == null || !seconds.isNumber()) {
            throw new AdminRequestException("seconds must be a number of seconds >= 0, e.g. {\"seconds\": 86400}");
        }
        BigDecimal millis = seconds.decimalValue().movePointRight(3);
        if (millis.signum() < 0) {
            throw new AdminRequestException("the clock cannot move backwards: seconds must be >= 0");
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new AdminRequestException("seconds is too large");
        }
        return AdminJson.clock(admin.advanceClock(Duration.ofMillis(millis.longValue())));
    }

    /** {@code {"now": ISO, "frozen": bool}}; each field defaults to the clock's current value. */
    static JsonNode set(EmulatorAdmin admin, AdminRequest request) {
        JsonNode body = request.body();
        ClockState current = admin.clock();
        Instant now = body.has("now") ? AdminJson.instant(body, "now") : null;
        boolean frozen = body.has("frozen") ? AdminJson.bool(body, "frozen") : current.frozen();
        return AdminJson.clock(admin.setClock(now, frozen));
    }
}
