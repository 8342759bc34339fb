package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What takes capacity out of the inventory: bought blocks, extensions and on-demand consumers. A hold counts
 * from its start to its end, or until it is released (a failed payment, a deleted group). A counter per region
 * moves with every purchase, so that quotes given after it get new ids.
 */
public final class CapacityHolds {

    public void insert(Sql sql, HoldOwner owner, String region, String zone, String pool, int units, long start, long end,
                       Long releasedAt) throws SQLException {
        sql.update("INSERT INTO capacity_hold (id, owner_kind, owner_id, owner_part, region, zone, pool, units,"
                        + " start_at, end_at, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), owner.kind(), owner.id(), owner.part(), region, zone, pool, units, start, end,
                Sql.bigint(releasedAt));
    }

    /** Holds of a pool in a zone that end after {@code after} and are still held at {@code now}. */
    public List<CapacityHold> of(Sql sql, String region, String zone, String pool, long after, long now)
            throws SQLException {
        return sql.list("SELECT units, start_at, end_at FROM capacity_hold WHERE region = ? AND pool = ? AND zone = ?"
                        + " AND end_at > ? AND (released_at IS NULL OR released_at > ?)",
                r -> new CapacityHold(zone, pool, r.intValue(1), Instant.ofEpochMilli(r.longValue(2)),
                        Instant.ofEpochMilli(r.longValue(3))), region, pool, zone, after, now);
    }

    /** Releases at {@code at} the owner's holds that are still held then. */
    public void release(Sql sql, HoldOwner owner, long at) throws SQLException {
        sql.update("UPDATE capacity_hold SET released_at = ? WHERE owner_kind = ? AND owner_id = ? AND owner_part = ?"
                + " AND (released_at IS NULL OR released_at > ?)", at, owner.kind(), owner.id(), owner.part(), at);
    }

    /** The region's purchase counter. */
    public long version(Sql sql, String region) throws SQLException {
        return sql.number("SELECT version FROM capacity_version WHERE region = ?", region);
    }

    public void bumpVersion(Sql sql, String region) throws SQLException {
        sql.upsert("capacity_version", List.of("region"), List.of("region", "version"), region, version(sql, region) + 1);
    }
}
