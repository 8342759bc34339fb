package io.github.capacityemulator.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One table of named resources (training plans, clusters), scoped by account and region. */
public final class ResourceTable {

    private final String table;

    public ResourceTable(Store store, String table) {
        if (!SchemaMigrations.STATE_TABLES.contains(table)) {
            throw new IllegalArgumentException("not a resource table: " + table);
        }
        this.table = table;
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
        return findOne(c, "name", account, region, name);
    }

    public Optional<StoredResource> findByArn(Connection c, String account, String region, String arn)
            throws SQLException {
        return findOne(c, "arn", account, region, arn);
    }

    private Optional<StoredResource> findOne(Connection c, String column, String account, String region, String value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, arn, created_at, body FROM " + table
                + " WHERE account = ? AND region = ? AND " + column + " = ?")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, value);
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
