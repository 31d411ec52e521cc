package io.crisisconsole.store;

import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.store.crypto.WrongPassphraseException;
import io.crisisconsole.store.crypto.WrongRecoveryKeyException;
import io.crisisconsole.toolkit.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest. The store file is encrypted by H2 ({@code CIPHER=AES}) with a random 256-bit
 * key; that key is kept in {@code store.key.json}, wrapped under a key derived from the passphrase
 * (PBKDF2-HMAC-SHA256, 600,000 iterations) and under the recovery key, so a wrong passphrase is told
 * apart from a damaged file, and H2's own weak key derivation never sees anything guessable.
 * Backups of an encrypted store are encrypted with the same key. Turning encryption on or off runs
 * under a {@link Journal} and the {@link AppLock}, so that a kill at any moment is finished or undone
 * on the next open ({@link Recovery}) and no plaintext of an encrypted store stays in the data folder.
 */
public final class Encryption {

    private static final Logger LOG = LoggerFactory.getLogger(Encryption.class);

    private Encryption() {
    }

    /**
     * Whether opening the store needs a passphrase. A key file beside a plain store means that
     * turning encryption on or off was interrupted; the store is plain, so the stray key file is set
     * aside (renamed, not deleted) and the store opens without a passphrase.
     */
    public static boolean needsPassphrase(DataHome home) {
        if (!KeyFile.exists(home.dir())) {
            return Files.exists(home.storeFile()) && Store.isEncryptedFile(home.storeFile());
        }
        if (Files.exists(home.storeFile()) && !Store.isEncryptedFile(home.storeFile())) {
            Path aside = home.dir().resolve(KeyFile.FILE_NAME + ".unused-" + Instant.now().toEpochMilli());
            try {
                Files.move(KeyFile.path(home.dir()), aside, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("The store is not encrypted; a stray key file was set aside as {}", aside);
            } catch (IOException e) {
                throw new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                        "Cannot set aside the stray key file in " + home.dir() + ": " + e.getMessage(), e);
            }
            return false;
        }
        return true;
    }

    /** Unlocks the store key with the passphrase (the unlock step of {@link StoreOpener}). */
    static MasterKey unlock(DataHome home, char[] passphrase) {
        try {
            return KeyFile.read(home.dir()).unlock(passphrase);
        } catch (WrongPassphraseException e) {
            throw new StoreException(StoreException.Problem.WRONG_PASSPHRASE,
                    "The passphrase is not right for " + home.dir() + ". If it is lost, unlock with the recovery key.", e);
        }
    }

    /** Unlocks the store key with the recovery key shown when encryption was turned on. */
    static MasterKey unlockWithRecoveryKey(DataHome home, String recoveryKey) {
        try {
            return KeyFile.read(home.dir()).unlockWithRecoveryKey(recoveryKey);
        } catch (WrongRecoveryKeyException e) {
            throw new StoreException(StoreException.Problem.WRONG_PASSPHRASE, e.getMessage(), e);
        }
    }

    /**
     * Sets a new passphrase for the store {@code unlocked} has unlocked; the store key, the recovery
     * key and the store file stay as they are (the store may be open in the window meanwhile).
     */
    public static void changePassphrase(StoreOpener unlocked, char[] newPassphrase) {
        changePassphrase(unlocked.home(), requireKey(unlocked), newPassphrase);
    }

    static void changePassphrase(DataHome home, MasterKey key, char[] newPassphrase) {
        KeyFile.read(home.dir()).changePassphrase(key, newPassphrase);
    }

    private static MasterKey requireKey(StoreOpener unlocked) {
        MasterKey key = unlocked.key();
        if (key == null) {
            throw new IllegalStateException("The opener holds no unlocked key of an encrypted store");
        }
        return key;
    }

    /** What turning encryption on did. */
    public record Encrypted(String recoveryKey, List<Path> plaintextCopiesRemoved, Path freshBackup) {
    }

