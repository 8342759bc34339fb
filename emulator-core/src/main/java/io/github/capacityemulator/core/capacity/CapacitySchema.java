package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.SchemaModule;
import io.github.capacityemulator.core.store.SqlDialect;

import java.util.List;

/** The tables of the shared capacity machinery: holds (by region, since all accounts share a region's capacity). */
public final class CapacitySchema implements SchemaModule {

    @Override
    public String schemaName() {
        return "capacity";
    }

    @Override
    public List<Migration> migrations(SqlDialect dialect) {
        return List.of(new Migration(1, List.of(
                "CREATE TABLE capacity_hold (id VARCHAR(64) PRIMARY KEY, owner_kind VARCHAR(32) NOT NULL,"
                        + " owner_id VARCHAR(2048) NOT NULL, owner_part VARCHAR(256) NOT NULL, region VARCHAR(64) NOT NULL,"
                        + " zone VARCHAR(32) NOT NULL, pool VARCHAR(64) NOT NULL, units INT NOT NULL,"
                        + " start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, released_at BIGINT)",
                "CREATE INDEX capacity_hold_pool ON capacity_hold (region, pool, end_at)",
                "CREATE INDEX capacity_hold_owner ON capacity_hold (owner_kind, owner_id, owner_part)",
                "CREATE TABLE capacity_version (region VARCHAR(64) PRIMARY KEY, version BIGINT NOT NULL)")));
    }

    @Override
    public List<String> stateTables() {
        return List.of("capacity_hold", "capacity_version");
    }
}
