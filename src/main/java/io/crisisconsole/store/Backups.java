package io.crisisconsole.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the store as H2 {@code SCRIPT} dumps. {@code SCRIPT} reads every row, so it fails on a
 * damaged store instead of copying the damage (as {@code BACKUP TO} would). A backup is one zip file
 * with a {@code manifest.json} (time, commit count, row count per table) and the script; it is
 * written to a temp file and renamed into place, so a backup file is either whole or absent.
 * Restores go into a new file, are checked against the manifest, and only then replace the store.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    public static final String FOLDER = "backups";
    public static final String EXTENSION = ".ccbackup";
    static final String MANIFEST = "manifest.json";
    static final String SCRIPT = "script.sql";
    static final String ENCRYPTED_SCRIPT = "script.sql.aes";
    /** Keep this many most recent backups ... */
    public static final int KEEP_RECENT = 10;
    /** ... plus the newest backup of each of this many days. */
    public static final int KEEP_DAILY = 7;
    private static final long MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(java.time.ZoneOffset.UTC);

    /** What a backup says about itself. */
    public record Manifest(int format, Instant createdAt, long commitSeq, boolean encrypted,
            Map<String, Long> rowCounts) {
    }

    /** A backup file and its manifest. */
    public record Backup(Path file, Manifest manifest) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final DataHome home;

    public Backups(DataHome home) {
        this.home = home;
    }

    public Path folder() {
        return home.dir().resolve(FOLDER);
    }

    /** Writes a backup into the backups folder and rotates old ones away. */
    public Backup backupNow(Store store) {
        Path folder = Workspace.ownerOnlyFolder(folder());
        Instant now = Instant.now();
        Backup b = write(store, folder.resolve(fileName(now)));
        rotate();
        return b;
    }

    /** The file name of a backup made at {@code time}. */
    static String fileName(Instant time) {
        return "crisis-console-" + FILE_TIME.format(time) + EXTENSION;
    }

    /**
     * Writes a backup of {@code store} to {@code target} (temp file, then atomic rename), readable by
     * its owner only. A {@link Journal} naming the script and the temp file is written first, so that
     * the next open removes them if this process is killed meanwhile.
     */
    public Backup write(Store store, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path work = Workspace.ownerOnlyFolder(folder().resolve(".work"));
        Path script = work.resolve("script-" + UUID.randomUUID() + ".sql");
        Path zipTmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        char[] password = store.scriptPassword();
        Journal journal = Journal.begin(home.dir(), Journal.Operation.BACKUP, List.of(script, zipTmp), Map.of());
        try {
            Files.createDirectories(dir); // a folder the person chose: its permissions are theirs
            Files.createFile(script, Workspace.ownerOnlyAttributes());
            Manifest manifest = store.jdbi().<Manifest, SQLException>inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                Map<String, Long> counts = rowCounts(h.getConnection());
                long seq = h.createQuery("SELECT commit_seq FROM store_meta WHERE id = 1").mapTo(Long.class).one();
                h.execute(scriptStatement("SCRIPT TO", script, password));
                return new Manifest(1, Instant.now(), seq, password != null, counts);
            });
            writeZip(manifest, script, zipTmp, target);
            LOG.info("Backup written to {}", target);
            return new Backup(target, manifest);
        } catch (SQLException | org.jdbi.v3.core.JdbiException e) {
            // a full or read-only disk is not a damaged store: say so, and no restore hint
            StoreFailures.classify(home, e, "no backup was written").ifPresent(fs -> {
                throw fs;
            });
            SQLException cause = Store.sqlCause(e);
            throw new StoreException(StoreException.Problem.DAMAGED, "No backup written: the store could not be read"
                    + (cause == null ? "" : " (" + cause.getMessage().lines().findFirst().orElse("") + ")")
                    + ". " + newestDescription(home), e);
        } catch (IOException e) {
            throw StoreFailures.classify(home, e, "the backup " + target + " was not written").orElseGet(() ->
                    new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                            "Cannot write the backup " + target + ": " + e.getMessage(), e));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            Workspace.shredQuietly(script);
            Workspace.shredQuietly(zipTmp);
            journal.close();
        }
    }

    /** Zips the manifest and the script into {@code tmp} (made readable by its owner only), then renames it to {@code target}. */
    private static void writeZip(Manifest manifest, Path script, Path tmp, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(Files.createFile(tmp, Workspace.ownerOnlyAttributes()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(manifest.encrypted() ? ENCRYPTED_SCRIPT : SCRIPT));
            Files.copy(script, zip);
            zip.closeEntry();
        }
        Workspace.ownerOnlyFile(tmp);
        fsync(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Re-writes the encrypted backup {@code b} as a plain one at {@code target} (same time, commit
     * count and row counts), for turning encryption off: its script is loaded into a database in
     * memory, checked against the manifest and written out again without a cipher. Its work files
     * go into {@code work} (removed by the caller's journal if this is killed) and are shredded here.
     */
    static void rewritePlain(Backup b, char[] filePassword, Path target, Path work) throws IOException, SQLException {
        Manifest m = b.manifest();
        String id = UUID.randomUUID().toString();
        Path encrypted = work.resolve("in-" + id + ".sql.aes");
        Path plain = work.resolve("out-" + id + ".sql");
        Path tmp = work.resolve("." + target.getFileName() + "." + id + ".tmp");
        try {
            try (ZipFile zip = new ZipFile(b.file().toFile());
                    InputStream in = zip.getInputStream(zip.getEntry(ENCRYPTED_SCRIPT))) {
                Files.copy(in, encrypted);
            }
            Files.createFile(plain, Workspace.ownerOnlyAttributes());
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:rewrite-" + id, "crisis", "")) {
                try (Statement s = c.createStatement()) {
                    s.execute(scriptStatement("RUNSCRIPT FROM", encrypted, filePassword));
                }
                verify(b.file(), m, c);
                try (Statement s = c.createStatement()) {
                    s.execute(scriptStatement("SCRIPT TO", plain, null));
                }
            } catch (StoreException e) {
                throw new SQLException(e.getMessage(), e);
            }
            writeZip(new Manifest(m.format(), m.createdAt(), m.commitSeq(), false, m.rowCounts()), plain, tmp, target);
        } catch (SQLException e) {
            throw new SQLException("the backup " + b.file() + " cannot be read (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); move it out of the backups folder and try again", e);
        } finally {
            Workspace.shredQuietly(encrypted);
            Workspace.shredQuietly(plain);
            Workspace.shredQuietly(tmp);
        }
    }

    /** Backups in the backups folder, newest first; files that are not readable backups are skipped. */
    public List<Backup> list() {
        List<Backup> result = new ArrayList<>();
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path f : files) {
                try {
                    result.add(new Backup(f, readManifest(f)));
                } catch (StoreException e) {
                    LOG.warn("Skipping {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(Comparator.comparing((Backup b) -> b.manifest().createdAt()).reversed());
        return result;
    }

    public Optional<Backup> newest() {
        List<Backup> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** One sentence on the newest backup, for messages about a store that cannot be used. */
    public static String newestDescription(DataHome home) {
        try {
            return new Backups(home).newest()
                    .map(b -> "The newest backup is from " + Integrity.when(b.manifest().createdAt()) + " ("
                            + b.file() + ").")
                    .orElse("There is no backup in " + home.dir().resolve(FOLDER) + ".");
        } catch (RuntimeException e) {
            return "The backups folder cannot be read.";
        }
    }

    /** Keeps the {@value #KEEP_RECENT} newest backups and the newest of each of the last {@value #KEEP_DAILY} days. */
    public List<Path> rotate() {
        List<Backup> all = list();
        Set<Path> keep = toKeep(all, ZoneId.systemDefault());
        List<Path> deleted = new ArrayList<>();
        for (Backup b : all) {
            if (!keep.contains(b.file())) {
                Workspace.deleteQuietly(b.file());
                deleted.add(b.file());
            }
        }
        return deleted;
    }

    /** Which of {@code newestFirst} rotation keeps. */
    static Set<Path> toKeep(List<Backup> newestFirst, ZoneId zone) {
        Set<Path> keep = new HashSet<>();
        for (int i = 0; i < Math.min(KEEP_RECENT, newestFirst.size()); i++) {
            keep.add(newestFirst.get(i).file());
        }
        Set<LocalDate> days = new HashSet<>();
        for (Backup b : newestFirst) {
            LocalDate day = b.manifest().createdAt().atZone(zone).toLocalDate();
            if (days.size() < KEEP_DAILY && days.add(day)) {
                keep.add(b.file());
            }
        }
        return keep;
    }

    public static Manifest readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreException.Problem.OTHER, "There is no backup file " + file, null);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw notABackup(file, "it has no " + MANIFEST);
            }
            if (entry.getSize() > MAX_MANIFEST_BYTES) {
                throw notABackup(file, "its manifest is too large");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                // the size in the zip's directory may lie: never read more than the limit
                byte[] json = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
                if (json.length > MAX_MANIFEST_BYTES) {
                    throw notABackup(file, "its manifest is too large");
                }
                Manifest m = JSON.readValue(json, Manifest.class);
                if (m.createdAt() == null || m.rowCounts() == null || m.format() != 1) {
                    throw notABackup(file, "its manifest is incomplete or of an unknown format");
                }
                if (zip.getEntry(m.encrypted() ? ENCRYPTED_SCRIPT : SCRIPT) == null) {
                    throw notABackup(file, "it has no database script");
                }
                return m;
            }
        } catch (IOException e) {
            throw notABackup(file, e.getMessage());
        }
    }

    private static StoreException notABackup(Path file, String why) {
        return new StoreException(StoreException.Problem.OTHER,
                file + " is not a readable Crisis Console backup: " + why, null);
    }

    /** What a restore did. */
    public record Restored(Manifest manifest, Path previousStore) {
    }

    /**
     * Restores {@code backupFile} over the store of {@code home}, which must not be open anywhere
     * (the restore step of {@link StoreOpener#restoreAndOpen}).
     * The backup is loaded into a new file and checked against its manifest first; the current store
     * file is kept as {@code store.mv.db.before-restore-TIME} and then replaced in one rename.
     *
     * @param filePassword H2 file password of an encrypted store (also decrypts the script), or null
     */
    static Restored restore(DataHome home, Path backupFile, char[] filePassword) {
        Manifest manifest = readManifest(backupFile);
        if (manifest.encrypted() && filePassword == null) {
            throw new StoreException(StoreException.Problem.OTHER,
                    backupFile + " is encrypted; unlock the store with its passphrase to restore it", null);
        }
        home.ensureExists();
        try (AppLock.Held lock = AppLock.require(home)) {
            return restoreLocked(home, backupFile, manifest, filePassword);
        }
    }

    /** Journal details of a restore: the backup's file name, its commit count and time, the name of the copy of the previous store. */
    static final String RESTORE_BACKUP = "backup";
    static final String RESTORE_COMMIT_SEQ = "commitSeq";
    static final String RESTORE_CREATED_AT = "createdAt";
    static final String RESTORE_PREVIOUS = "previous";

    private static Restored restoreLocked(DataHome home, Path backupFile, Manifest manifest, char[] filePassword) {
        ensureNotOpen(home, filePassword);
        Path work = Workspace.path(home, "restore");
        Journal journal = Journal.begin(home.dir(), Journal.Operation.RESTORE, List.of(work),
                Map.of(RESTORE_BACKUP, backupFile.getFileName().toString(),
                        RESTORE_COMMIT_SEQ, Long.toString(manifest.commitSeq()),
                        RESTORE_CREATED_AT, manifest.createdAt().toString()));
        Path script = work.resolve("script.sql");
        boolean swapping = false;
        boolean done = false;
        try {
            Workspace.ownerOnlyFolder(work);
            try (ZipFile zip = new ZipFile(backupFile.toFile());
                    InputStream in = zip.getInputStream(zip.getEntry(manifest.encrypted() ? ENCRYPTED_SCRIPT : SCRIPT))) {
                try (OutputStream out = Files.newOutputStream(Files.createFile(script, Workspace.ownerOnlyAttributes()))) {
                    in.transferTo(out);
                }
            }
            String url = Store.jdbcUrl(work.resolve("store"), filePassword != null);
            try (Connection c = DriverManager.getConnection(url, "crisis", Store.h2Password(filePassword))) {
                try (Statement s = c.createStatement()) {
                    s.execute(scriptStatement("RUNSCRIPT FROM", script, manifest.encrypted() ? filePassword : null));
                }
                Workspace.shred(script);
                verify(backupFile, manifest, c);
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            Path restored = work.resolve("store.mv.db");
            Workspace.ownerOnlyFile(restored);
            fsync(restored);
            Path previous = null;
            if (Files.exists(home.storeFile())) {
                previous = home.dir().resolve("store.mv.db.before-restore-" + FILE_TIME.format(Instant.now()));
                journal.put(RESTORE_PREVIOUS, previous.getFileName().toString());
            }
            journal.advance(Journal.Phase.SWAPPING);
            swapping = true;
            if (previous != null) {
                Files.copy(home.storeFile(), previous);
                Workspace.ownerOnlyFile(previous);
            }
            Files.move(restored, home.storeFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            new CommitMarker(home.dir()).reset(manifest.commitSeq(), manifest.createdAt());
            done = true;
            return new Restored(manifest, previous);
        } catch (SQLException e) {
            throw StoreFailures.classify(home, e, backupFile + " was not restored and the store was not changed")
                    .orElseGet(() -> new StoreException(StoreException.Problem.OTHER,
                            "Cannot restore " + backupFile + ": " + e.getMessage() + ". The store was not changed.", e));
        } catch (IOException e) {
            throw StoreFailures.classify(home, e, backupFile + " was not restored and the store was not changed")
                    .orElseGet(() -> new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                            "Cannot restore " + backupFile + ": " + e.getMessage() + ". The store was not changed.", e));
        } finally {
            if (swapping && !done && Files.exists(work.resolve("store.mv.db"))) {
                // the store was not replaced: undo the copy of it now
                String previous = journal.details().get(RESTORE_PREVIOUS);
                if (previous != null) {
                    Workspace.shredQuietly(home.dir().resolve(previous));
                }
                done = true;
            }
            if (done || !swapping) {
                Workspace.shredQuietly(work);
                journal.close();
            }
        }
    }

    private static void verify(Path backupFile, Manifest manifest, Connection c) throws SQLException {
        Map<String, Long> actual = rowCounts(c);
        for (Map.Entry<String, Long> expected : manifest.rowCounts().entrySet()) {
            Long got = actual.get(expected.getKey());
            if (!expected.getValue().equals(got)) {
                throw new StoreException(StoreException.Problem.OTHER, "Cannot restore " + backupFile + ": table "
                        + expected.getKey() + " came back with " + got + " rows, the backup recorded "
                        + expected.getValue() + ". The store was not changed.", null);
            }
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT commit_seq FROM store_meta WHERE id = 1")) {
            if (!r.next() || r.getLong(1) != manifest.commitSeq()) {
                throw new StoreException(StoreException.Problem.OTHER, "Cannot restore " + backupFile
                        + ": its commit count does not match its manifest. The store was not changed.", null);
            }
        }
    }

    private static void ensureNotOpen(DataHome home, char[] filePassword) {
        if (!Files.exists(home.storeFile())) {
            return;
        }
        String url = Store.jdbcUrl(home.storeBase(), filePassword != null) + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "crisis", Store.h2Password(filePassword))) {
            // it opened, so nobody else has it; closing releases the lock again
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw Store.translate(home, e);
            }
            // a damaged or unreadable current store is what a restore is for
        }
    }

    static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : Integrity.tables(c)) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + Integrity.quoted(t))) {
                r.next();
                counts.put(t, r.getLong(1));
            }
        }
        return counts;
    }

    static String scriptStatement(String verb, Path file, char[] password) {
        String sql = verb + " '" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        if (password != null) {
            sql += " COMPRESSION DEFLATE CIPHER AES PASSWORD '" + new String(password).replace("'", "''") + "'";
        }
        return sql;
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

}
