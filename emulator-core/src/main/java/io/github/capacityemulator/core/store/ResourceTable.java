package io.github.capacityemulator.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one table of named resources (training plans, clusters) scoped by account and region.
 * Pages are keysets on (created_at descending, name ascending): a page costs O(page).
 */
public final class ResourceTable {

    private final Store store;
    private final String table;

    public ResourceTable(Store store, String table) {
        if (!SchemaMigrations.STATE_TABLES.contains(table)) {
            throw new IllegalArgumentException("not a resource table: " + table);
        }
        this.store = store;
        this.table = table;
    }

    public Optional<StoredResource> findByName(String account, String region, String name) {
        return findOne("name", account, region, name);
    }

    public Optional<StoredResource> findByArn(String account, String region, String arn) {
        return findOne("arn", account, region, arn);
    }

    /**
     * Up to {@code limit} resources, newest first, after the resource with key
     * ({@code afterCreatedAtMillis}, {@code afterName}) when that is given.
     */
    public List<StoredResource> page(String account, String region, Long afterCreatedAtMillis, String afterName, int limit) {
        String sql = "SELECT name, arn, created_at, body FROM " + table + " WHERE account = ? AND region = ?"
                + (afterCreatedAtMillis == null ? "" : " AND (created_at < ? OR (created_at = ? AND name > ?))")
                + " ORDER BY created_at DESC, name ASC LIMIT ?";
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, account);
                ps.setString(i++, region);
                if (afterCreatedAtMillis != null) {
                    ps.setLong(i++, afterCreatedAtMillis);
                    ps.setLong(i++, afterCreatedAtMillis);
                    ps.setString(i++, afterName);
                }
                ps.setInt(i, limit);
                return rows(ps);
            }
        });
    }

    /** Inserts a resource inside a write transaction of the caller. */
    public void insert(Connection c, String account, String region, StoredResource resource) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (account, region, name, arn, created_at, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, resource.name());
            ps.setString(4, resource.arn());
            ps.setLong(5, resource.createdAtMillis());
            ps.setString(6, resource.body());
            ps.executeUpdate();
        }
    }

    /** All resources of an account and region (tables bounded by quotas only). */
    public List<StoredResource> all(Connection c, String account, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, arn, created_at, body FROM " + table
                + " WHERE account = ? AND region = ? ORDER BY created_at, name")) {
            ps.setString(1, account);
            ps.setString(2, region);
            return rows(ps);
        }
    }

    public Optional<StoredResource> findByName(Connection c, String account, String region, String name)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, arn, created_at, body FROM " + table
                + " WHERE account = ? AND region = ? AND name = ?")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, name);
            return rows(ps).stream().findFirst();
        }
    }

    public Optional<StoredResource> findByArn(Connection c, String account, String region, String arn)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, arn, created_at, body FROM " + table
                + " WHERE account = ? AND region = ? AND arn = ?")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, arn);
            return rows(ps).stream().findFirst();
        }
    }

    public void updateBody(Connection c, String arn, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET body = ? WHERE arn = ?")) {
            ps.setString(1, body);
            ps.setString(2, arn);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String arn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE arn = ?")) {
            ps.setString(1, arn);
            ps.executeUpdate();
        }
    }

    private Optional<StoredResource> findOne(String column, String account, String region, String value) {
        String sql = "SELECT name, arn, created_at, body FROM " + table
                + " WHERE account = ? AND region = ? AND " + column + " = ?";
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, account);
                ps.setString(2, region);
                ps.setString(3, value);
                return rows(ps).stream().findFirst();
            }
        });
    }

    private static List<StoredResource> rows(PreparedStatement ps) throws SQLException {
        List<StoredResource> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredResource(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }
}
