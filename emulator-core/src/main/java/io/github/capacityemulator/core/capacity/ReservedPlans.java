package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.Optional;

/** Finds a plan of the caller's account and region for a consumer, inside the consumer's transaction. */
@FunctionalInterface
public interface ReservedPlans {
    Optional<ReservedPlan> find(Sql sql, String account, String region, String planArn, long now) throws SQLException;
}
