package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.capacity.CapacityPools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Upfront fees: price per instance-hour times instances times the block's hours, to the cent. */
final class Fees {

    private Fees() {
    }

    static BigDecimal fee(String instanceType, int instances, Duration duration) {
        BigDecimal hours = BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        return CapacityPools.pricePerInstanceHour(instanceType).multiply(BigDecimal.valueOf(instances)).multiply(hours)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
