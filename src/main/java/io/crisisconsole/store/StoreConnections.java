package io.crisisconsole.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
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
final class StoreConnections implements ConnectionFactory, StoreMaintenance.Database {

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
    private int rewrites;
    /** While set, new connections wait: a rewrite waits for the ones in use to come back. */
    private boolean draining;

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

    /** How many times the file was rewritten to its data size while open. */
    synchronized int rewrites() {
        return rewrites;
    }

    /**
     * A connection of the live pool. It is taken under this object's lock, so that a rewrite either
     * sees it in use or hands out none until the database is open again.
     */
    @Override
    public synchronized Connection openConnection() throws SQLException {
        boolean interrupted = false;
        while (draining) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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

    @Override
    public synchronized MVStore current() {
        if (closed || pool == null || keepAlive == null) {
            return null;
        }
        try {
            SessionLocal session = (SessionLocal) keepAlive.unwrap(JdbcConnection.class).getSession();
            MVStore mv = session.getDatabase().getStore().getMvStore();
            return mv.isClosed() ? null : mv;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Rewrites the store file to the size of its data: once no connection but the keep-alive one is
     * in use (new ones wait meanwhile, for at most {@code drainMillis}), {@code SHUTDOWN COMPACT}
     * closes the database and H2 copies its live data into {@code store.mv.db.tempFile} (encrypted
     * with the same key), then moves that over the store file in one atomic rename; the database is
     * then opened again and checked as after a reconnect. A kill at any moment leaves either the old
     * file or the new one, and H2 deletes a left-over temp file when it next opens the store.
     *
     * @return false when connections stayed in use for {@code drainMillis} (nothing was done)
     */
    @Override
    public boolean rewrite(long drainMillis) throws SQLException {
        JdbcConnectionPool p;
        synchronized (this) {
            if (closed || pool == null || draining) {
                return false;
            }
            draining = true;
            p = pool;
        }
        try {
            long deadline = System.nanoTime() + drainMillis * 1_000_000;
            // the keep-alive connection is one of the pool's
            while (p.getActiveConnections() > 1) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                Thread.sleep(1);
            }
            synchronized (this) {
                if (closed || pool != p || p.getActiveConnections() > 1) {
                    return false;
                }
                try (Statement st = keepAlive.createStatement()) {
                    st.execute("SHUTDOWN COMPACT");
                }
                ownerOnly();
                closeQuietly(keepAlive);
                keepAlive = null;
                pool.dispose();
                pool = null;
                // opened now (not on the next use), so that a problem shows here, in the maintenance task
                open();
                rewrites++;
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            synchronized (this) {
                draining = false;
                notifyAll();
            }
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
        JdbcConnectionPool fresh = open();
        reconnects++;
        LOG.info("The store is open again");
        return fresh;
    }

    /** Opens a new pool and its keep-alive connection, and checks them ({@link #onReconnect}). */
    private JdbcConnectionPool open() throws SQLException {
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
        return fresh;
    }

    synchronized void close() {
        close(false);
    }

    /** Closes the database; with {@code compact}, with {@code SHUTDOWN COMPACT} (see {@link #rewrite}). */
    synchronized void close(boolean compact) {
        closed = true;
        if (compact && keepAlive != null) {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                LOG.debug("Closing with compaction failed, closing as usual: {}", e.getMessage());
            }
            ownerOnly();
        }
        closeQuietly(keepAlive);
        keepAlive = null;
        if (pool != null) {
            pool.dispose();
            pool = null;
        }
    }

    /**
     * The copy H2 moved over the file was made as the umask says (the data folder, readable by its
     * owner only, kept it from others meanwhile): the store file is the owner's only again.
     */
    private void ownerOnly() {
        Workspace.ownerOnlyFile(Path.of(base + ".mv.db"));
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
