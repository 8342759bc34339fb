package io.github.capacityemulator.core.plans;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a training plan is, fixed when it was bought. Its status and counts are computed from these
 * facts and the clock. Times are epoch milliseconds.
 *
 * @param pool               the capacity pool: the instance type, or the UltraServer type
 * @param instancesPerBlock  instances in each block (UltraServers times their size for UltraServer plans)
 */
public record PlanFacts(
        String name,
        String arn,
        String offeringId,
        List<String> targetResources,
        String pool,
        String instanceType,
        int instancesPerBlock,
        String ultraServerType,
        Integer ultraServerCount,
        Integer sparePerUltraServer,
        BigDecimal upfrontFee,
        long createdAt,
        long paymentDueAt,
        boolean paymentFailed) {

    public boolean isUltraServer() {
        return ultraServerType != null;
    }

    /** Units of the pool each block holds: UltraServers or instances. */
    public int unitsPerBlock() {
        return isUltraServer() ? ultraServerCount : instancesPerBlock;
    }
}
