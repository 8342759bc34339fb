package io.github.capacityemulator.core.clusters;

import io.github.capacityemulator.core.store.Keyset;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.Row;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.SqlDialect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for cluster nodes, one row per instance. Pages are keysets on indexed columns, so a page costs O(page). */
final class NodeRepository {

    private static final String COLUMNS = "instance_id, cluster_arn, group_name, logical_id, instance_type, block_arn, zone,"
            + " launch_at, pending_until, failed_at, shutdown_at, removed_at, ends_with_block, replaced_by";
    private static final String VISIBLE = " launch_at <= ? AND (removed_at IS NULL OR removed_at > ?)";

    static Migration migration(int version) {
        return new Migration(version, List.of(
                "CREATE TABLE cluster_node (instance_id VARCHAR(32) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                        + " region VARCHAR(64) NOT NULL, cluster_arn VARCHAR(256) NOT NULL, group_name VARCHAR(63) NOT NULL,"
                        + " logical_id VARCHAR(128) NOT NULL, instance_type VARCHAR(64) NOT NULL, block_arn VARCHAR(2048),"
                        + " zone VARCHAR(32) NOT NULL, launch_at BIGINT NOT NULL, pending_until BIGINT NOT NULL,"
                        + " failed_at BIGINT, shutdown_at BIGINT, removed_at BIGINT,"
                        + " ends_with_block BOOLEAN NOT NULL, replaced_by VARCHAR(32), UNIQUE (cluster_arn, logical_id))",
                "CREATE INDEX cluster_node_launch ON cluster_node (cluster_arn, launch_at, instance_id)",
                "CREATE INDEX cluster_node_group ON cluster_node (cluster_arn, group_name, instance_id)"));
    }

    /** A keyset query's parameters. {@code byName}: group name then id; else launch time then id. */
    record PageQuery(String clusterArn, long now, Long launchedAfter, Long launchedBefore, String groupContains,
                     boolean byName, boolean ascending, List<String> after, int limit) {
    }

    /** The node with this id in any account and region, and its account and region. */
    record Located(String account, String region, NodeRow node) {
    }

    void insert(Sql sql, String account, String region, NodeRow n) throws SQLException {
        sql.update("INSERT INTO cluster_node (account, region, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                account, region, n.instanceId(), n.clusterArn(), n.groupName(), n.logicalId(), n.instanceType(),
                Sql.text(n.blockArn()), n.zone(), n.launchAt(), n.pendingUntil(), Sql.bigint(n.failedAt()),
                Sql.bigint(n.shutdownAt()), Sql.bigint(n.removedAt()), n.endsWithBlock(), Sql.text(n.replacedBy()));
    }

    void update(Sql sql, NodeRow n) throws SQLException {
        sql.update("UPDATE cluster_node SET pending_until = ?, failed_at = ?, shutdown_at = ?, removed_at = ?,"
                        + " ends_with_block = ?, replaced_by = ? WHERE instance_id = ?",
                n.pendingUntil(), Sql.bigint(n.failedAt()), Sql.bigint(n.shutdownAt()), Sql.bigint(n.removedAt()),
                n.endsWithBlock(), Sql.text(n.replacedBy()), n.instanceId());
    }

