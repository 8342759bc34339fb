package io.github.capacityemulator.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    /** A value stored by the test module. */
    record Widget(String name, Long weight) {
    }

    private static final ResourceTable<Widget> WIDGETS = new ResourceTable<>("widget", Widget.class);
    private static final Widget W1 = new Widget("w1", null);
    private static final String ARN = "arn:aws:sagemaker:us-east-1:000000000000:widget/w1";

    /** A module with {@code versions} migrations: a widget table, then a part table. */
    private static SchemaModule module(int versions) {
        return new SchemaModule() {
            @Override
            public String schemaName() {
                return "widgets";
            }

            @Override
            public List<Migration> migrations(SqlDialect dialect) {
                List<Migration> all = List.of(new Migration(1, ResourceTable.createTable(dialect, "widget", 64, 256)),
                        new Migration(2, List.of("CREATE TABLE part (id VARCHAR(8) PRIMARY KEY, weight BIGINT)")));
                return all.subList(0, versions);
            }

            @Override
            public List<String> stateTables() {
                return versions == 1 ? List.of("widget") : List.of("widget", "part");
            }
        };
    }

    /** A second module with {@code versions} migrations, each a table of its own. */
    private static SchemaModule gadgets(int versions) {
        return new SchemaModule() {
            @Override
            public String schemaName() {
                return "gadgets";
            }

            @Override
            public List<Migration> migrations(SqlDialect dialect) {
                return List.of(new Migration(1, List.of("CREATE TABLE gadget (id VARCHAR(8) PRIMARY KEY)")),
                        new Migration(2, List.of("CREATE TABLE gadget_part (id VARCHAR(8) PRIMARY KEY)")))
                        .subList(0, versions);
            }

            @Override
            public List<String> stateTables() {
                return List.of();
            }
        };
    }

    private static Optional<Widget> find(Store store, String account, String region, String nameOrArn) {
        return store.read(sql -> WIDGETS.find(sql, account, region, nameOrArn));
    }

    private static void insert(Store store, String account, String region) {
        store.write(sql -> {
            WIDGETS.insert(sql, account, region, "w1", ARN, 1_000L, W1);
            return null;
        });
    }

    @Test
    void recordsEachModulesSchemaVersion() {
        try (Store store = Store.inMemory(List.of(module(2)))) {
            assertThat(store.schemaVersions()).isEqualTo(Map.of("store", 2, "widgets", 2));
        }
    }

    @Test
    void aDataDirectoryKeepsStateAcrossRestartsAndGetsANewModuleVersion(@TempDir Path dir) {
        try (Store store = Store.inDirectory(dir, List.of(module(1)))) {
            insert(store, "000000000000", "us-east-1");
        }
        try (Store reopened = Store.inDirectory(dir, List.of(module(2)))) {
            assertThat(reopened.schemaVersions()).containsEntry("widgets", 2);
            assertThat(find(reopened, "000000000000", "us-east-1", "w1")).contains(W1);
            reopened.write(sql -> sql.update("INSERT INTO part (id, weight) VALUES (?, ?)", "p1", Sql.bigint(null)));
        }
    }

    private static String trace(Path dir) {
        try {
            return java.nio.file.Files.readString(dir.resolve("emulator.trace.db"));
        } catch (java.io.IOException e) {
            return "no trace";
        }
    }

    /** Defect (issue 10): every stop left "Database is already closed" stack traces in emulator.trace.db. */
    @Test
    void aStopLeavesNoTraceFile(@TempDir Path dir) {
        try (Store store = Store.inDirectory(dir, List.of(module(1)))) {
            insert(store, "111111111111", "us-east-1");
            // Several connections in the pool, as under load: each must close cleanly.
            for (int i = 0; i < 4; i++) {
                store.read(sql -> sql.list("SELECT 1", r -> r.intValue(1)));
            }
        }
        assertThat(dir.resolve("emulator.trace.db")).as(() -> trace(dir)).doesNotExist();
        try (Store reopened = Store.inDirectory(dir, List.of(module(1)))) {
            assertThat(reopened.schemaVersions()).containsKey("widgets");
        }
        assertThat(dir.resolve("emulator.trace.db")).doesNotExist();
    }

    @Test
    void aDirectoryOfANewerModuleVersionIsRefused(@TempDir Path dir) {
        Store.inDirectory(dir, List.of(module(2))).close();
        assertThatThrownBy(() -> Store.inDirectory(dir, List.of(module(1)))).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessage("this database was written by a newer emulator (its widgets schema is version 2, this"
                        + " emulator's is 1); it is left unchanged: open it with that emulator or a later one, or start"
                        + " with an empty --data-dir");
    }

    /**
     * Defect: modules were migrated one by one, and H2 commits each CREATE TABLE at once, so a directory with one
     * module older and one newer than this emulator had the older one migrated before the newer one was refused.
     * Every version is checked before any migration runs: a refused directory is left as it was.
     */
    @Test
    void aDirectoryWithOneModuleNewerIsRefusedBeforeAnyOtherIsMigrated(@TempDir Path dir) {
        Store.inDirectory(dir, List.of(gadgets(1), module(2))).close();
        assertThatThrownBy(() -> Store.inDirectory(dir, List.of(gadgets(2), module(1))))
                .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("its widgets schema is version 2");
        try (Store asItWas = Store.inDirectory(dir, List.of(gadgets(1), module(2)))) {
            assertThat(asItWas.schemaVersions()).isEqualTo(Map.of("store", 2, "gadgets", 1, "widgets", 2));
            assertThat((boolean) asItWas.read(sql -> sql.tableExists("gadget_part"))).as("gadgets' migration 2 was not run").isFalse();
        }
    }

    @Test
    void aDirectoryOfTheEmulatorBeforeModuleVersionsIsRefusedWithAMessage(@TempDir Path dir) {
        try (Store store = Store.inDirectory(dir, List.of())) {
            store.write(sql -> {
                sql.execute("CREATE TABLE schema_version (version INT NOT NULL)");
                return null;
            });
        }
        assertThatThrownBy(() -> Store.inDirectory(dir, List.of(module(1)))).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("written by emulator 0.1").hasMessageEndingWith("start with an empty --data-dir");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Store store = Store.inMemory(List.of(module(1)))) {
            assertThatThrownBy(() -> store.write(sql -> {
                WIDGETS.insert(sql, "000000000000", "us-east-1", "w1", ARN, 1_000L, W1);
                throw new SQLException("boom after the insert");
            })).isInstanceOf(StoreException.class);
            assertThat(find(store, "000000000000", "us-east-1", "w1")).isEmpty();
        }
    }

    @Test
    void stateIsKeyedByAccountAndRegionAndWipedByReset() {
        try (Store store = Store.inMemory(List.of(module(1)))) {
            insert(store, "111111111111", "eu-west-1");
            assertThat(find(store, "111111111111", "eu-west-1", "w1")).isPresent();
            assertThat(find(store, "111111111111", "us-east-1", "w1")).isEmpty();
            assertThat(find(store, "000000000000", "eu-west-1", "w1")).isEmpty();
            assertThat(find(store, "111111111111", "eu-west-1", ARN)).isPresent();
            store.wipe();
            assertThat(find(store, "111111111111", "eu-west-1", "w1")).isEmpty();
        }
    }

    @Test
    void nullableValuesAndUpsertsRoundTrip() {
        try (Store store = Store.inMemory(List.of(module(2)))) {
            store.write(sql -> {
                sql.upsert("part", List.of("id"), List.of("id", "weight"), "p1", Sql.bigint(7L));
                sql.upsert("part", List.of("id"), List.of("id", "weight"), "p1", Sql.bigint(null));
                sql.upsert("part", List.of("id"), List.of("id", "weight"), "p2", Sql.bigint(9L));
                return null;
            });
            List<String> rows = store.read(sql -> sql.list("SELECT id, weight FROM part ORDER BY id",
                    r -> r.string(1) + "=" + r.nullableLong(2)));
            assertThat(rows).containsExactly("p1=null", "p2=9");
            long count = store.read(sql -> sql.number("SELECT COUNT(*) FROM part"));
            assertThat(count).isEqualTo(2);
        }
    }

    @Test
    void keysetPagesWalkInOrderWithoutRepeats() {
        try (Store store = Store.inMemory(List.of(module(2)))) {
            store.write(sql -> {
                for (int i = 0; i < 7; i++) {
                    sql.update("INSERT INTO part (id, weight) VALUES (?, ?)", "p" + i, (long) (i % 3));
                }
                return null;
            });
            for (boolean ascending : new boolean[] {true, false}) {
                List<String> seen = new java.util.ArrayList<>();
                List<Object> after = null;
                while (true) {
                    Keyset k = new Keyset(List.of(), List.of("weight", "id"), ascending, after);
                    List<Object> args = new java.util.ArrayList<>(k.arguments());
                    args.add(3);
                    List<Object[]> page = store.read(sql -> sql.list("SELECT weight, id FROM part WHERE 1 = 1"
                            + k.condition() + k.orderAndLimit(), r -> new Object[] {r.longValue(1), r.string(2)},
                            args.toArray()));
                    page.forEach(row -> seen.add(row[0] + "/" + row[1]));
                    if (page.size() < 3) {
                        break;
                    }
                    after = List.of(page.get(2)[0], page.get(2)[1]);
                }
                List<String> expected = new java.util.ArrayList<>(List.of("0/p0", "0/p3", "0/p6", "1/p1", "1/p4", "2/p2", "2/p5"));
                if (!ascending) {
                    java.util.Collections.reverse(expected);
                }
                assertThat(seen).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aDumpListsEveryStateTablesRowsInAStableOrderAndSaysWhatChanged() {
        try (Store store = Store.inMemory(List.of(module(2)))) {
            store.write(sql -> {
                sql.update("INSERT INTO part (id, weight) VALUES (?, ?)", "p2", 2L);
                sql.update("INSERT INTO part (id, weight) VALUES (?, ?)", "p1", Sql.bigint(null));
                return null;
            });
            StateDump before = store.dump();
            assertThat(before.tables()).containsOnlyKeys("widget", "part");
            assertThat(before.tables().get("part").columns()).containsExactly("id", "weight");
            assertThat(before.tables().get("part").rows())
                    .containsExactly(java.util.Arrays.asList("p1", null), List.of("p2", "2"));
            assertThat(store.dump()).isEqualTo(before);
            assertThat(before.differences(store.dump())).isEmpty();

            insert(store, "000000000000", "us-east-1");
            store.write(sql -> sql.update("DELETE FROM part WHERE id = ?", "p2"));
            List<String> changes = before.differences(store.dump());
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0)).startsWith("widget: row added [000000000000, us-east-1, w1, " + ARN);
            assertThat(changes.get(1)).isEqualTo("part: row gone [p2, 2]");
            assertThat(store.dump().rowCount()).isEqualTo(2);
        }
    }
}
