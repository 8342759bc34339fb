package io.github.capacityemulator.server;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

class AdminApiTest extends RunningEmulator {

    private static Instant clockNow() {
        return Instant.parse(api().get("/_emulator/clock").then().statusCode(200).extract().path("now"));
    }

    @Test
    void responseChecksAreOnInThisSuite() {
        assertThat(io.github.capacityemulator.core.EmulatorSettings.defaults().checkResponses()).isTrue();
    }

    @Test
    void healthReportsOkAndTheVersion() {
        api().get("/_emulator/health").then().statusCode(200)
                .header("x-amzn-RequestId", matchesPattern(UUID_PATTERN))
                .body("status", equalTo("ok"))
                .body("version", matchesPattern("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void theClockReadsAdvancesAndIsSet() {
        JsonPath clock = api().get("/_emulator/clock").then().statusCode(200).extract().jsonPath();
        assertThat(clock.getBoolean("frozen")).isFalse();
        Instant before = Instant.parse(clock.getString("now"));

        Instant advanced = Instant.parse(api().contentType("application/json").body("{\"seconds\":86400}")
                .post("/_emulator/clock/advance").then().statusCode(200).body("frozen", equalTo(false))
                .extract().path("now"));
        assertThat(advanced).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));

        api().contentType("application/json").body("{\"now\":\"2040-01-01T00:00:00Z\",\"frozen\":true}")
                .put("/_emulator/clock").then().statusCode(200)
                .body("now", equalTo("2040-01-01T00:00:00Z")).body("frozen", equalTo(true));
        api().contentType("application/json").body("{\"seconds\":1.5}")
                .post("/_emulator/clock/advance").then().statusCode(200)
                .body("now", equalTo("2040-01-01T00:00:01.500Z"));
        api().contentType("application/json").body("{\"frozen\":false}")
                .put("/_emulator/clock").then().statusCode(200).body("frozen", equalTo(false));
    }

    @Test
    void badClockRequestsAre400AndChangeNothing() {
        api().contentType("application/json").body("{\"now\":\"2040-01-01T00:00:00Z\",\"frozen\":true}")
                .put("/_emulator/clock").then().statusCode(200);
        String[][] cases = {
                {"POST", "/_emulator/clock/advance", "{\"seconds\":-1}", "the clock cannot move backwards: seconds must be >= 0"},
                {"POST", "/_emulator/clock/advance", "{}", "seconds must be a number of seconds >= 0, e.g. {\"seconds\": 86400}"},
                {"POST", "/_emulator/clock/advance", "{\"seconds\":\"60\"}", "seconds must be a number of seconds >= 0, e.g. {\"seconds\": 86400}"},
                {"POST", "/_emulator/clock/advance", "{\"seconds\":", "the body is not valid JSON: Unexpected end-of-input within/between Object entries"},
                {"POST", "/_emulator/clock/advance", "[60]", "the body must be a JSON object"},
                {"PUT", "/_emulator/clock", "{\"now\":\"2030-01-01T00:00:00Z\"}", "the clock cannot move backwards: 2030-01-01T00:00:00Z is before 2040-01-01T00:00:00Z"},
                {"PUT", "/_emulator/clock", "{\"now\":\"next tuesday\"}", "now must be an ISO-8601 instant such as \"2030-01-01T00:00:00Z\", not \"next tuesday\""},
                {"PUT", "/_emulator/clock", "{\"now\":20400101}", "now must be an ISO-8601 instant such as \"2030-01-01T00:00:00Z\""},
                {"PUT", "/_emulator/clock", "{\"frozen\":\"yes\"}", "frozen must be true or false"},
                {"PUT", "/_emulator/clock", "{\"now\":\"+1000000000-12-31T23:59:59Z\"}", "the clock cannot go past 9999-12-31T23:59:59Z"},
        };
        for (String[] c : cases) {
            api().contentType("application/json").body(c[2]).request(c[0], c[1])
                    .then().statusCode(400).body("error", equalTo(c[3]));
            api().get("/_emulator/clock").then()
                    .body("now", equalTo("2040-01-01T00:00:00Z")).body("frozen", equalTo(true));
        }
    }

    @Test
    void resetPutsTheClockBackToHowTheProcessStarted() {
        api().contentType("application/json").body("{\"seconds\":864000}").post("/_emulator/clock/advance")
                .then().statusCode(200);
        assertThat(clockNow()).isAfter(Instant.now().plus(Duration.ofDays(9)));
        api().post("/_emulator/reset").then().statusCode(200).body("status", equalTo("reset"));
        assertThat(clockNow()).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
        api().get("/_emulator/clock").then().body("frozen", equalTo(false));
    }

    @Test
    void unknownAdminRoutesAre404() {
        api().get("/_emulator/nothing-here").then().statusCode(404)
                .body("error", equalTo("no admin route GET /_emulator/nothing-here"));
        api().delete("/_emulator/clock").then().statusCode(404)
                .body("error", equalTo("no admin route DELETE /_emulator/clock"));
    }
}
