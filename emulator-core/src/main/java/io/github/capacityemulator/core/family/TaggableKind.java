package io.github.capacityemulator.core.family;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;

/**
 * A kind of resource that tags can name: its family says whether an ARN of the caller's scope is one at
 * {@code now} (a resource whose deletion has finished is not, even before its rows are purged).
 */
@FunctionalInterface
public interface TaggableKind {
    boolean exists(Sql sql, String account, String region, String arn, long now) throws SQLException;
}