    /** The store file's name inside a work folder. */
    static final String STORE_FILE = "store.mv.db";
    /**
     * A non-secret marker in the data folder: the recovery key of the key file was never shown (turning
     * encryption on was interrupted after the swap). The next unlock
     * makes a new one ({@link StoreOpener#newRecoveryKey()}).
     */
    static final String UNSEEN_RECOVERY_KEY = "store.key.recovery-not-shown";
    /** Journal detail: the file name of the fresh encrypted backup waiting in the work folder. */
    static final String FRESH_BACKUP = "freshBackup";
    /** A second name of the plain copy in the work folder, so its blocks are overwritten after H2 deletes it. */
    private static final String PLAIN_COPY = "plain-copy.mv.db";
    /** A second name of the plain store being replaced, so its blocks are overwritten after the swap. */
    private static final String OLD_PLAIN = "old-plain-store.mv.db";

    /**
     * Encrypts a plain store, so that no plaintext of its data stays in the data folder: under a
     * {@link Journal} written first, encrypts a copy in a work folder, checks every row of it against
     * the original and writes a fresh encrypted backup from it; then puts the key file, the encrypted
     * file and the backup in place (each with one rename); then overwrites and deletes the plain backups,
     * the pre-restore copies and the plain work files. Killed before the swap, the next open undoes it;
     * after, it finishes it (see {@link Recovery}) and, as the recovery key made here was never shown,
     * a new one is made at the next unlock ({@link #UNSEEN_RECOVERY_KEY}, written before the swap and
     * removed when this returns the key).
     */
    public static Encrypted encrypt(DataHome home, char[] passphrase) {
        try (AppLock.Held lock = AppLock.require(home)) {
            if (KeyFile.exists(home.dir()) || (Files.exists(home.storeFile()) && Store.isEncryptedFile(home.storeFile()))) {
                throw new StoreException(StoreException.Problem.OTHER, "The store in " + home.dir() + " is already encrypted.",
                        null);
            }
            Map<String, Long> counts;
            try (Store plain = Store.open(home)) {
                counts = plain.rowCounts();
            }
            Path work = Workspace.path(home, "encrypt");
            Journal journal = Journal.begin(home.dir(), Journal.Operation.ENCRYPT, List.of(work), Map.of());
            boolean swapping = false;
            boolean done = false;
            MasterKey masterKey = null;
            try {
                Workspace.ownerOnlyFolder(work);
                Path copy = work.resolve(STORE_FILE);
                Files.copy(home.storeFile(), copy);
                Workspace.ownerOnlyFile(copy);
                link(work.resolve(PLAIN_COPY), copy);
                KeyFile.Created created = KeyFile.create(work, passphrase);
                masterKey = created.masterKey();
                char[] filePassword = masterKey.h2FilePassword();
                try {
                    ChangeFileEncryption.execute(work.toString(), "store", "AES", null, filePassword, true);
                    Workspace.shred(work.resolve(PLAIN_COPY));
                    Workspace.ownerOnlyFile(copy);
                    verify(work, filePassword, counts);
                } finally {
                    Arrays.fill(filePassword, '\0');
                }
                DataHome workHome = new DataHome(work);
                String freshName = Backups.fileName(Instant.now());
                try (Store encrypted = Store.open(workHome, masterKey, false)) {
                    new Backups(workHome).write(encrypted, work.resolve(freshName));
                }
                AtomicFiles.write(unseenRecoveryKey(home),
                        "The recovery key of store.key.json has not been shown yet.\n");
                journal.put(FRESH_BACKUP, freshName);
                journal.advance(Journal.Phase.SWAPPING);
                swapping = true;
                swapIn(home, work, freshName);
                journal.advance(Journal.Phase.CLEANING);
                List<Path> removed = removePlaintextCopies(home);
                shredWork(home, work);
                Files.deleteIfExists(unseenRecoveryKey(home)); // the caller gets the key now
                done = true;
                return new Encrypted(created.recoveryKey(), removed, new Backups(home).folder().resolve(freshName));
            } catch (IOException | SQLException e) {
                throw new StoreException(StoreException.Problem.OTHER, "Encryption was not turned on: " + e.getMessage()
                        + (swapping ? ". It stopped after the store was replaced; the next start finishes it."
                                : ". The store was not changed."), e);
            } finally {
                if (masterKey != null) {
                    masterKey.destroy();
                }
                if (!swapping) {
                    shredWorkQuietly(home, work);
                    Workspace.deleteQuietly(unseenRecoveryKey(home));
                }
                if (done || !swapping) {
                    journal.close();
                }
            }
        }
    }

