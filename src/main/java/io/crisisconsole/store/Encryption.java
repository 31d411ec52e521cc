package io.crisisconsole.store;

import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.store.crypto.WrongPassphraseException;
import io.crisisconsole.store.crypto.WrongRecoveryKeyException;
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
 * Backups of an encrypted store are encrypted with the same key.
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

    /**
     * Encrypts a plain store: encrypts a copy, checks every row of it against the original, then
     * puts the key file and the encrypted file in place (each with one rename). Plain backups and
     * pre-restore copies would still leak the data, so they are removed after a fresh encrypted
     * backup is written.
     */
    public static Encrypted encrypt(DataHome home, char[] passphrase) {
        if (KeyFile.exists(home.dir()) || (Files.exists(home.storeFile()) && Store.isEncryptedFile(home.storeFile()))) {
            throw new StoreException(StoreException.Problem.OTHER, "The store in " + home.dir() + " is already encrypted.",
                    null);
        }
        Map<String, Long> counts;
        try (Store plain = Store.open(home)) {
            counts = plain.rowCounts();
        }
        Path work = Workspace.create(home, "encrypt");
        try {
            Files.copy(home.storeFile(), work.resolve("store.mv.db"));
            KeyFile.Created created = KeyFile.create(work, passphrase);
            char[] filePassword = created.masterKey().h2FilePassword();
            try {
                ChangeFileEncryption.execute(work.toString(), "store", "AES", null, filePassword, true);
                verify(work, filePassword, counts);
            } finally {
                Arrays.fill(filePassword, '\0');
            }
            Files.move(work.resolve(KeyFile.FILE_NAME), KeyFile.path(home.dir()), StandardCopyOption.ATOMIC_MOVE);
            Files.move(work.resolve("store.mv.db"), home.storeFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Path fresh;
            try (Store encrypted = Store.open(home, created.masterKey(), false)) {
                fresh = new Backups(home).backupNow(encrypted).file();
            }
            List<Path> removed = removePlaintextCopies(home);
            return new Encrypted(created.recoveryKey(), removed, fresh);
        } catch (IOException | SQLException e) {
            throw new StoreException(StoreException.Problem.OTHER,
                    "Encryption was not turned on: " + e.getMessage() + ". The store was not changed.", e);
        } finally {
            Workspace.delete(work);
        }
    }

    /** Decrypts the encrypted store {@code unlocked} has unlocked back to a plain file and removes the key file. */
    public static void decrypt(StoreOpener unlocked) {
        decrypt(unlocked.home(), requireKey(unlocked));
    }

    static void decrypt(DataHome home, MasterKey key) {
        Map<String, Long> counts;
        try (Store encrypted = Store.open(home, key, false)) {
            counts = encrypted.rowCounts();
        }
        Path work = Workspace.create(home, "decrypt");
        char[] filePassword = key.h2FilePassword();
        try {
            Files.copy(home.storeFile(), work.resolve("store.mv.db"));
            ChangeFileEncryption.execute(work.toString(), "store", "AES", filePassword, null, true);
            verify(work, null, counts);
            Files.move(work.resolve("store.mv.db"), home.storeFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            KeyFile.delete(home.dir());
        } catch (IOException | SQLException e) {
            throw new StoreException(StoreException.Problem.OTHER,
                    "Encryption was not turned off: " + e.getMessage() + ". The store was not changed.", e);
        } finally {
            Arrays.fill(filePassword, '\0');
            Workspace.delete(work);
        }
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

    private static List<Path> removePlaintextCopies(DataHome home) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Backups.Backup b : new Backups(home).list()) {
            if (!b.manifest().encrypted()) {
                Files.delete(b.file());
                removed.add(b.file());
            }
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(home.dir(), "store.mv.db.before-restore-*")) {
            for (Path p : copies) {
                Files.delete(p);
                removed.add(p);
            }
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }
}
