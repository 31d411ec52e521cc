package io.crisisconsole.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file store in a {@link DataHome}. One process at a time: a second one gets a
 * {@link StoreException} with {@link StoreException.Problem#ALREADY_OPEN}.
 *
 * <p>Settings: {@code WRITE_DELAY=0} so an acknowledged commit survives a kill; no trace file
 * (it would hold plaintext SQL); no AUTO_SERVER (it opens a TCP port on all interfaces).
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /** H2 error codes this class turns into plain-language problems. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    static final int H2_FILE_VERSION_ERROR = 90048;
    static final int H2_FILE_CORRUPTED = 90030;
    static final int H2_GENERAL_ERROR = 50000;

    private final DataHome home;
    private final JdbcConnectionPool pool;
    private final Connection keepAlive;
    private final Jdbi jdbi;

    private Store(DataHome home, JdbcConnectionPool pool, Connection keepAlive) {
        this.home = home;
        this.pool = pool;
        this.keepAlive = keepAlive;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    public static String jdbcUrl(DataHome home) {
        return "jdbc:h2:file:" + home.storeBase()
                + ";WRITE_DELAY=0"
                + ";TRACE_LEVEL_FILE=0"
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Opens (creating on first run) and migrates the store. */
    public static Store open(DataHome home) {
        home.ensureExists();
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl(home), "crisis", "");
        Connection keepAlive;
        try {
            // Holding one connection keeps the database open between calls and surfaces
            // lock and format problems before anything else touches the file.
            keepAlive = pool.getConnection();
        } catch (SQLException e) {
            pool.dispose();
            throw translate(home, e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            closeQuietly(keepAlive);
            pool.dispose();
            throw new StoreException(StoreException.Problem.MIGRATION_FAILED,
                    "The store in " + home.dir() + " could not be brought up to date: " + e.getMessage(), e);
        }
        LOG.info("Store open at {}", home.storeFile());
        return new Store(home, pool, keepAlive);
    }

    static StoreException translate(DataHome home, SQLException e) {
        switch (e.getErrorCode()) {
            case H2_DATABASE_ALREADY_OPEN:
                return new StoreException(StoreException.Problem.ALREADY_OPEN,
                        "Crisis Console is already open on " + home.dir()
                                + " in another window or process. Close it there, or start this one with --data pointing to another folder.",
                        e);
            case H2_FILE_VERSION_ERROR:
                return new StoreException(StoreException.Problem.OLDER_FORMAT,
                        "The store " + home.storeFile() + " was written in a database format this version cannot read.", e);
            case H2_FILE_CORRUPTED:
            case H2_GENERAL_ERROR:
                return new StoreException(StoreException.Problem.DAMAGED,
                        "The store " + home.storeFile() + " is damaged and cannot be opened.", e);
            default:
                return new StoreException(StoreException.Problem.OTHER,
                        "The store " + home.storeFile() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataHome home() {
        return home;
    }

    @Override
    public void close() {
        closeQuietly(keepAlive);
        pool.dispose();
        LOG.info("Store closed");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing a store connection failed", e);
        }
    }
}
