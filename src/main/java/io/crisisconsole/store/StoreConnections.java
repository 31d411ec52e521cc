package io.crisisconsole.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.LoggerFactory;

/**
 * The store's connections behind one {@link DataSource} (the one Jdbi and Flyway use), with the
 * connection that keeps the database open. When a write fails on a full disk H2 closes the
 * database, and every pooled connection then fails with "database has been closed" (90098): the
 * next use disposes the dead pool, opens a new one, re-runs the integrity check and goes on. While
 * the disk is still full that attempt fails with the same plain problem, and the one after tries again.
 */
final class StoreConnections implements DataSource {

    /** What to run on the keep-alive connection of a new pool before anything else uses it. */
    @FunctionalInterface
    interface Check {
        void run(Connection keepAlive) throws SQLException;
    }

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(StoreConnections.class);

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

    synchronized Connection keepAlive() throws SQLException {
        live();
        return keepAlive;
    }

    /** How many times the pool was replaced after the database closed. */
    synchronized int reconnects() {
        return reconnects;
    }

    @Override
    public Connection getConnection() throws SQLException {
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

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The store has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver logging: the store logs through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // embedded: there is no login to wait for
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
