package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.capacity.CapacityHold;
import io.github.capacityemulator.core.capacity.CapacityHolds;
import io.github.capacityemulator.core.store.JsonBodies;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.StoredResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for training plans and everything they own. Every method runs on the caller's connection. */
final class TrainingPlanRecords {

    /** An offering as stored: its facts, when the quote expires, and when it was bought (null: not yet). */
    record StoredOffering(OfferingFacts facts, long expiresAt, Long boughtAt) {
    }

    private final ResourceTable plans;
    private final CapacityHolds holds;

    TrainingPlanRecords(ResourceTable plans, CapacityHolds holds) {
        this.plans = plans;
        this.holds = holds;
    }

    // ---- plans

    void insertPlan(Connection c, String account, String region, PlanFacts plan) throws SQLException {
        plans.insert(c, account, region, new StoredResource(plan.name(), plan.arn(), plan.createdAt(), JsonBodies.write(plan)));
    }

    Optional<PlanFacts> planByName(Connection c, String account, String region, String name) throws SQLException {
        return one(c, "SELECT body FROM training_plan WHERE account = ? AND region = ? AND name = ?",
                PlanFacts.class, account, region, name);
    }

    Optional<PlanFacts> planByArn(Connection c, String account, String region, String arn) throws SQLException {
        return one(c, "SELECT body FROM training_plan WHERE account = ? AND region = ? AND arn = ?",
                PlanFacts.class, account, region, arn);
    }

    List<PlanFacts> plans(Connection c, String account, String region) throws SQLException {
        return many(c, "SELECT body FROM training_plan WHERE account = ? AND region = ?", PlanFacts.class, account, region);
    }

    // ---- blocks (reserved capacities)

    void insertBlock(Connection c, String account, String region, BlockFacts block) throws SQLException {
        update(c, "INSERT INTO reserved_capacity (arn, account, region, plan_name, position, body) VALUES (?, ?, ?, ?, ?, ?)",
                block.arn(), account, region, block.planName(), block.position(), JsonBodies.write(block));
    }

    List<BlockFacts> blocks(Connection c, String account, String region, String planName) throws SQLException {
        return many(c, "SELECT body FROM reserved_capacity WHERE account = ? AND region = ? AND plan_name = ?"
                + " ORDER BY position", BlockFacts.class, account, region, planName);
    }

    Optional<BlockFacts> blockByArn(Connection c, String account, String region, String arn) throws SQLException {
        return one(c, "SELECT body FROM reserved_capacity WHERE account = ? AND region = ? AND arn = ?",
                BlockFacts.class, account, region, arn);
    }

    // ---- extensions

    void insertExtension(Connection c, String account, String region, ExtensionFacts extension) throws SQLException {
        update(c, "INSERT INTO plan_extension (offering_id, account, region, plan_name, extended_at, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", extension.offeringId(), account, region, extension.planName(),
                extension.extendedAt(), JsonBodies.write(extension));
    }

    List<ExtensionFacts> extensions(Connection c, String account, String region, String planName) throws SQLException {
        return many(c, "SELECT body FROM plan_extension WHERE account = ? AND region = ? AND plan_name = ?"
                + " ORDER BY extended_at, offering_id", ExtensionFacts.class, account, region, planName);
    }

    // ---- offerings (quotes)

    void saveOffering(Connection c, String account, String region, long expiresAt, OfferingFacts offering)
            throws SQLException {
        // The same search at the same clock gives the same id: keep its purchase mark.
        update(c, "MERGE INTO offering (id, account, region, expires_at, body) KEY (id) VALUES (?, ?, ?, ?, ?)",
                offering.id(), account, region, expiresAt, JsonBodies.write(offering));
    }

    Optional<StoredOffering> offering(Connection c, String account, String region, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body, expires_at, bought_at FROM offering WHERE account = ? AND region = ? AND id = ?")) {
            bind(ps, account, region, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OfferingFacts facts = JsonBodies.read(rs.getString(1), OfferingFacts.class);
                long expiresAt = rs.getLong(2);
                long bought = rs.getLong(3);
                Long boughtAt = rs.wasNull() ? null : bought;
                return Optional.of(new StoredOffering(facts, expiresAt, boughtAt));
            }
        }
    }

    void markBought(Connection c, String id, long now) throws SQLException {
        update(c, "UPDATE offering SET bought_at = ? WHERE id = ?", now, id);
    }

    // ---- capacity holds

    void insertHold(Connection c, String id, String region, String zone, String pool, int units, long start, long end,
                    Long releasedAt) throws SQLException {
        holds.insert(c, id, region, zone, pool, units, start, end, releasedAt);
    }

    List<CapacityHold> holds(Connection c, String region, String zone, String pool, long after, long now)
            throws SQLException {
        return holds.of(c, region, zone, pool, after, now);
    }

    /** A counter that every purchase in a region moves, so that quotes given after it get new ids. */
    long capacityVersion(Connection c, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM capacity_version WHERE region = ?")) {
            bind(ps, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    void bumpCapacityVersion(Connection c, String region) throws SQLException {
        update(c, "MERGE INTO capacity_version (region, version) KEY (region) VALUES (?, ?)",
                region, capacityVersion(c, region) + 1);
    }

    // ---- plumbing

    private static <T> Optional<T> one(Connection c, String sql, Class<T> type, Object... args) throws SQLException {
        return many(c, sql, type, args).stream().findFirst();
    }

    private static <T> List<T> many(Connection c, String sql, Class<T> type, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JsonBodies.read(rs.getString(1), type));
                }
            }
        }
        return out;
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
