package io.github.capacityemulator.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every row of every table of emulated state, sorted, so that two dumps of the same
 * state are equal whatever order the database returns rows in. It is what "this request changed nothing" is checked
 * against. Only the state tables are dumped: the store's own table holds the page-token key, which is a secret.
 *
 * @param tables each state table's rows, in the order the schema modules list the tables
 */
public record StateDump(Map<String, Table> tables) {

    /** One table: its column names and its rows, each value as the database renders it in text (null kept). */
    public record Table(List<String> columns, List<List<String>> rows) {
    }

    public StateDump {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    static StateDump read(Sql sql, List<String> stateTables) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String table : stateTables) {
            tables.put(table, rowsOf(sql, table));
        }
        return new StateDump(tables);
    }

    /** How {@code after} differs from this dump, table by table; empty when the state is the same. */
    public List<String> differences(StateDump after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            Table later = after.tables().get(e.getKey());
            if (later == null) {
                out.add(e.getKey() + ": missing from the later dump");
                continue;
            }
            List<List<String>> gone = minus(e.getValue().rows(), later.rows());
            List<List<String>> added = minus(later.rows(), e.getValue().rows());
            gone.forEach(row -> out.add(e.getKey() + ": row gone " + row));
            added.forEach(row -> out.add(e.getKey() + ": row added " + row));
        }
        after.tables().keySet().stream().filter(t -> !tables.containsKey(t))
                .forEach(t -> out.add(t + ": not in the earlier dump"));
        return out;
    }

    /** The rows of {@code rows} not matched one for one in {@code others}: a row written twice counts twice. */
    private static List<List<String>> minus(List<List<String>> rows, List<List<String>> others) {
        List<List<String>> left = new ArrayList<>(rows);
        for (List<String> row : others) {
            left.remove(row);
        }
        return left;
    }

    /** The number of rows across all tables. */
    public int rowCount() {
        return tables.values().stream().mapToInt(t -> t.rows().size()).sum();
    }

    private static Table rowsOf(Sql sql, String table) throws SQLException {
        // The names come from the schema modules, never from a request.
        try (PreparedStatement ps = sql.connection().prepareStatement("SELECT * FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(Collections.unmodifiableList(row));
            }
            rows.sort(ROW_ORDER);
            return new Table(List.copyOf(columns), Collections.unmodifiableList(rows));
        }
    }

    /** Column by column, a null before any value. */
    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        Comparator<String> values = Comparator.nullsFirst(Comparator.naturalOrder());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
