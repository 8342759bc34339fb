package io.github.capacityemulator.core.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies each module's migrations above the version recorded for it in {@code module_schema}, so a database
 * file from an older emulator is brought up to date module by module. A file from a newer emulator, or from
 * the emulator before modules had versions of their own, is refused with a message saying so, and left unchanged.
 */
final class SchemaMigrations {

    /** The store's own table: settings such as the page-token key. */
    static final SchemaModule META = new SchemaModule() {
        @Override
        public String schemaName() {
            return "store";
        }

        @Override
        public List<Migration> migrations(SqlDialect dialect) {
            return List.of(new Migration(1, List.of(
                    "CREATE TABLE emulator_meta (name VARCHAR(64) PRIMARY KEY, val VARCHAR(1024) NOT NULL)")),
                    new Migration(2, List.of("CREATE TABLE acceptance_sequence (val BIGINT NOT NULL)",
                            "INSERT INTO acceptance_sequence (val) VALUES (0)")));
        }

        @Override
        public List<String> stateTables() {
            return List.of();
        }
    };

    private SchemaMigrations() {
    }

    /**
     * Brings every module up to date, after checking them all: H2 commits each CREATE TABLE at once, so a directory
     * that is refused must be refused before the first migration runs, or it would be left half migrated.
     */
    static void apply(Sql sql, List<SchemaModule> modules) throws SQLException {
        if (sql.tableExists("schema_version")) {
            throw new IncompatibleSchemaException("this database was written by emulator 0.1, whose schema has no"
                    + " per-module versions; it cannot be brought up to date and is left unchanged: start with an empty"
                    + " --data-dir");
        }
        sql.execute("CREATE TABLE IF NOT EXISTS module_schema (module VARCHAR(64) PRIMARY KEY, version INT NOT NULL)");
        List<ModuleState> states = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SchemaModule module : modules) {
            if (!names.add(module.schemaName())) {
                throw new IllegalStateException("two schema modules are named " + module.schemaName());
            }
            List<Migration> versions = module.migrations(sql.dialect());
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).version() != i + 1) {
                    throw new IllegalStateException(module.schemaName() + "'s migrations must be numbered 1, 2, ...");
                }
            }
            states.add(new ModuleState(module.schemaName(), versions, (int) sql.number(
                    "SELECT version FROM module_schema WHERE module = ?", module.schemaName())));
        }
        List<String> newer = states.stream().filter(m -> m.recorded() > m.versions().size())
                .map(m -> "its " + m.name() + " schema is version " + m.recorded() + ", this emulator's is "
                        + m.versions().size()).toList();
        if (!newer.isEmpty()) {
            throw new IncompatibleSchemaException("this database was written by a newer emulator (" + String.join("; ", newer)
                    + "); it is left unchanged: open it with that emulator or a later one, or start with an empty"
                    + " --data-dir");
        }
        for (ModuleState m : states) {
            for (Migration migration : m.versions().subList(m.recorded(), m.versions().size())) {
                for (String statement : migration.statements()) {
                    sql.execute(statement);
                }
            }
            sql.upsert("module_schema", List.of("module"), List.of("module", "version"), m.name(), m.versions().size());
        }
    }

    /** A module's migrations and the version the database records for it (0: none yet). */
    private record ModuleState(String name, List<Migration> versions, int recorded) {
    }

    static List<String> stateTables(List<SchemaModule> modules) {
        List<String> tables = new ArrayList<>();
        modules.forEach(m -> tables.addAll(m.stateTables()));
        return List.copyOf(tables);
    }
}
