package io.github.capacityemulator.core.plans;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quote given to the account that searched: what buying it would reserve. Plan offerings carry the
 * blocks; extension offerings carry the plan and block they prolong. Times are epoch millis.
 */
public record OfferingFacts(
        String id,
        boolean extension,
        List<String> targetResources,
        String pool,
        String instanceType,
        int instancesPerBlock,
        String ultraServerType,
        Integer ultraServerCount,
        List<Block> blocks,
        BigDecimal upfrontFee,
        Long requestedStartTimeAfter,
        Long requestedEndTimeBefore,
        String planName,
        String blockArn,
        Integer durationHours) {

    /** A block of the offering. */
    public record Block(String zone, long start, long end) {
    }

    public int unitsPerBlock() {
        return ultraServerType != null ? ultraServerCount : instancesPerBlock;
    }
}
