package io.crisisconsole.store.crypto;

import io.crisisconsole.store.StoreException.Problem;
import io.crisisconsole.store.crypto.KeyFileFormat.Contents;
import io.crisisconsole.store.crypto.KeyWrapping.Wrapped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar {@value #FILE_NAME} in the data folder that holds the {@link MasterKey} wrapped
 * under the passphrase and, separately, under the recovery key.
 *
 * <p>Why a sidecar: H2 derives its file key from the password with 10 PBKDF2 iterations and gives
 * one error for a wrong password and a damaged header. Here each wrapping key is derived with
 * PBKDF2-HMAC-SHA256 at {@value #DEFAULT_ITERATIONS}+ iterations and the master key is wrapped with
 * AES-256-GCM, so a wrong passphrase is a failed GCM check ({@link WrongPassphraseException}),
 * while a file that is not valid JSON or has a missing or malformed field is damage
 * ({@link KeyFileException}). GCM cannot tell a wrong passphrase from a flipped bit in the wrapped
 * key; that case is reported as a wrong passphrase.
 *
 * <p>Format 1, JSON (binary values in standard base64):
 * <pre>
 * { "format": 1, "kdf": "PBKDF2WithHmacSHA256", "iterations": 600000,
 *   "passphraseSalt": 16 bytes, "passphraseIv": 12 bytes, "passphraseWrapped": 48 bytes (key + tag),
 *   "recoverySalt": 16 bytes,   "recoveryIv": 12 bytes,   "recoveryWrapped": 48 bytes,
 *   "keyCheck": 32 bytes, "createdAt": "2026-11-24T09:00:00Z" }
 * </pre>
 * The GCM additional data names the format and the purpose ({@code passphrase} or
 * {@code recovery}), so a wrapped key cannot be moved to the other slot or read as another format.
 * {@code keyCheck} is HMAC-SHA256 under the master key of a fixed label: it lets
 * {@link #changePassphrase} refuse a master key that is not this file's (which would otherwise
 * leave the passphrase and the recovery key opening different keys), and lets an unlock notice
 * that the two wrapped keys disagree. It tells nothing about the passphrase, and a 256-bit random
 * key cannot be guessed from it.
 *
 * <p>Reading rejects files over {@value #MAX_BYTES} bytes (checked before parsing), iterations
 * below {@value #MIN_ITERATIONS} (a lowered count can only be tampering, since nothing writes one)
 * and above {@value #MAX_ITERATIONS} (which would make an unlock hang). Unknown fields are
 * ignored; duplicate fields are refused.
 *
 * <p>Writes go to a temp file in the same folder (0600 where the file system has POSIX
 * permissions), are forced to disk, then moved over the old file atomically: losing this file
 * loses the store.
 *
 * <p>This class is the facade: the JSON contents (reading, checks, writing) are
 * {@link KeyFileFormat}, the PBKDF2 and AES-GCM work is {@link KeyWrapping}.
 *
 * <p>Secrets: passphrases and recovery keys are never logged or kept; the passphrase arrays stay
 * the caller's to clear. Derived keys and plaintext key copies are zeroed after use, as far as
 * the JCE allows (its key objects keep internal copies that only the garbage collector clears).
 *
 * <p>An instance reflects the file as read or last written by it; it is safe to share between
 * threads.
 */
public final class KeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    public static final String FILE_NAME = "store.key.json";
    public static final int FORMAT = KeyFileFormat.FORMAT;
    public static final String KDF = KeyWrapping.KDF;
    /** What new files get; OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer than this in a file means the file was tampered with. */
    public static final int MIN_ITERATIONS = KeyWrapping.MIN_ITERATIONS;
    /** More than this would make an unlock take minutes; treated as damage. */
    public static final int MAX_ITERATIONS = KeyFileFormat.MAX_ITERATIONS;
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    public static final long MAX_BYTES = KeyFileFormat.MAX_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The result of {@link #create}: the master key to encrypt the store with and the recovery
     * key to show the person once (the only place it ever exists in the clear).
     * {@link #toString()} shows neither.
     */
    public record Created(KeyFile keyFile, MasterKey masterKey, String recoveryKey) {
        @Override
        public String toString() {
            return "Created[" + keyFile + "]";
        }
    }

    private final Path dataDir;
    private volatile Contents contents;

    private KeyFile(Path dataDir, Contents contents) {
        this.dataDir = dataDir;
        this.contents = contents;
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(path(dataDir));
    }

    /**
     * Makes a new master key and recovery key and writes the key file. The data folder must
     * exist ({@link io.crisisconsole.store.DataHome#ensureExists()}).
     *
     * @throws IllegalArgumentException if the passphrase is shorter than
     *         {@value #MIN_PASSPHRASE_LENGTH} characters
     * @throws IllegalStateException if a key file is already there: replacing it would make the
     *         store it belongs to unreadable, so it has to be deleted on purpose first
     * @throws KeyFileException if it cannot be written
     */
    public static Created create(Path dataDir, char[] passphrase) {
        checkPassphrase(passphrase);
        if (Files.exists(path(dataDir), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("There is already a key file at " + path(dataDir)
                    + "; delete it first if encryption is to start over");
        }
        MasterKey master = MasterKey.generate(RANDOM);
        byte[] recoveryBytes = RecoveryKey.generate(RANDOM);
        char[] recoveryCanonical = RecoveryKey.canonical(recoveryBytes);
        byte[] keyBytes = master.copyBytes();
        try {
            int iterations = DEFAULT_ITERATIONS;
            Contents c = new Contents(iterations,
                    wrap(keyBytes, passphrase, iterations, KeyFileFormat.PURPOSE_PASSPHRASE),
                    wrap(keyBytes, recoveryCanonical, iterations, KeyFileFormat.PURPOSE_RECOVERY),
                    KeyWrapping.keyCheck(keyBytes),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            KeyFileFormat.write(path(dataDir), c);
            String recoveryText = RecoveryKey.format(recoveryBytes);
            LOG.info("Key file written to {}", path(dataDir));
            return new Created(new KeyFile(dataDir, c), master, recoveryText);
        } catch (RuntimeException e) {
            master.destroy();
            throw e;
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
            Arrays.fill(recoveryBytes, (byte) 0);
            Arrays.fill(recoveryCanonical, '\0');
        }
    }

    /**
     * Reads and checks the key file; does not derive anything yet, so it is fast.
     *
     * @throws KeyFileException naming the file if it is missing, too large, not valid JSON, has a
     *         missing or malformed field, an unknown format or too few iterations
     */
    public static KeyFile read(Path dataDir) {
        return new KeyFile(dataDir, KeyFileFormat.read(path(dataDir)));
    }

    /**
     * The master key, if the passphrase is right. Takes about as long as one PBKDF2 derivation
     * (most of a second); call it off the UI thread.
     *
     * @throws WrongPassphraseException if the GCM check fails (wrong passphrase, or the wrapped
     *         key was altered)
     * @throws KeyFileException if the passphrase opens a key that is not the one the file says
     *         it holds
     */
    public MasterKey unlock(char[] passphrase) {
        if (passphrase == null) {
            throw new WrongPassphraseException(dataDir);
        }
        Contents c = contents;
        byte[] key = unwrap(c.passphrase(), passphrase, c.iterations(), KeyFileFormat.PURPOSE_PASSPHRASE);
        if (key == null) {
            throw new WrongPassphraseException(dataDir);
        }
        return checked(c, key);
    }

    /**
     * The master key, if the recovery key is right. Accepts the text as people copy it (see
     * {@link RecoveryKey#parse}).
     *
     * @throws WrongRecoveryKeyException if the text is not shaped like a recovery key (the message
     *         says how, without repeating it) or the GCM check fails
     */
    public MasterKey unlockWithRecoveryKey(String recoveryKeyText) {
        byte[] recoveryBytes;
        try {
            recoveryBytes = RecoveryKey.parse(recoveryKeyText);
        } catch (IllegalArgumentException e) {
            throw new WrongRecoveryKeyException(dataDir, e.getMessage());
        }
        char[] canonical = RecoveryKey.canonical(recoveryBytes);
        Contents c = contents;
        try {
            byte[] key = unwrap(c.recovery(), canonical, c.iterations(), KeyFileFormat.PURPOSE_RECOVERY);
            if (key == null) {
                throw new WrongRecoveryKeyException(dataDir, null);
            }
            return checked(c, key);
        } finally {
            Arrays.fill(recoveryBytes, (byte) 0);
            Arrays.fill(canonical, '\0');
        }
    }

    private MasterKey checked(Contents c, byte[] key) {
        try {
            if (!MessageDigest.isEqual(KeyWrapping.keyCheck(key), c.keyCheck())) {
                throw KeyFileFormat.damaged(path(dataDir), "the key it holds does not match its key check", null);
            }
            return MasterKey.of(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Wraps {@code key} under a new passphrase (new salt and IV) and replaces the file atomically.
     * The recovery part, the iteration count and the creation time stay. Works after an unlock
     * with the recovery key, which is how a forgotten passphrase is replaced.
     *
     * @throws IllegalArgumentException if the passphrase is too short or {@code key} is not the
     *         key this file holds
     * @throws KeyFileException if the file cannot be written (the old one then stays)
     */
    public synchronized void changePassphrase(MasterKey key, char[] newPassphrase) {
        checkPassphrase(newPassphrase);
        Contents c = contents;
        byte[] keyBytes = key.copyBytes();
        try {
            if (!MessageDigest.isEqual(KeyWrapping.keyCheck(keyBytes), c.keyCheck())) {
                throw new IllegalArgumentException("This is not the master key of " + path(dataDir));
            }
            Contents next = new Contents(c.iterations(),
                    wrap(keyBytes, newPassphrase, c.iterations(), KeyFileFormat.PURPOSE_PASSPHRASE),
                    c.recovery(), c.keyCheck(), c.createdAt());
            KeyFileFormat.write(path(dataDir), next);
            contents = next;
            LOG.info("Passphrase changed in {}", path(dataDir));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /**
     * Makes a new recovery key for {@code key} (new salt and IV) and replaces the file atomically;
     * the old recovery key stops working. For when the recovery key made with the file was never
     * shown (turning encryption on was interrupted after the swap). The passphrase part stays.
     *
     * @return the new recovery key, to show the person once
     * @throws IllegalArgumentException if {@code key} is not the key this file holds
     * @throws KeyFileException if the file cannot be written (the old one then stays)
     */
    public synchronized String replaceRecoveryKey(MasterKey key) {
        Contents c = contents;
        byte[] keyBytes = key.copyBytes();
        byte[] recoveryBytes = RecoveryKey.generate(RANDOM);
        char[] recoveryCanonical = RecoveryKey.canonical(recoveryBytes);
        try {
            if (!MessageDigest.isEqual(KeyWrapping.keyCheck(keyBytes), c.keyCheck())) {
                throw new IllegalArgumentException("This is not the master key of " + path(dataDir));
            }
            Contents next = new Contents(c.iterations(), c.passphrase(),
                    wrap(keyBytes, recoveryCanonical, c.iterations(), KeyFileFormat.PURPOSE_RECOVERY),
                    c.keyCheck(), c.createdAt());
            KeyFileFormat.write(path(dataDir), next);
            contents = next;
            LOG.info("New recovery key written to {}", path(dataDir));
            return RecoveryKey.format(recoveryBytes);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
            Arrays.fill(recoveryBytes, (byte) 0);
            Arrays.fill(recoveryCanonical, '\0');
        }
    }

    /** Removes the key file, for when encryption is turned off. No error if it is not there. */
    public static void delete(Path dataDir) {
        Path file = path(dataDir);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new KeyFileException(Problem.OTHER, "Cannot delete the key file " + file + ": " + e.getMessage(), e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return path(dataDir);
    }

    /** The PBKDF2 iteration count both wrapping keys are derived with. */
    public int iterations() {
        return contents.iterations();
    }

    public Instant createdAt() {
        return contents.createdAt();
    }

    @Override
    public String toString() {
        return "KeyFile[" + file() + "]";
    }

    private static void checkPassphrase(char[] passphrase) {
        if (passphrase == null
                || Character.codePointCount(passphrase, 0, passphrase.length) < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("The passphrase must have at least " + MIN_PASSPHRASE_LENGTH
                    + " characters");
        }
    }

    private static Wrapped wrap(byte[] key, char[] secret, int iterations, String purpose) {
        return KeyWrapping.wrap(key, secret, iterations, KeyFileFormat.additionalData(purpose));
    }

    /** The unwrapped key bytes, or null if the GCM check fails. The caller zeroes them. */
    private static byte[] unwrap(Wrapped w, char[] secret, int iterations, String purpose) {
        return KeyWrapping.unwrap(w, secret, iterations, KeyFileFormat.additionalData(purpose));
    }
}
