package io.github.capacityemulator.core.capacity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulator knows of each kind of capacity: UltraServer types (sold whole, counted in
 * UltraServers) and the price per instance-hour used for fees. Prices are the emulator's own, in the
 * range of public on-demand prices; they exist so that fees are plausible and deterministic.
 */
public final class CapacityPools {

    /** An UltraServer type: how many instances of which type one UltraServer holds. */
    public record UltraServerType(String name, String instanceType, int instancesPerUltraServer) {
    }

    public static final Map<String, UltraServerType> ULTRA_SERVERS = Map.of(
            "ml.u-p6e-gb200x72", new UltraServerType("ml.u-p6e-gb200x72", "ml.p6e-gb200.36xlarge", 18));

    /** USD per instance-hour. */
    public static final Map<String, BigDecimal> PRICE_PER_INSTANCE_HOUR = Map.ofEntries(
            Map.entry("ml.p4d.24xlarge", new BigDecimal("11.80")),
            Map.entry("ml.p4de.24xlarge", new BigDecimal("14.75")),
            Map.entry("ml.p5.4xlarge", new BigDecimal("3.94")),
            Map.entry("ml.p5.48xlarge", new BigDecimal("31.46")),
            Map.entry("ml.p5e.48xlarge", new BigDecimal("34.61")),
            Map.entry("ml.p5en.48xlarge", new BigDecimal("36.18")),
            Map.entry("ml.trn1.32xlarge", new BigDecimal("10.37")),
            Map.entry("ml.trn2.48xlarge", new BigDecimal("27.62")),
            Map.entry("ml.p6-b200.48xlarge", new BigDecimal("46.80")),
            Map.entry("ml.p6-b300.48xlarge", new BigDecimal("62.40")),
            Map.entry("ml.p6e-gb200.36xlarge", new BigDecimal("35.00")));

    private CapacityPools() {
    }

    public static Optional<UltraServerType> ultraServer(String name) {
        return Optional.ofNullable(ULTRA_SERVERS.get(name));
    }

    public static BigDecimal pricePerInstanceHour(String instanceType) {
        BigDecimal price = PRICE_PER_INSTANCE_HOUR.get(instanceType);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + instanceType);
        }
        return price;
    }
}
