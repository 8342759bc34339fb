package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.Optional;

/** Finds a plan of the caller's account and region for a consumer, inside the consumer's transaction. */
public interface ReservedPlans {

    /** The plan with what every consumer claims of it. */
    Optional<ReservedPlan> find(Sql sql, String account, String region, String planArn, long now) throws SQLException;

    /**
     * The plan's blocks and size without asking the consumers (claimed 0): what a consumer that computes its own use
     * from the blocks reads, so that computing use never asks for use.
     */
    Optional<ReservedPlan> reservation(Sql sql, String account, String region, String planArn, long now)
            throws SQLException;
}
