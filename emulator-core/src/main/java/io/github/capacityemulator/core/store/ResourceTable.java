package io.github.capacityemulator.core.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A table of named resources scoped by account and region, each row its name, ARN, creation time and the JSON
 * body of its facts. Its DDL comes from {@link #createTable}, so every such table has the same columns.
 */
public final class ResourceTable<T> {

    private final String table;
    private final Class<T> type;

    public ResourceTable(String table, Class<T> type) {
        this.table = table;
        this.type = type;
    }

    /** The statements creating such a table with a name column of {@code nameLength}. */
    public static List<String> createTable(SqlDialect dialect, String table, int nameLength, int arnLength) {
        return List.of("CREATE TABLE " + table + " (account VARCHAR(12) NOT NULL, region VARCHAR(64) NOT NULL,"
                + " name VARCHAR(" + nameLength + ") NOT NULL, arn VARCHAR(" + arnLength + ") NOT NULL,"
                + " created_at BIGINT NOT NULL, body " + dialect.longText() + " NOT NULL,"
                + " PRIMARY KEY (account, region, name), UNIQUE (arn))");
    }

    public String table() {
        return table;
    }

    public void insert(Sql sql, String account, String region, String name, String arn, long createdAt, T facts)
            throws SQLException {
        sql.update("INSERT INTO " + table + " (account, region, name, arn, created_at, body) VALUES (?, ?, ?, ?, ?, ?)",
                account, region, name, arn, createdAt, JsonBodies.write(facts));
    }

    /** All resources of an account and region, oldest first (tables bounded by quotas only). */
    public List<T> all(Sql sql, String account, String region) throws SQLException {
        return sql.list("SELECT body FROM " + table + " WHERE account = ? AND region = ? ORDER BY created_at, name",
                this::facts, account, region);
    }

    /** The resource named by its name or, when it starts with "arn:", by its ARN. */
    public Optional<T> find(Sql sql, String account, String region, String nameOrArn) throws SQLException {
        String column = nameOrArn.startsWith("arn:") ? "arn" : "name";
        return sql.one("SELECT body FROM " + table + " WHERE account = ? AND region = ? AND " + column + " = ?",
                this::facts, account, region, nameOrArn);
    }

    public boolean existsByArn(Sql sql, String account, String region, String arn) throws SQLException {
        return sql.exists("SELECT 1 FROM " + table + " WHERE account = ? AND region = ? AND arn = ?", account, region, arn);
    }

    public void update(Sql sql, String arn, T facts) throws SQLException {
        sql.update("UPDATE " + table + " SET body = ? WHERE arn = ?", JsonBodies.write(facts), arn);
    }

    public void delete(Sql sql, String arn) throws SQLException {
        sql.update("DELETE FROM " + table + " WHERE arn = ?", arn);
    }

    private T facts(Row row) throws SQLException {
        return JsonBodies.read(row.string(1), type);
    }
}
