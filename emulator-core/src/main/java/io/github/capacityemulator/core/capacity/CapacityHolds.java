package io.github.capacityemulator.core.capacity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What takes capacity out of the inventory: bought blocks, extensions and on-demand cluster groups.
 * A hold counts from its start to its end, or until it is released (a failed payment, a deleted group).
 */
public final class CapacityHolds {

    public void insert(Connection c, String id, String region, String zone, String pool, int units, long start, long end,
                       Long releasedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO capacity_hold (id, region, zone, pool, units,"
                + " start_at, end_at, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, region);
            ps.setString(3, zone);
            ps.setString(4, pool);
            ps.setInt(5, units);
            ps.setLong(6, start);
            ps.setLong(7, end);
            if (releasedAt == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, releasedAt);
            }
            ps.executeUpdate();
        }
    }

    /** Holds of a pool in a zone that end after {@code after} and are still held at {@code now}. */
    public List<CapacityHold> of(Connection c, String region, String zone, String pool, long after, long now)
            throws SQLException {
        List<CapacityHold> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT units, start_at, end_at FROM capacity_hold"
                + " WHERE region = ? AND pool = ? AND zone = ? AND end_at > ? AND (released_at IS NULL OR released_at > ?)")) {
            ps.setString(1, region);
            ps.setString(2, pool);
            ps.setString(3, zone);
            ps.setLong(4, after);
            ps.setLong(5, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CapacityHold(zone, pool, rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        }
        return out;
    }

    /** Releases at {@code at} every hold whose id starts with {@code idPrefix} and is still held then. */
    public void release(Connection c, String idPrefix, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE capacity_hold SET released_at = ?"
                + " WHERE id LIKE ? ESCAPE '\\' AND (released_at IS NULL OR released_at > ?)")) {
            ps.setLong(1, at);
            ps.setString(2, idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            ps.setLong(3, at);
            ps.executeUpdate();
        }
    }
}