    Optional<NodeRow> byId(Sql sql, String clusterArn, String instanceId, long now) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND instance_id = ? AND" + VISIBLE,
                r -> row(r, 1), clusterArn, instanceId, now, now);
    }

    Optional<NodeRow> byLogicalId(Sql sql, String clusterArn, String logicalId, long now) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND logical_id = ? AND" + VISIBLE,
                r -> row(r, 1), clusterArn, logicalId, now, now);
    }

    Optional<Located> locate(Sql sql, String instanceId) throws SQLException {
        return sql.one("SELECT account, region, " + COLUMNS + " FROM cluster_node WHERE instance_id = ?",
                r -> new Located(r.string(1), r.string(2), row(r, 3)), instanceId);
    }

    /** Nodes of a group that exist at {@code now}, newest first. */
    List<NodeRow> ofGroup(Sql sql, String clusterArn, String group, long now) throws SQLException {
        return sql.list("SELECT " + COLUMNS + " FROM cluster_node WHERE cluster_arn = ? AND group_name = ? AND" + VISIBLE
                + " ORDER BY launch_at DESC, instance_id DESC", r -> row(r, 1), clusterArn, group, now, now);
    }

    /** Rows ever written for a group in a block: new slots are numbered after them. */
    int everOnBlock(Sql sql, String clusterArn, String group, String blockArn) throws SQLException {
        return (int) sql.number("SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ? AND group_name = ?"
                + " AND block_arn = ?", clusterArn, group, blockArn);
    }

    /** Rows of a group in a block that still end with it: the block's nodes the group has. */
    int aliveOnBlock(Sql sql, String clusterArn, String group, String blockArn) throws SQLException {
        return (int) sql.number("SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ? AND group_name = ?"
                + " AND block_arn = ? AND ends_with_block", clusterArn, group, blockArn);
    }

    /** Nodes that end with their block follow its current end (an extension moves it). */
    void moveBlockEnd(Sql sql, String clusterArn, String blockArn, long end, long removed) throws SQLException {
        sql.update("UPDATE cluster_node SET shutdown_at = ?, removed_at = ? WHERE cluster_arn = ? AND block_arn = ?"
                + " AND ends_with_block", end, removed, clusterArn, blockArn);
    }

    Optional<NodeRow> anyTime(Sql sql, String instanceId) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM cluster_node WHERE instance_id = ?", r -> row(r, 1), instanceId);
    }

    void delete(Sql sql, String instanceId) throws SQLException {
        sql.update("DELETE FROM cluster_node WHERE instance_id = ?", instanceId);
    }

    int countActive(Sql sql, String clusterArn, String group, long now) throws SQLException {
        return (int) sql.number("SELECT COUNT(*) FROM cluster_node WHERE cluster_arn = ? AND group_name = ? AND" + VISIBLE
                + " AND (shutdown_at IS NULL OR shutdown_at > ?)", clusterArn, group, now, now, now);
    }

    void deleteCluster(Sql sql, String clusterArn) throws SQLException {
        sql.update("DELETE FROM cluster_node WHERE cluster_arn = ?", clusterArn);
    }

    /**
     * One keyset page. The index hint, the row-value keyset and an ORDER BY on the whole index prefix let the
     * database read the index in order and stop at the limit: O(page), not O(nodes of the cluster).
     */
    List<NodeRow> page(Sql sql, PageQuery q) throws SQLException {
        String first = q.byName() ? "group_name" : "launch_at";
        SqlDialect dialect = sql.dialect();
        StringBuilder query = new StringBuilder("SELECT " + COLUMNS + " FROM cluster_node"
                + dialect.indexHint(q.byName() ? "cluster_node_group" : "cluster_node_launch")
                + " WHERE cluster_arn = ? AND" + VISIBLE);
        List<Object> args = new ArrayList<>(List.of(q.clusterArn(), q.now(), q.now()));
        if (q.launchedAfter() != null) {
            query.append(" AND launch_at > ?");
            args.add(q.launchedAfter());
        }
        if (q.launchedBefore() != null) {
            query.append(" AND launch_at < ?");
            args.add(q.launchedBefore());
        }
        if (q.groupContains() != null) {
            query.append(" AND group_name LIKE ? ESCAPE '\\'");
            args.add("%" + q.groupContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        List<Object> after = q.after() == null ? null
                : List.of(q.byName() ? q.after().get(0) : (Object) Long.parseLong(q.after().get(0)), q.after().get(1));
        Keyset keyset = new Keyset(List.of("cluster_arn"), List.of(first, "instance_id"), q.ascending(), after);
        query.append(keyset.condition()).append(keyset.orderAndLimit());
        args.addAll(keyset.arguments());
        args.add(q.limit());
        return sql.list(query.toString(), r -> row(r, 1), args.toArray());
    }

    private static NodeRow row(Row r, int from) throws SQLException {
        return new NodeRow(r.string(from), r.string(from + 1), r.string(from + 2), r.string(from + 3),
                r.string(from + 4), r.string(from + 5), r.string(from + 6), r.longValue(from + 7),
                r.longValue(from + 8), r.nullableLong(from + 9), r.nullableLong(from + 10), r.nullableLong(from + 11),
                r.bool(from + 12), r.string(from + 13));
    }
}
