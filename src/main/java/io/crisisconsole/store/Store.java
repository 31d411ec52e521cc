package io.crisisconsole.store;

import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
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

    private final DataHome home;
    private final StoreConnections connections;
    private final Jdbi jdbi;
    private final CommitMarker marker;
    private final MasterKey key;
    /** Held while the store is open, so that no other process recovers work files under it (see {@link Recovery}). */
    private AppLock.Held appLock;
    private final Optional<String> readOnly;
    /** Keeps the file near its data size while open (null: not running). */
    private final StoreMaintenance maintenance;

    /**
     * Settings of H2 that are system properties, so they must be set before H2's first use (the
     * launcher calls this first thing). {@code h2.objectCache=false}: H2 otherwise hashes every
     * string it reads to share equal ones, which is a quarter of the time of reading the texts of
     * 200,000 mentions to build their search index (8.1 s with it, 6.1 s without, on this machine);
     * nothing else changes. A value given on the command line is kept.
     */
    public static void tuneH2() {
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private Store(DataHome home, StoreConnections connections, CommitMarker marker, MasterKey key,
            Optional<String> readOnly) {
        this.home = home;
        this.connections = connections;
        this.marker = marker;
        this.key = key;
        this.readOnly = readOnly;
        this.maintenance = readOnly.isPresent() ? null : StoreMaintenance.start(connections, home.storeFile());
        this.jdbi = Jdbi.create(connections).installPlugin(new SqlObjectPlugin());
        jdbi.setTransactionHandler(new CommitCountingTransactionHandler(marker));
        // Jdbi would put the bound values (entry texts, phone numbers) into exception messages,
        // and those reach the log: keep only the driver's message, which shows '?' placeholders
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    public static String jdbcUrl(DataHome home) {
        return jdbcUrl(home.storeBase(), false);
    }

    /** The URL of a store file at {@code base} (H2 appends .mv.db). */
    static String jdbcUrl(Path base, boolean encrypted) {
        return "jdbc:h2:file:" + base
                + ";WRITE_DELAY=0"
                + ";TRACE_LEVEL_FILE=0"
                + ";DB_CLOSE_ON_EXIT=FALSE"
                + (encrypted ? ";CIPHER=AES" : "");
    }

    /** H2's password string: "filePassword userPassword" for an encrypted store, else the (empty) user password. */
    static String h2Password(char[] filePassword) {
        return filePassword == null ? "" : new String(filePassword) + " ";
    }

    /** Whether the file is H2-encrypted (its header says so), without opening it. */
    public static boolean isEncryptedFile(Path file) {
        byte[] header = new byte[ENCRYPTED_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, header.length) == header.length && Arrays.equals(header, ENCRYPTED_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Opens (creating on first run), migrates and checks an unencrypted store, throwing a
     * {@link StoreException} when it cannot. For tests and tools; the window and the command line
     * go through {@link StoreOpener}, which also unlocks and says what can be done instead.
     */
    public static Store open(DataHome home) {
        return open(home, null, false);
    }

    static Store open(DataHome home, boolean acceptLostChanges) {
        return open(home, null, acceptLostChanges);
    }

    /**
     * Opens the store: the file step of {@link StoreOpener}'s sequence.
     *
     * @param key the unlocked key of an encrypted store (see {@link Encryption}), or null for a plain one
     * @param acceptLostChanges open even when the store holds fewer changes than were acknowledged
     *        (the person chose to go on with what is there rather than restore a backup)
     */
    static Store open(DataHome home, MasterKey key, boolean acceptLostChanges) {
        return open(home, key, acceptLostChanges, step -> { });
    }

    /** The steps of opening, in order, for a start-up window's progress line. */
    public enum OpenStep {
        /** the file is opened (and looked at for damage) */
        OPENING,
        /** older formats are brought up to date */
        MIGRATING,
        /** the commit marker and the tables are checked */
        CHECKING
    }

    /** As {@link #open(DataHome, MasterKey, boolean)}, telling {@code steps} (on this thread) where it got. */
    static Store open(DataHome home, MasterKey key, boolean acceptLostChanges, java.util.function.Consumer<OpenStep> steps) {
        steps.accept(OpenStep.OPENING);
        Optional<String> readOnly = home.readOnlyReason();
        if (readOnly.isEmpty()) {
            home.ensureExists();
        }
        AppLock.Held appLock = AppLock.require(home);
        try {
            Store store = openFile(home, key, acceptLostChanges, readOnly, steps);
            store.appLock = appLock;
            return store;
        } catch (RuntimeException e) {
            appLock.close();
            throw e;
        }
    }

    private static Store openFile(DataHome home, MasterKey key, boolean acceptLostChanges, Optional<String> readOnly,
            java.util.function.Consumer<OpenStep> steps) {
        boolean exists = Files.exists(home.storeFile());
        long bytesBefore = exists ? sizeOf(home.storeFile()) : 0;
        if (readOnly.isPresent() && !exists) {
            throw new StoreException(StoreException.Problem.READ_ONLY, "There is no store in " + home.dir()
                    + ", and none can be made there because " + readOnly.get()
                    + ". Use --data with a writable folder, or make this one writable.", null);
        }
        boolean encryptedFile = exists && isEncryptedFile(home.storeFile());
        if (encryptedFile && key == null) {
            throw new StoreException(StoreException.Problem.NEEDS_PASSPHRASE, lockedMessage(home), null);
        }
        if (exists && !encryptedFile && key != null) {
            throw new StoreException(StoreException.Problem.OTHER,
                    "The store in " + home.dir() + " is not encrypted, but a key was given for it.", null);
        }
        String url = jdbcUrl(home.storeBase(), key != null) + (readOnly.isPresent() ? ";ACCESS_MODE_DATA=r" : "");
        // a new pool after H2 closed the database (a write failed on a full disk) needs the key again
        Supplier<JdbcConnectionPool> pools = () -> {
            char[] filePassword = key == null ? null : key.h2FilePassword();
            try {
                return JdbcConnectionPool.create(url, "crisis", h2Password(filePassword));
            } finally {
                if (filePassword != null) {
                    Arrays.fill(filePassword, '\0');
                }
            }
        };
        StoreConnections connections = null;
        try {
            if (exists) {
                // H2 opens a file whose chunks are all damaged as a new, empty database (and cuts the
                // file to that size; read-only, it fails as "read only"): look at it first
                char[] filePassword = key == null ? null : key.h2FilePassword();
                try {
                    if (Integrity.opensEmpty(home.storeFile(), filePassword)) {
                        Integrity.refuseIfItHeldData(home, new CommitMarker(home.dir()), bytesBefore);
                    }
                } finally {
                    if (filePassword != null) {
                        Arrays.fill(filePassword, '\0');
                    }
                }
            }
            // Holding one connection keeps the database open between calls and surfaces
            // lock and format problems before anything else touches the file.
            connections = new StoreConnections(pools, home.storeBase());
            if (readOnly.isEmpty()) {
                Workspace.ownerOnlyFile(home.storeFile()); // H2 makes it as the umask says
            }
            CommitMarker marker = new CommitMarker(home.dir());
            Flyway flyway = Flyway.configure()
                    .dataSource(connections.dataSource())
                    .locations("classpath:db/migration")
                    .load();
            steps.accept(OpenStep.MIGRATING);
            if (readOnly.isEmpty()) {
                flyway.migrate();
            } else if (flyway.info().pending().length > 0) {
                throw new StoreException(StoreException.Problem.READ_ONLY, "The store in " + home.dir()
                        + " was written by an older version and must be brought up to date, which cannot be done"
                        + " because " + readOnly.get() + ". Copy the folder to a writable disk and use --data.", null);
            }
            steps.accept(OpenStep.CHECKING);
            Integrity.check(home, connections.keepAlive(), marker, acceptLostChanges, readOnly.isEmpty());
            connections.onReconnect(c -> Integrity.check(home, c, marker, false, readOnly.isEmpty()));
            Store store = new Store(home, connections, marker, key, readOnly);
            LOG.info("Store open at {}{}", home.storeFile(), readOnly.map(r -> " (read-only: " + r + ")").orElse(""));
            return store;
        } catch (SQLException e) {
            closeQuietly(connections);
            throw translate(home, e);
        } catch (FlywayException e) {
            closeQuietly(connections);
            Optional<StoreException> fileSystem = StoreFailures.classify(home, e, "the store cannot be opened");
            if (fileSystem.isPresent()) {
                throw fileSystem.get();
            }
            SQLException cause = sqlCause(e);
            if (cause != null && cause.getErrorCode() != 0) {
                throw translate(home, cause);
            }
            throw new StoreException(StoreException.Problem.MIGRATION_FAILED,
                    "The store in " + home.dir() + " could not be brought up to date: " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(connections);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(connections);
            throw StoreFailures.classify(home, e, "the store cannot be opened").orElseThrow(() -> e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Why an encrypted store does not open without credentials. */
    static String lockedMessage(DataHome home) {
        return KeyFile.exists(home.dir())
                ? "The store in " + home.dir() + " is encrypted: unlock it with its passphrase."
                : "The store in " + home.dir() + " is encrypted, but its key file " + KeyFile.FILE_NAME
                        + " is missing. Put it back from where you keep a copy.";
    }

    static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    static StoreException translate(DataHome home, SQLException e) {
        Optional<StoreException> fileSystem = StoreFailures.classify(home, e, "the store cannot be opened");
        if (fileSystem.isPresent()) {
            return fileSystem.get();
        }
        String backup = Backups.newestDescription(home);
        switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return new StoreException(StoreException.Problem.ALREADY_OPEN,
                        "Crisis Console is already open on " + home.dir()
                                + " in another window or process. Close it there, or start this one with --data pointing to another folder.",
                        e);
            case ErrorCode.FILE_VERSION_ERROR_1:
                return new StoreException(StoreException.Problem.OLDER_FORMAT,
                        "The store " + home.storeFile() + " was written in an older database format that this version"
                                + " cannot open. It was not changed. " + backup, e);
            case ErrorCode.FILE_ENCRYPTION_ERROR_1:
                // the key file's check already proved the key right, so this is a damaged header
            case ErrorCode.FILE_CORRUPTED_1:
            case ErrorCode.GENERAL_ERROR_1:
                return new StoreException(StoreException.Problem.DAMAGED,
                        "The store " + home.storeFile() + " is damaged and cannot be read. It was not changed. " + backup,
                        e);
            case ErrorCode.DATABASE_IS_READ_ONLY:
            case ErrorCode.IO_EXCEPTION_1:
            case ErrorCode.IO_EXCEPTION_2:
            case ErrorCode.FILE_CREATION_FAILED_1:
                return new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                        "Cannot write to " + home.dir() + ": the disk is full or the folder is read-only.", e);
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

    /**
     * The password that encrypts backup scripts of this store, or null for an unencrypted store.
     * (Encryption at rest sets this to the store's file key.)
     */
    char[] scriptPassword() {
        return key == null ? null : key.h2FilePassword();
    }

    /** Rows per table, for checks after copying or converting the store. */
    Map<String, Long> rowCounts() {
        try {
            // through a handle, so that a rewrite of the file (StoreMaintenance) waits for it
            return jdbi.withHandle(h -> Backups.rowCounts(h.getConnection()));
        } catch (SQLException e) {
            throw translate(home, e);
        }
    }

    /** Whether the store file is encrypted at rest. */
    public boolean isEncrypted() {
        return key != null;
    }

    /**
     * Why this store is open read-only (its folder or disk is not writable), or empty when it can
     * be changed. Writes to a read-only store fail with {@link StoreException.Problem#READ_ONLY}
     * (see {@link StoreFailures}).
     */
    public Optional<String> readOnly() {
        return readOnly;
    }

    /** How many times the store reconnected after H2 closed the database (a write failed on a full disk). */
    public int reconnects() {
        return connections.reconnects();
    }

    /** How many times the maintenance task compacted the file since the store opened (-1: not running). */
    int maintenanceRuns() {
        return maintenance == null ? -1 : maintenance.runs();
    }

    /** How many times the maintenance task rewrote the file to its data size since the store opened (-1: not running). */
    int maintenanceRewrites() {
        return maintenance == null ? -1 : maintenance.rewrites();
    }

    public CommitMarker marker() {
        return marker;
    }

    /** Flushes the store to the disk device (used at important points: a case closed, a message approved). */
    public void sync() {
        jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
    }

    @Override
    public void close() {
        boolean compact = false;
        if (maintenance != null) {
            maintenance.close();
            compact = maintenance.rewriteAtClose();
        }
        connections.close(compact);
        if (appLock != null) {
            appLock.close();
        }
        LOG.info("Store closed");
    }

    private static void closeQuietly(StoreConnections c) {
        if (c != null) {
            c.close();
        }
    }
}
