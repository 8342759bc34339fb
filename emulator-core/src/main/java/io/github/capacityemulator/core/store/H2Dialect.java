package io.github.capacityemulator.core.store;

import java.util.Collections;
import java.util.List;

/** H2's forms: CLOB, {@code MERGE ... KEY}, {@code USE INDEX}. */
public final class H2Dialect implements SqlDialect {

    @Override
    public String longText() {
        return "CLOB";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> columns) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    @Override
    public String indexHint(String index) {
        // Without it H2 sorts every row of a cluster before it takes a page (measured: NodePagingBenchmark).
        return " USE INDEX (" + index + ")";
    }
}
