package io.github.capacityemulator.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one SQL helper every repository uses, bound to a transaction: prepare, bind, map. Nullable values are
 * bound with their SQL type ({@link #bigint}, {@link #text}), as PostgreSQL needs them typed.
 */
public final class Sql {

    /** A NULL of a known SQL type. */
    public record Null(int sqlType) {
    }

    private final Connection connection;
    private final SqlDialect dialect;

    Sql(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The transaction's connection, for the store's own generic reads ({@link StateDump}). */
    Connection connection() {
        return connection;
    }

    /** A nullable BIGINT argument. */
    public static Object bigint(Long value) {
        return value == null ? new Null(Types.BIGINT) : value;
    }

    /** A nullable VARCHAR argument. */
    public static Object text(String value) {
        return value == null ? new Null(Types.VARCHAR) : value;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            Row row = new Row(rs);
            while (rs.next()) {
                out.add(mapper.map(row));
            }
        }
        return out;
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
        }
    }

    /** The first column of the first row as a number (COUNT, SUM, MAX); 0 when there is no row or it is NULL. */
    public long number(String sql, Object... args) throws SQLException {
        return one(sql, r -> r.longValue(1), args).orElse(0L);
    }

    public boolean exists(String sql, Object... args) throws SQLException {
        return one(sql, r -> Boolean.TRUE, args).isPresent();
    }

    /** INSERT, UPDATE or DELETE; answers the rows changed. */
    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** {@link SqlDialect#upsert} of one row; {@code values} in the order of {@code columns}. */
    public void upsert(String table, List<String> keyColumns, List<String> columns, Object... values) throws SQLException {
        update(dialect.upsert(table, keyColumns, columns), values);
    }

    /** A statement without arguments (schema changes). */
    public void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Whether a table exists, whatever case the database keeps names in. */
    public boolean tableExists(String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Null n) {
                    ps.setNull(i + 1, n.sqlType());
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
