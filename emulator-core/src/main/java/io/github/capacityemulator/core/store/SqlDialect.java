package io.github.capacityemulator.core.store;

import java.util.List;

/**
 * The one seam for SQL that is not the same in every database: everything else the repositories write is
 * standard SQL that H2 and PostgreSQL both run.
 */
public interface SqlDialect {

    /** The column type of long text (stored JSON bodies). */
    String longText();

    /** Inserts a row, or replaces the non-key columns of the row with the same key. */
    String upsert(String table, List<String> keyColumns, List<String> columns);

    /** A hint that makes a keyset query read {@code index} in order, or "" where the planner needs none. */
    String indexHint(String index);
}
