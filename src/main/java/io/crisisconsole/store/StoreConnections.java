package io.crisisconsole.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connections behind one {@link ConnectionFactory} (the one Jdbi uses), with the
 * connection that keeps the database open. When a write fails on a full disk H2 closes the
 * database, and every pooled connection then fails with "database has been closed" (90098): the
 * next use disposes the dead pool, opens a new one, re-runs the integrity check and goes on. While
 * the disk is still full that attempt fails with the same plain problem, and the one after tries again.
 */
final class StoreConnections implements ConnectionFactory {

    /** What to run on the keep-alive connection of a new pool before anything else uses it. */
    @FunctionalInterface
    interface Check {
        void run(Connection keepAlive) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoreConnections.class);

    private final Supplier<JdbcConnectionPool> pools;
    private final Path base;
    private Check onReconnect = c -> {
    };
    /** The live pool; null after the database closed under it and no new one could be opened yet. */
    private JdbcConnectionPool pool;
    private Connection keepAlive;
    private boolean closed;
    private int reconnects;

    /** Opens the first pool and its keep-alive connection (which surfaces lock and format problems first). */
    StoreConnections(Supplier<JdbcConnectionPool> pools, Path base) throws SQLException {
        this.pools = pools;
        this.base = base;
        JdbcConnectionPool first = pools.get();
        try {
            this.keepAlive = firstConnection(first);
        } catch (SQLException | RuntimeException e) {
            first.dispose();
            throw e;
        }
        this.pool = first;
    }

    /**
     * The first connection of a new pool. When H2 could not finish opening or closing the database on
     * a full disk, the dead database stays registered in this JVM, and the next connection gets
     * "database has been closed" (90098) with the old failure, even once there is space again; that
     * attempt drops it from H2's registry, so one more attempt opens the file afresh.
     */
    private Connection firstConnection(JdbcConnectionPool fresh) throws SQLException {
        try {
            return fresh.getConnection();
        } catch (SQLException e) {
            if (!StoreFailures.databaseClosed(e)) {
                throw e;
            }
            LOG.info("H2 still held the database of {} that it closed after a failed write; opening it afresh", base);
            return fresh.getConnection();
        }
    }

    /** Sets what a reconnect checks (the integrity check, once the store is open). */
    synchronized void onReconnect(Check check) {
        this.onReconnect = check;
    }

    /** The live pool, for work that needs a {@link DataSource} while the store opens (Flyway). */
    synchronized DataSource dataSource() throws SQLException {
        return live();
    }

    synchronized Connection keepAlive() throws SQLException {
        live();
        return keepAlive;
    }

    /** How many times the pool was replaced after the database closed. */
    synchronized int reconnects() {
        return reconnects;
    }

    @Override
    public Connection openConnection() throws SQLException {
        JdbcConnectionPool p = live();
        try {
            return p.getConnection();
        } catch (SQLException e) {
            if (!StoreFailures.databaseClosed(e)) {
                throw e;
            }
            return replace(p).getConnection();
        }
    }

    private synchronized JdbcConnectionPool live() throws SQLException {
        if (closed) {
            throw new SQLException("The store is closed");
        }
        return pool != null ? pool : replace(null);
    }

    /** Replaces {@code dead} (null: no pool) by a new pool, unless another thread did already. */
    private synchronized JdbcConnectionPool replace(JdbcConnectionPool dead) throws SQLException {
        if (closed) {
            throw new SQLException("The store is closed");
        }
        if (pool != null && pool != dead) {
            return pool;
        }
        if (pool != null) {
            LOG.warn("The database was closed after a failed write; opening it again");
            closeQuietly(keepAlive);
            keepAlive = null;
            pool.dispose();
            pool = null;
        }
        JdbcConnectionPool fresh = pools.get();
        Connection c = null;
        try {
            c = firstConnection(fresh);
            onReconnect.run(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            fresh.dispose();
            throw e;
        }
        pool = fresh;
        keepAlive = c;
        reconnects++;
        LOG.info("The store is open again");
        return fresh;
    }

    synchronized void close() {
        closed = true;
        closeQuietly(keepAlive);
        keepAlive = null;
        if (pool != null) {
            pool.dispose();
            pool = null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing a store connection failed: {}", e.getMessage());
        }
    }
}
