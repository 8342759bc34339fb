package io.github.capacityemulator.core.plans;

import java.sql.Connection;
import java.sql.SQLException;

/** How many instances of a plan the account's live clusters ask for (their groups' target counts). */
@FunctionalInterface
public interface InstanceUsage {
    int targetsOnPlan(Connection c, String account, String region, String planArn, long now) throws SQLException;
}
