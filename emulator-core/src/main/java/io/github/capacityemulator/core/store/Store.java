package io.github.capacityemulator.core.store;

import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one boundary through which state is read and written: H2, in memory by default or in a file
 * under a data directory. Writes run one at a time in a transaction that is committed before
 * {@link #write} returns, so a response is only sent for state that is durable.
 */
public final class Store implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final String description;

    private Store(String url, String description) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.description = description;
        write(SchemaMigrations::apply);
    }

    public static Store inMemory() {
        return new Store("jdbc:h2:mem:emulator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "in memory");
    }

    /** A store in {@code dataDir}/emulator.mv.db; the directory is created if needed. */
    public static Store inDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir, e);
        }
        Path base = dataDir.toAbsolutePath().resolve("emulator");
        return new Store("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE", "in " + base + ".mv.db");
    }

    /** Runs a read; it sees only committed state. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
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
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Empties every table of emulated state, in all accounts and regions. */
    public void wipe() {
        write(c -> {
            try (Statement st = c.createStatement()) {
                for (String table : SchemaMigrations.STATE_TABLES) {
                    st.execute("DELETE FROM " + table);
                }
            }
            return null;
        });
    }

    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed: nothing left to flush
        }
        pool.dispose();
    }
}
