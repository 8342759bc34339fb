package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the owner of plans and the consumers of their reserved capacity meet without knowing each other: the
 * plans family provides {@link ReservedPlans}, each consuming family registers a {@link ReservedCapacityConsumer}.
 * Every read and check runs inside the caller's transaction, and writes are serialised by the store, so a check
 * and the write it allows cannot interleave with another's.
 */
public final class ReservedCapacity {

    private final List<ReservedCapacityConsumer> consumers = new CopyOnWriteArrayList<>();
    private volatile ReservedPlans plans;

    public void addConsumer(ReservedCapacityConsumer consumer) {
        consumers.add(consumer);
    }

    public void providePlans(ReservedPlans provider) {
        if (plans != null) {
            throw new IllegalStateException("plans are provided already");
        }
        plans = provider;
    }

    public Optional<ReservedPlan> plan(Sql sql, String account, String region, String planArn, long now)
            throws SQLException {
        if (plans == null) {
            throw new IllegalStateException("no family provides training plans");
        }
        return plans.find(sql, account, region, planArn, now);
    }

    /** The plan's blocks and size, without the consumers' use (see {@link ReservedPlans#reservation}). */
    public Optional<ReservedPlan> reservation(Sql sql, String account, String region, String planArn, long now)
            throws SQLException {
        if (plans == null) {
            throw new IllegalStateException("no family provides training plans");
        }
        return plans.reservation(sql, account, region, planArn, now);
    }

    /** Instances all consumers have claimed of a plan. */
    public int claimed(Sql sql, String account, String region, String planArn, long now) throws SQLException {
        int sum = 0;
        for (ReservedCapacityConsumer c : consumers) {
            sum += c.claimed(sql, account, region, planArn, now);
        }
        return sum;
    }

    /** Instances all consumers use of one reserved capacity. */
    public int inUse(Sql sql, String account, String region, String planArn, ReservedBlock block, long now)
            throws SQLException {
        int sum = 0;
        for (ReservedCapacityConsumer c : consumers) {
            sum += c.inUse(sql, account, region, planArn, block, now);
        }
        return sum;
    }
}
