package io.github.capacityemulator.core.plans;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanStateTest {

    private static final long CREATED = Instant.parse("2030-03-01T06:00:00Z").toEpochMilli();
    private static final long PAID = CREATED + Duration.ofMinutes(2).toMillis();
    private static final BlockFacts FIRST = block(0, "2030-03-02T07:00:00Z", "2030-03-04T11:30:00Z");
    private static final BlockFacts SECOND = block(1, "2030-03-06T12:00:00Z", "2030-03-07T11:30:00Z");

    private static BlockFacts block(int position, String start, String end) {
        return new BlockFacts("arn:rc-" + position, "p", position, "us-east-1a",
                Instant.parse(start).toEpochMilli(), Instant.parse(end).toEpochMilli());
    }

    private static PlanFacts plan(boolean paymentFails) {
        return new PlanFacts("p", "arn:p", "tpo-1", List.of("hyperpod-cluster"), "ml.p5.48xlarge", "ml.p5.48xlarge", 8,
                null, null, null, new BigDecimal("100.00"), CREATED, PAID, paymentFails);
    }

    private static PlanState at(PlanFacts plan, List<ExtensionFacts> extensions, String when) {
        return new PlanState(plan, List.of(FIRST, SECOND), extensions, Instant.parse(when).toEpochMilli());
    }

    @Test
    void walksPendingScheduledActiveScheduledActiveExpired() {
        PlanFacts p = plan(false);
        assertThat(at(p, List.of(), "2030-03-01T06:01:00Z").status()).isEqualTo("Pending");
        assertThat(at(p, List.of(), "2030-03-01T06:01:00Z").statusMessage()).isEqualTo("Payment is being processed.");
        assertThat(at(p, List.of(), "2030-03-01T06:02:00Z").status()).isEqualTo("Scheduled");
        assertThat(at(p, List.of(), "2030-03-01T06:02:00Z").statusMessage())
                .isEqualTo("Payment confirmed, training plan scheduled.");
        PlanState active = at(p, List.of(), "2030-03-02T07:00:00Z");
        assertThat(active.status()).isEqualTo("Active");
        assertThat(active.availableInstances()).isEqualTo(8);
        assertThat(active.blocks()).extracting(PlanState.BlockState::status).containsExactly("Active", "Scheduled");
        PlanState between = at(p, List.of(), "2030-03-05T00:00:00Z");
        assertThat(between.status()).isEqualTo("Scheduled");
        assertThat(between.availableInstances()).isZero();
        assertThat(at(p, List.of(), "2030-03-06T12:00:00Z").status()).isEqualTo("Active");
        assertThat(at(p, List.of(), "2030-03-07T11:30:00Z").status()).isEqualTo("Expired");
        assertThat(at(p, List.of(), "2030-03-07T11:30:00Z").totalMinutes()).isEqualTo((52 * 60 + 30) + (23 * 60 + 30));
    }

    @Test
    void aRefusedPaymentIsFailedForGood() {
        PlanFacts p = plan(true);
        assertThat(at(p, List.of(), "2030-03-01T06:01:59Z").status()).isEqualTo("Pending");
        assertThat(at(p, List.of(), "2030-03-01T06:02:00Z").status()).isEqualTo("Failed");
        assertThat(at(p, List.of(), "2030-03-03T00:00:00Z").status()).isEqualTo("Failed");
        assertThat(at(p, List.of(), "2030-03-03T00:00:00Z").blocks())
                .extracting(PlanState.BlockState::status).containsOnly("Failed");
    }

    @Test
    void anExtensionMovesTheEndUnlessItsPaymentFails() {
        long extStart = SECOND.end();
        long extEnd = extStart + Duration.ofDays(1).toMillis();
        long extendedAt = Instant.parse("2030-03-06T13:00:00Z").toEpochMilli();
        ExtensionFacts paid = new ExtensionFacts("tpeo-1", "p", SECOND.arn(), "us-east-1a", extendedAt, extStart, extEnd,
                24, BigDecimal.TEN, extendedAt + 120_000, false, 1);
        ExtensionFacts refused = new ExtensionFacts("tpeo-2", "p", SECOND.arn(), "us-east-1a", extendedAt, extStart, extEnd,
                24, BigDecimal.TEN, extendedAt + 120_000, true, 2);
        assertThat(at(plan(false), List.of(paid), "2030-03-07T12:00:00Z").status()).isEqualTo("Active");
        assertThat(at(plan(false), List.of(paid), "2030-03-07T12:00:00Z").endTime()).isEqualTo(extEnd);
        // While its payment is pending, a refused extension still holds; afterwards the plan ends as before.
        assertThat(at(plan(false), List.of(refused), "2030-03-06T13:01:00Z").endTime()).isEqualTo(extEnd);
        assertThat(at(plan(false), List.of(refused), "2030-03-07T12:00:00Z").status()).isEqualTo("Expired");
        assertThat(PlanJson.extension(paid, extendedAt).path("Status").asText()).isEqualTo("Pending");
        assertThat(PlanJson.extension(paid, extendedAt + 120_000).path("PaymentStatus").asText()).isEqualTo("Completed");
        assertThat(PlanJson.extension(paid, extStart).path("Status").asText()).isEqualTo("Active");
        assertThat(PlanJson.extension(refused, extendedAt + 120_000).path("Status").asText()).isEqualTo("Failed");
    }

    @Test
    void zoneIdsFollowTheAwsForm() {
        assertThat(PlanJson.zoneId("us-east-1a")).isEqualTo("use1-az1");
        assertThat(PlanJson.zoneId("ap-southeast-2c")).isEqualTo("aps2-az3");
        assertThat(PlanJson.zoneId("local-zone")).isNull();
    }
}
