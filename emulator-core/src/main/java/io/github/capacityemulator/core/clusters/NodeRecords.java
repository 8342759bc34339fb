package io.github.capacityemulator.core.clusters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for cluster nodes. Pages are keysets on indexed columns, so a page costs O(page). */
final class NodeRecords {

    private static final String COLUMNS = "instance_id, cluster_arn, group_name, logical_id, instance_type, block_arn, zone,"
            + " launch_at, pending_until, failed_at, shutdown_at, removed_at, ends_with_block, replaced_by";
    private static final String VISIBLE = " launch_at <= ? AND (removed_at IS NULL OR removed_at > ?)";

    /** A keyset query's parameters. {@code byName}: group name then id; else launch time then id. */
    record PageQuery(String clusterArn, long now, Long launchedAfter, Long launchedBefore, String groupContains,
                     boolean byName, boolean ascending, List<String> after, int limit) {
    }

    void insert(Connection c, String account, String region, NodeRow n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node (account, region, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, n.instanceId());
            ps.setString(4, n.clusterArn());
            ps.setString(5, n.groupName());
            ps.setString(6, n.logicalId());
            ps.setString(7, n.instanceType());
            ps.setString(8, n.blockArn());
            ps.setString(9, n.zone());
            ps.setLong(10, n.launchAt());
            ps.setLong(11, n.pendingUntil());
            setLong(ps, 12, n.failedAt());
            setLong(ps, 13, n.shutdownAt());
            setLong(ps, 14, n.removedAt());
            ps.setBoolean(15, n.endsWithBlock());
            ps.setString(16, n.replacedBy());
            ps.executeUpdate();
        }
    }

    void update(Connection c, NodeRow n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_node SET pending_until = ?, failed_at = ?,"
                + " shutdown_at = ?, removed_at = ?, ends_with_block = ?, replaced_by = ? WHERE instance_id = ?")) {
            ps.setLong(1, n.pendingUntil());
            setLong(ps, 2, n.failedAt());
            setLong(ps, 3, n.shutdownAt());
            setLong(ps, 4, n.removedAt());
            ps.setBoolean(5, n.endsWithBlock());
            ps.setString(6, n.replacedBy());
            ps.setString(7, n.instanceId());
            ps.executeUpdate();
        }
    }

    Optional<NodeRow> byId(Connection c, String clusterArn, String instanceId, long now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND instance_id = ? AND" + VISIBLE,
                clusterArn, instanceId, now, now).stream().findFirst();
    }

    Optional<NodeRow> byLogicalId(Connection c, String clusterArn, String logicalId, long now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND logical_id = ? AND" + VISIBLE,
                clusterArn, logicalId, now, now).stream().findFirst();
    }

    /** The node with this id in any account and region, and its account and region. */
    Optional<Located> locate(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account, region, " + COLUMNS
                + " FROM cluster_node WHERE instance_id = ?")) {
            ps.setString(1, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Located(rs.getString(1), rs.getString(2), row(rs, 3))) : Optional.empty();
            }
        }
    }

    record Located(String account, String region, NodeRow node) {
    }

    /** Nodes of a group that exist at {@code now}, newest first. */
    List<NodeRow> ofGroup(Connection c, String clusterArn, String group, long now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND group_name = ? AND" + VISIBLE
                + " ORDER BY launch_at DESC, instance_id DESC", clusterArn, group, now, now);
    }

    List<NodeRow> ofCluster(Connection c, String clusterArn, long now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND" + VISIBLE,
                clusterArn, now, now);
    }

    /** Rows ever written for a group in a block: new slots are numbered after them. */
    int everOnBlock(Connection c, String clusterArn, String group, String blockArn) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ? AND group_name = ? AND block_arn = ?",
                clusterArn, group, blockArn);
    }

    /** Rows of a group in a block that still end with it: the block's nodes the group has. */
    int aliveOnBlock(Connection c, String clusterArn, String group, String blockArn) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ? AND group_name = ? AND block_arn = ?"
                + " AND ends_with_block", clusterArn, group, blockArn);
    }

    /** Nodes that end with their block follow its current end (an extension moves it). */
    void moveBlockEnd(Connection c, String clusterArn, String blockArn, long end, long removed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_node SET shutdown_at = ?, removed_at = ?"
                + " WHERE cluster_arn = ? AND block_arn = ? AND ends_with_block")) {
            ps.setLong(1, end);
            ps.setLong(2, removed);
            ps.setString(3, clusterArn);
            ps.setString(4, blockArn);
            ps.executeUpdate();
        }
    }

    Optional<NodeRow> anyTime(Connection c, String instanceId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM cluster_node WHERE instance_id = ?", instanceId).stream().findFirst();
    }

    void delete(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_node WHERE instance_id = ?")) {
            ps.setString(1, instanceId);
            ps.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    int countActive(Connection c, String clusterArn, String group, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ?"
                + " AND group_name = ? AND" + VISIBLE + " AND (shutdown_at IS NULL OR shutdown_at > ?)")) {
            ps.setString(1, clusterArn);
            ps.setString(2, group);
            ps.setLong(3, now);
            ps.setLong(4, now);
            ps.setLong(5, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void deleteCluster(Connection c, String clusterArn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_node WHERE cluster_arn = ?")) {
            ps.setString(1, clusterArn);
            ps.executeUpdate();
        }
    }

    /**
     * One keyset page. The index hint, the row-value keyset and an ORDER BY on the whole index prefix let H2
     * read the index in order and stop at the limit ("index sorted"): O(page), not O(nodes of the cluster).
     */
    List<NodeRow> page(Connection c, PageQuery q) throws SQLException {
        String first = q.byName() ? "group_name" : "launch_at";
        String index = q.byName() ? "cluster_node_group" : "cluster_node_launch";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cluster_node USE INDEX (" + index + ")"
                + " WHERE cluster_arn = ? AND" + VISIBLE);
        List<Object> args = new ArrayList<>(List.of(q.clusterArn(), q.now(), q.now()));
        if (q.launchedAfter() != null) {
            sql.append(" AND launch_at > ?");
            args.add(q.launchedAfter());
        }
        if (q.launchedBefore() != null) {
            sql.append(" AND launch_at < ?");
            args.add(q.launchedBefore());
        }
        if (q.groupContains() != null) {
            sql.append(" AND LOCATE(?, group_name) > 0");
            args.add(q.groupContains());
        }
        if (q.after() != null) {
            sql.append(" AND (").append(first).append(", instance_id) ").append(q.ascending() ? ">" : "<").append(" (?, ?)");
            args.add(q.byName() ? q.after().get(0) : (Object) Long.parseLong(q.after().get(0)));
            args.add(q.after().get(1));
        }
        String dir = q.ascending() ? " ASC" : " DESC";
        sql.append(" ORDER BY cluster_arn").append(dir).append(", ").append(first).append(dir)
                .append(", instance_id").append(dir).append(" LIMIT ?");
        args.add(q.limit());
        return query(c, sql.toString(), args.toArray());
    }

    private static List<NodeRow> query(Connection c, String sql, Object... args) throws SQLException {
        List<NodeRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, 1));
                }
            }
        }
        return out;
    }

    private static NodeRow row(ResultSet rs, int from) throws SQLException {
        return new NodeRow(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
                rs.getString(from + 4), rs.getString(from + 5), rs.getString(from + 6), rs.getLong(from + 7),
                rs.getLong(from + 8), nullableLong(rs, from + 9), nullableLong(rs, from + 10), nullableLong(rs, from + 11),
                rs.getBoolean(from + 12), rs.getString(from + 13));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
