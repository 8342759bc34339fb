package io.github.capacityemulator.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The current row of a result, read by 1-based column with the nullable types the store uses. */
public final class Row {

    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(int column) throws SQLException {
        return rs.getString(column);
    }

    public long longValue(int column) throws SQLException {
        return rs.getLong(column);
    }

    /** A BIGINT column that may be NULL. */
    public Long nullableLong(int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public int intValue(int column) throws SQLException {
        return rs.getInt(column);
    }

    public boolean bool(int column) throws SQLException {
        return rs.getBoolean(column);
    }
}
