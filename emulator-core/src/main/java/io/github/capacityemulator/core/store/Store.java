package io.github.capacityemulator.core.store;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one boundary through which state is read and written: H2, in memory by default or in a file
 * under a data directory. Writes run one at a time in a transaction that is committed before
 * {@link #write} returns, so a response is only sent for state that is durable.
 */
public final class Store implements AutoCloseable {

    private final DataSource pool;
    /** The URL of an H2 database this store owns (null: the caller owns the data source). */
    private final String h2Url;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final String description;
    private final SqlDialect dialect;
    private final List<String> stateTables;

    private Store(String url, String description, List<SchemaModule> modules) {
        this(JdbcConnectionPool.create(url, "sa", ""), url, new H2Dialect(), description, modules);
    }

    private Store(DataSource pool, String h2Url, SqlDialect dialect, String description, List<SchemaModule> modules) {
        this.pool = pool;
        this.h2Url = h2Url;
        this.dialect = dialect;
        this.description = description;
        List<SchemaModule> all = new ArrayList<>();
        all.add(SchemaMigrations.META);
        all.addAll(modules);
        this.stateTables = SchemaMigrations.stateTables(all);
        try {
            write(sql -> {
                SchemaMigrations.apply(sql, all);
                return null;
            });
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /**
     * A store on another database, through its dialect: how the SQL is proved portable (PostgreSQL in
     * {@code PostgresPortabilityTest}). The caller owns the data source.
     */
    public static Store on(DataSource dataSource, SqlDialect dialect, String description, List<SchemaModule> modules) {
        return new Store(dataSource, null, dialect, description, modules);
    }

    /** A store in memory with the schema of {@code modules}. */
    public static Store inMemory(List<SchemaModule> modules) {
        return new Store("jdbc:h2:mem:emulator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "in memory", modules);
    }

    /** A store in {@code dataDir}/emulator.mv.db (the directory is created if needed) with the schema of {@code modules}. */
    public static Store inDirectory(Path dataDir, List<SchemaModule> modules) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir, e);
        }
        Path base = dataDir.toAbsolutePath().resolve("emulator");
        // WRITE_DELAY=0: a commit is written to the file before the request is answered, so an acknowledged write
        // survives kill -9 (H2 otherwise writes commits up to half a second later).
        return new Store("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "in " + base + ".mv.db",
                modules);
    }

    /** Runs a read; it sees only committed state. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.run(new Sql(c, dialect));
        } catch (SQLException e) {
            throw new StoreException("store read failed", e);
        }
    }

    /** Runs a write in its own transaction, serialised with every other write, and commits it. */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Sql(c, dialect));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Empties every table of emulated state, in all accounts and regions. */
    public void wipe() {
        write(sql -> {
            for (String table : stateTables) {
                sql.update("DELETE FROM " + table);
            }
            return null;
        });
    }

    /**
     * Every row of every state table, sorted: a snapshot to compare (a rejected request must change nothing). It is
     * read in one transaction under the write lock, so that no write lands between two of its tables.
     */
    public StateDump dump() {
        return write(sql -> StateDump.read(sql, stateTables));
    }

    /** The schema version of each module. */
    public java.util.Map<String, Integer> schemaVersions() {
        return read(sql -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            sql.list("SELECT module, version FROM module_schema", r -> out.put(r.string(1), r.intValue(2)));
            return out;
        });
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        release();
    }

    /**
     * Closes the database: the pool's connections first, then, in memory, SHUTDOWN on a connection of its own (which
     * frees the database). In the other order the pooled connections are closed after the database, and H2 writes
     * each failure to {@code emulator.trace.db}.
     */
    private void release() {
        if (pool instanceof JdbcConnectionPool h2) {
            h2.dispose(); // a file database closes with its last connection
            if (!h2Url.startsWith("jdbc:h2:mem:")) {
                return;
            }
            try (Connection last = new org.h2.Driver().connect(h2Url, credentials());
                 java.sql.Statement st = last.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed: nothing left to flush
            }
        }
    }

    private static java.util.Properties credentials() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }
}
