package io.github.capacityemulator.core.store;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL's forms: TEXT, {@code INSERT ... ON CONFLICT ... DO UPDATE}, no index hints (its planner needs none). */
public final class PostgresDialect implements SqlDialect {

    @Override
    public String longText() {
        return "TEXT";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> columns) {
        String updates = columns.stream().filter(c -> !keyColumns.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT ("
                + String.join(", ", keyColumns) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    @Override
    public String indexHint(String index) {
        return "";
    }
}
