package io.github.capacityemulator.core.store;

import java.sql.SQLException;

/** Turns the current row of a result into a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws SQLException;
}
