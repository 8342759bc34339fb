package io.github.capacityemulator.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as an ordered list of versions. At start-up every version above the one recorded in
 * {@code schema_version} is applied, so a database file from an older emulator is brought up to date.
 * Never edit a released version: add the next one.
 */
final class SchemaMigrations {

    static final List<List<String>> VERSIONS = List.of(
            // 1: the foundation: settings, and the resources that later versions extend.
            List.of(
                    "CREATE TABLE emulator_meta (name VARCHAR(64) PRIMARY KEY, val VARCHAR(1024) NOT NULL)",
                    "CREATE TABLE training_plan (account VARCHAR(12) NOT NULL, region VARCHAR(64) NOT NULL,"
                            + " name VARCHAR(64) NOT NULL, arn VARCHAR(2048) NOT NULL, created_at BIGINT NOT NULL,"
                            + " body CLOB NOT NULL, PRIMARY KEY (account, region, name))",
                    "CREATE TABLE cluster (account VARCHAR(12) NOT NULL, region VARCHAR(64) NOT NULL,"
                            + " name VARCHAR(63) NOT NULL, arn VARCHAR(256) NOT NULL, created_at BIGINT NOT NULL,"
                            + " body CLOB NOT NULL, PRIMARY KEY (account, region, name), UNIQUE (arn))"),
            // 2: training plans: quotes, bought blocks and what they hold, extensions, tags (tag columns are twice
            //    the model's lengths: the model counts characters, H2 counts UTF-16 units).
            List.of(
                    "CREATE TABLE offering (id VARCHAR(96) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                            + " region VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL, bought_at BIGINT, body CLOB NOT NULL)",
                    "CREATE TABLE reserved_capacity (arn VARCHAR(2048) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                            + " region VARCHAR(64) NOT NULL, plan_name VARCHAR(64) NOT NULL, position INT NOT NULL,"
                            + " body CLOB NOT NULL)",
                    "CREATE INDEX reserved_capacity_plan ON reserved_capacity (account, region, plan_name, position)",
                    "CREATE TABLE capacity_hold (id VARCHAR(512) PRIMARY KEY, region VARCHAR(64) NOT NULL,"
                            + " zone VARCHAR(32) NOT NULL, pool VARCHAR(64) NOT NULL, units INT NOT NULL,"
                            + " start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, released_at BIGINT)",
                    "CREATE INDEX capacity_hold_pool ON capacity_hold (region, pool, end_at)",
                    "CREATE TABLE plan_extension (offering_id VARCHAR(96) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                            + " region VARCHAR(64) NOT NULL, plan_name VARCHAR(64) NOT NULL, extended_at BIGINT NOT NULL,"
                            + " body CLOB NOT NULL)",
                    "CREATE INDEX plan_extension_plan ON plan_extension (account, region, plan_name, extended_at)",
                    "CREATE TABLE resource_tag (account VARCHAR(12) NOT NULL, region VARCHAR(64) NOT NULL,"
                            + " arn VARCHAR(2048) NOT NULL, tag_key VARCHAR(256) NOT NULL, tag_value VARCHAR(512) NOT NULL,"
                            + " PRIMARY KEY (account, region, arn, tag_key))",
                    "CREATE TABLE capacity_version (region VARCHAR(64) PRIMARY KEY, version BIGINT NOT NULL)"),
            // 3: HyperPod nodes, one row per instance, with the times that make up its status.
            List.of(
                    "CREATE TABLE cluster_node (instance_id VARCHAR(32) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                            + " region VARCHAR(64) NOT NULL, cluster_arn VARCHAR(256) NOT NULL, group_name VARCHAR(63) NOT NULL,"
                            + " logical_id VARCHAR(128) NOT NULL, instance_type VARCHAR(64) NOT NULL, block_arn VARCHAR(2048),"
                            + " zone VARCHAR(32) NOT NULL, launch_at BIGINT NOT NULL, pending_until BIGINT NOT NULL,"
                            + " failed_at BIGINT, shutdown_at BIGINT, removed_at BIGINT,"
                            + " ends_with_block BOOLEAN NOT NULL, replaced_by VARCHAR(32), UNIQUE (cluster_arn, logical_id))",
                    "CREATE INDEX cluster_node_launch ON cluster_node (cluster_arn, launch_at, instance_id)",
                    "CREATE INDEX cluster_node_group ON cluster_node (cluster_arn, group_name, instance_id)"));

    /** Tables that hold emulated state; a reset empties them. */
    static final List<String> STATE_TABLES = List.of("cluster", "training_plan", "offering", "reserved_capacity",
            "capacity_hold", "plan_extension", "resource_tag", "capacity_version", "cluster_node");

    private SchemaMigrations() {
    }

    static int apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int current = 0;
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            if (current > VERSIONS.size()) {
                throw new SQLException("the database has schema version " + current
                        + ", newer than this emulator's " + VERSIONS.size());
            }
            for (int v = current + 1; v <= VERSIONS.size(); v++) {
                for (String sql : VERSIONS.get(v - 1)) {
                    st.execute(sql);
                }
                st.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
            }
            return VERSIONS.size();
        }
    }
}
