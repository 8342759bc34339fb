package io.github.capacityemulator.core.lifecycle;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;

/**
 * What a resource's stored facts and the clock say must exist by now, written lazily on the first access after
 * it: inside the accessing transaction, idempotently, with {@link StableIds}, so that any read order gives the
 * same rows. Each family that derives rows from time (cluster nodes from plan blocks, ...) implements it for its
 * resource and calls it wherever it loads one.
 */
@FunctionalInterface
public interface DueTransitions<T> {
    void materialise(Sql sql, T subject, long now) throws SQLException;
}
