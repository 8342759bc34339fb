package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;

/**
 * One kind of user of plans' reserved capacity (HyperPod instance groups, training jobs, ...). Plans ask every
 * registered kind and add up what they say: that sum is InUseInstanceCount, and what is left AvailableInstanceCount,
 * of plans, reserved capacities and UltraServers.
 */
public interface ReservedCapacityConsumer {

    /** Instances this kind has claimed of the plan at {@code now}, in a block or not: what room checks count. */
    int claimed(Sql sql, String account, String region, String planArn, long now) throws SQLException;

    /** Instances this kind uses of one reserved capacity of the plan at {@code now}. */
    int inUse(Sql sql, String account, String region, String planArn, ReservedBlock block, long now) throws SQLException;
}
