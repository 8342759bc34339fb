package io.github.capacityemulator.core.store;

import java.sql.SQLException;

/** A unit of work inside one transaction, given the transaction's {@link Sql}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Sql sql) throws SQLException;
}
