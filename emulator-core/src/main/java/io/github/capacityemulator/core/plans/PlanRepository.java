package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.SqlDialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for training plans and everything they own: their quotes, blocks (reserved capacities) and extensions. */
final class PlanRepository {

    /** An offering as stored: its facts, when the quote expires, and when it was bought (null: not yet). */
    record StoredOffering(OfferingFacts facts, long expiresAt, Long boughtAt) {
    }

    static final ResourceTable<PlanFacts> PLANS = new ResourceTable<>("training_plan", PlanFacts.class);

    static List<Migration> migrations(SqlDialect d) {
        List<String> v1 = new java.util.ArrayList<>(ResourceTable.createTable(d, "training_plan", 64, 2048));
        v1.addAll(List.of(
                "CREATE TABLE offering (id VARCHAR(96) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                        + " region VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL, bought_at BIGINT, body " + d.longText()
                        + " NOT NULL)",
                "CREATE TABLE reserved_capacity (arn VARCHAR(2048) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                        + " region VARCHAR(64) NOT NULL, plan_name VARCHAR(64) NOT NULL, position INT NOT NULL,"
                        + " body " + d.longText() + " NOT NULL)",
                "CREATE INDEX reserved_capacity_plan ON reserved_capacity (account, region, plan_name, position)",
                "CREATE TABLE plan_extension (offering_id VARCHAR(96) PRIMARY KEY, account VARCHAR(12) NOT NULL,"
                        + " region VARCHAR(64) NOT NULL, plan_name VARCHAR(64) NOT NULL, extended_at BIGINT NOT NULL,"
                        + " body " + d.longText() + " NOT NULL)",
                "CREATE INDEX plan_extension_plan ON plan_extension (account, region, plan_name, extended_at)"));
        return List.of(new Migration(1, v1));
    }

    static final List<String> STATE_TABLES = List.of("training_plan", "offering", "reserved_capacity", "plan_extension");

    // ---- plans

    void insertPlan(Sql sql, String account, String region, PlanFacts plan) throws SQLException {
        PLANS.insert(sql, account, region, plan.name(), plan.arn(), plan.createdAt(), plan);
    }

    Optional<PlanFacts> planByName(Sql sql, String account, String region, String name) throws SQLException {
        return PLANS.find(sql, account, region, name);
    }

    Optional<PlanFacts> planByArn(Sql sql, String account, String region, String arn) throws SQLException {
        return arn.startsWith("arn:") ? PLANS.find(sql, account, region, arn) : Optional.empty();
    }

    List<PlanFacts> plans(Sql sql, String account, String region) throws SQLException {
        return PLANS.all(sql, account, region);
    }

    // ---- blocks (reserved capacities)

    void insertBlock(Sql sql, String account, String region, BlockFacts block) throws SQLException {
        sql.update("INSERT INTO reserved_capacity (arn, account, region, plan_name, position, body) VALUES (?, ?, ?, ?, ?, ?)",
                block.arn(), account, region, block.planName(), block.position(), JsonBodies.write(block));
    }

    List<BlockFacts> blocks(Sql sql, String account, String region, String planName) throws SQLException {
        return sql.list("SELECT body FROM reserved_capacity WHERE account = ? AND region = ? AND plan_name = ?"
                + " ORDER BY position", r -> JsonBodies.read(r.string(1), BlockFacts.class), account, region, planName);
    }

    Optional<BlockFacts> blockByArn(Sql sql, String account, String region, String arn) throws SQLException {
        return sql.one("SELECT body FROM reserved_capacity WHERE account = ? AND region = ? AND arn = ?",
                r -> JsonBodies.read(r.string(1), BlockFacts.class), account, region, arn);
    }

    boolean blockExists(Sql sql, String account, String region, String arn) throws SQLException {
        return sql.exists("SELECT 1 FROM reserved_capacity WHERE account = ? AND region = ? AND arn = ?",
                account, region, arn);
    }

    // ---- extensions

    void insertExtension(Sql sql, String account, String region, ExtensionFacts extension) throws SQLException {
        sql.update("INSERT INTO plan_extension (offering_id, account, region, plan_name, extended_at, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", extension.offeringId(), account, region, extension.planName(),
                extension.extendedAt(), JsonBodies.write(extension));
    }

    List<ExtensionFacts> extensions(Sql sql, String account, String region, String planName) throws SQLException {
        return sql.list("SELECT body FROM plan_extension WHERE account = ? AND region = ? AND plan_name = ?"
                        + " ORDER BY extended_at, offering_id", r -> JsonBodies.read(r.string(1), ExtensionFacts.class),
                account, region, planName);
    }

    // ---- offerings (quotes)

    void saveOffering(Sql sql, String account, String region, long expiresAt, OfferingFacts offering)
            throws SQLException {
        // The same search at the same clock gives the same id: an upsert of the quote keeps its purchase mark.
        sql.upsert("offering", List.of("id"), List.of("id", "account", "region", "expires_at", "body"),
                offering.id(), account, region, expiresAt, JsonBodies.write(offering));
    }

    Optional<StoredOffering> offering(Sql sql, String account, String region, String id) throws SQLException {
        return sql.one("SELECT body, expires_at, bought_at FROM offering WHERE account = ? AND region = ? AND id = ?",
                r -> new StoredOffering(JsonBodies.read(r.string(1), OfferingFacts.class), r.longValue(2),
                        r.nullableLong(3)), account, region, id);
    }

    void markBought(Sql sql, String id, long now) throws SQLException {
        sql.update("UPDATE offering SET bought_at = ? WHERE id = ?", now, id);
    }
}
