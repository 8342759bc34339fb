package io.github.capacityemulator.core.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for tags, which any emulated resource can carry, and for finding whether an ARN exists. */
public final class TagRecords {

    /** The tables whose rows have an ARN that tags can name. */
    private static final List<String> TAGGABLE = List.of("training_plan", "reserved_capacity", "cluster");

    public boolean resourceExists(Connection c, String account, String region, String arn) throws SQLException {
        for (String table : TAGGABLE) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE account = ? AND region = ? AND arn = ?")) {
                ps.setString(1, account);
                ps.setString(2, region);
                ps.setString(3, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The resource's tags, ordered by key. */
    public List<Tag> tags(Connection c, String account, String region, String arn) throws SQLException {
        List<Tag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_key, tag_value FROM resource_tag"
                + " WHERE account = ? AND region = ? AND arn = ? ORDER BY tag_key")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, arn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tag(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Sets a key's value, overwriting an existing one. */
    public void put(Connection c, String account, String region, String arn, Tag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO resource_tag (account, region, arn, tag_key, tag_value)"
                + " KEY (account, region, arn, tag_key) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, arn);
            ps.setString(4, tag.key());
            ps.setString(5, tag.value());
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String account, String region, String arn, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM resource_tag WHERE account = ? AND region = ? AND arn = ? AND tag_key = ?")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, arn);
            ps.setString(4, key);
            ps.executeUpdate();
        }
    }
}
