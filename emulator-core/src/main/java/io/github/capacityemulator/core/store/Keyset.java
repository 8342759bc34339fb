package io.github.capacityemulator.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyset page over sort columns that end in a unique one: the condition "after this key" as a row-value
 * comparison, and the ORDER BY that walks an index on those columns. Standard SQL (H2 and PostgreSQL).
 *
 * @param prefix  equality columns the index starts with (ordered too, so the planner reads it in order)
 * @param columns the sort columns, the last unique
 * @param after   the last key of the previous page, one value per column, or null for the first page
 */
public record Keyset(List<String> prefix, List<String> columns, boolean ascending, List<Object> after) {

    /** " AND (a, b) > (?, ?)" for a following page, "" for the first. */
    public String condition() {
        if (after == null) {
            return "";
        }
        return " AND (" + String.join(", ", columns) + ") " + (ascending ? ">" : "<") + " ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** The arguments of {@link #condition()}. */
    public List<Object> arguments() {
        return after == null ? List.of() : after;
    }

    /** " ORDER BY p ASC, a ASC, b ASC LIMIT ?" */
    public String orderAndLimit() {
        String dir = ascending ? " ASC" : " DESC";
        List<String> order = new ArrayList<>();
        prefix.forEach(p -> order.add(p + dir));
        columns.forEach(c -> order.add(c + dir));
        return " ORDER BY " + String.join(", ", order) + " LIMIT ?";
    }
}