    /** The recovery key made at an unlock ({@link StoreOpener#newRecoveryKey()}) has been shown: no other is made. */
    static void recoveryKeyShown(DataHome home) {
        Workspace.deleteQuietly(unseenRecoveryKey(home));
    }

    /** The marker file that says the recovery key of the key file was never shown. */
    private static Path unseenRecoveryKey(DataHome home) {
        return home.dir().resolve(UNSEEN_RECOVERY_KEY);
    }

    /** Whether the recovery key of the key file was never shown (see {@link #UNSEEN_RECOVERY_KEY}). */
    static boolean recoveryKeyUnseen(DataHome home) {
        return Files.exists(unseenRecoveryKey(home)) && KeyFile.exists(home.dir());
    }

    /** The swap of {@link #encrypt}, also the roll-forward of {@link Recovery}: renames only, no key needed. */
    static void swapIn(DataHome home, Path work, String freshName) throws IOException {
        Path key = work.resolve(KeyFile.FILE_NAME);
        if (Files.exists(key)) {
            Files.move(key, KeyFile.path(home.dir()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path copy = work.resolve(STORE_FILE);
        if (Files.exists(copy)) {
            if (Files.exists(home.storeFile()) && !Store.isEncryptedFile(home.storeFile())) {
                link(work.resolve(OLD_PLAIN), home.storeFile());
            }
            Workspace.ownerOnlyFile(copy);
            Files.move(copy, home.storeFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (freshName != null && Files.exists(work.resolve(freshName))) {
            Path folder = Workspace.ownerOnlyFolder(new Backups(home).folder());
            Files.move(work.resolve(freshName), folder.resolve(freshName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        AtomicFiles.syncFolder(home.dir());
    }

    /**
     * Overwrites and deletes an encrypt work folder. Its second name of the old plain store is only
     * overwritten when it is no longer the store itself.
     */
    static void shredWork(DataHome home, Path work) throws IOException {
        Path oldPlain = work.resolve(OLD_PLAIN);
        if (Files.exists(oldPlain) && Files.exists(home.storeFile()) && Files.isSameFile(oldPlain, home.storeFile())) {
            Files.delete(oldPlain);
        }
        Workspace.shred(work);
    }

    private static void shredWorkQuietly(DataHome home, Path work) {
        try {
            shredWork(home, work);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot remove the work folder {}: {}", work, e.getMessage());
        }
    }

    /** A second name for {@code existing} (a hard link) where the file system has them; nothing otherwise. */
    private static void link(Path link, Path existing) {
        try {
            Files.deleteIfExists(link);
            Files.createLink(link, existing);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("No hard link {}: {}", link, e.getMessage());
        }
    }

    /** Decrypts the encrypted store {@code unlocked} has unlocked back to a plain file and removes the key file. */
    public static void decrypt(StoreOpener unlocked) {
        decrypt(unlocked.home(), requireKey(unlocked));
    }

    /**
     * Under a {@link Journal} written first: decrypts a copy of the store in a work folder and checks
     * every row, re-writes every encrypted backup in the backups folder as a plain one (same time,
     * commit count and row counts), then renames the backups and the store into place and deletes the
     * key file. Killed before the renames, the next open removes the plain work files; after, it
     * finishes (no key needed).
     */
    static void decrypt(DataHome home, MasterKey key) {
        try (AppLock.Held lock = AppLock.require(home)) {
            Map<String, Long> counts;
            try (Store encrypted = Store.open(home, key, false)) {
                counts = encrypted.rowCounts();
            }
            Path work = Workspace.path(home, "decrypt");
            Journal journal = Journal.begin(home.dir(), Journal.Operation.DECRYPT, List.of(work), Map.of());
            char[] filePassword = key.h2FilePassword();
            boolean swapping = false;
            boolean done = false;
            try {
                Workspace.ownerOnlyFolder(work);
                Files.copy(home.storeFile(), work.resolve(STORE_FILE));
                char[] h2Copy = filePassword.clone(); // H2 clears the arrays it is given
                ChangeFileEncryption.execute(work.toString(), "store", "AES", h2Copy, null, true);
                Arrays.fill(h2Copy, '\0');
                Workspace.ownerOnlyFile(work.resolve(STORE_FILE));
                verify(work, null, counts);
                Path plainBackups = Workspace.ownerOnlyFolder(work.resolve(Backups.FOLDER));
                for (Backups.Backup b : new Backups(home).list()) {
                    if (b.manifest().encrypted()) {
                        Backups.rewritePlain(b, filePassword, plainBackups.resolve(b.file().getFileName()), work);
                    }
                }
                journal.advance(Journal.Phase.SWAPPING);
                swapping = true;
                swapOut(home, work);
                Workspace.shred(work);
                done = true;
            } catch (IOException | SQLException e) {
                throw new StoreException(StoreException.Problem.OTHER, "Encryption was not turned off: " + e.getMessage()
                        + (swapping ? ". It stopped after the store was replaced; the next start finishes it."
                                : ". The store was not changed."), e);
            } finally {
                Arrays.fill(filePassword, '\0');
                if (!swapping) {
                    Workspace.shredQuietly(work);
                }
                if (done || !swapping) {
                    journal.close();
                }
            }
        }
    }

    /** The swap of {@link #decrypt}, also the roll-forward of {@link Recovery}: renames and deleting the key file. */
    static void swapOut(DataHome home, Path work) throws IOException {
        Path plainBackups = work.resolve(Backups.FOLDER);
        if (Files.isDirectory(plainBackups)) {
            Path folder = new Backups(home).folder();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(plainBackups, "*" + Backups.EXTENSION)) {
                for (Path f : files) {
                    Files.move(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        Path copy = work.resolve(STORE_FILE);
        if (Files.exists(copy)) {
            Files.move(copy, home.storeFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (!Store.isEncryptedFile(home.storeFile())) {
            KeyFile.delete(home.dir());
            Files.deleteIfExists(unseenRecoveryKey(home));
        }
        AtomicFiles.syncFolder(home.dir());
    }

    /** Makes a new recovery key for the unlocked {@code key} when the old one was never shown (see {@link #UNSEEN_RECOVERY_KEY}). */
    static String newRecoveryKey(DataHome home, MasterKey key) {
        return KeyFile.read(home.dir()).replaceRecoveryKey(key);
    }

    private static void verify(Path work, char[] filePassword, Map<String, Long> expected) throws SQLException {
        String url = Store.jdbcUrl(work.resolve("store"), filePassword != null) + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "crisis", Store.h2Password(filePassword))) {
            Integrity.readEveryRow(c);
            Map<String, Long> actual = Backups.rowCounts(c);
            if (!actual.equals(expected)) {
                throw new SQLException("the converted copy has " + actual + " rows, the store has " + expected);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    /**
     * Overwrites and deletes the plain backups in the backups folder and the plain pre-restore copies
     * of the store (after turning encryption on).
     */
    static List<Path> removePlaintextCopies(DataHome home) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Backups.Backup b : new Backups(home).list()) {
            if (!b.manifest().encrypted()) {
                Workspace.shred(b.file());
                removed.add(b.file());
            }
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(home.dir(), "store.mv.db.before-restore-*")) {
            for (Path p : copies) {
                if (!Store.isEncryptedFile(p)) {
                    Workspace.shred(p);
                    removed.add(p);
                }
            }
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }

}
