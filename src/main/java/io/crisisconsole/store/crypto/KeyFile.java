package io.crisisconsole.store.crypto;

import io.crisisconsole.toolkit.StrictText;
import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.store.StoreException.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;
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
    public static final int FORMAT = 1;
    public static final String KDF = "PBKDF2WithHmacSHA256";
    /** What new files get; OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer than this in a file means the file was tampered with. */
    public static final int MIN_ITERATIONS = 600_000;
    /** More than this would make an unlock take minutes; treated as damage. */
    public static final int MAX_ITERATIONS = 10_000_000;
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    public static final long MAX_BYTES = 64 * 1024;

    static final int SALT_BYTES = 16;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int WRAPPED_BYTES = MasterKey.BYTES + TAG_BITS / 8;
    static final int KEY_CHECK_BYTES = 32;
    static final String PURPOSE_PASSPHRASE = "passphrase";
    static final String PURPOSE_RECOVERY = "recovery";

    private static final byte[] KEY_CHECK_LABEL =
            "crisis-console store.key.json key check".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One wrapped copy of the master key. */
    private record Wrapped(byte[] salt, byte[] iv, byte[] ciphertext) {
    }

    /** What is in the file. */
    private record Contents(int iterations, Wrapped passphrase, Wrapped recovery, byte[] keyCheck,
                            Instant createdAt) {
    }

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
                    wrap(keyBytes, passphrase, iterations, PURPOSE_PASSPHRASE),
                    wrap(keyBytes, recoveryCanonical, iterations, PURPOSE_RECOVERY),
                    keyCheck(keyBytes),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            write(dataDir, c);
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
        Path file = path(dataDir);
        byte[] raw;
        try {
            raw = StrictText.readBytes(file, MAX_BYTES);
        } catch (StrictText.Refused r) {
            switch (r.reason()) {
                case TOO_LARGE:
                    throw damaged(file, "it is larger than " + MAX_BYTES + " bytes", null);
                case NO_SUCH_FILE:
                    throw new KeyFileException(Problem.OTHER, "There is no key file at " + file, r);
                default:
                    throw new KeyFileException(Problem.OTHER, "Cannot read the key file " + file + ": "
                            + (r.getCause() == null ? r.getMessage() : r.getCause().getMessage()), r);
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw damaged(file, "it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw damaged(file, "it is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw damaged(file, "it does not hold a JSON object", null);
        }
        return new KeyFile(dataDir, parse(file, root));
    }

    private static Contents parse(Path file, JsonNode root) {
        JsonNode format = required(file, root, "format");
        if (!format.isIntegralNumber()) {
            throw damaged(file, "\"format\" is not a number", null);
        }
        if (!format.canConvertToInt() || format.intValue() != FORMAT) {
            throw new KeyFileException(Problem.OTHER, "The key file " + file + " is in format " + format.asText()
                    + ", which this version of Crisis Console does not know (it knows format " + FORMAT + ")", null);
        }
        String kdf = required(file, root, "kdf").asText();
        if (!KDF.equals(kdf)) {
            throw damaged(file, "\"kdf\" is \"" + kdf + "\", expected \"" + KDF + "\"", null);
        }
        JsonNode it = required(file, root, "iterations");
        if (!it.isIntegralNumber() || !it.canConvertToInt()) {
            throw damaged(file, "\"iterations\" is not a whole number", null);
        }
        int iterations = it.intValue();
        if (iterations < MIN_ITERATIONS) {
            throw damaged(file, "it asks for " + iterations + " key-derivation iterations, fewer than the "
                    + MIN_ITERATIONS + " Crisis Console always writes; it may have been tampered with", null);
        }
        if (iterations > MAX_ITERATIONS) {
            throw damaged(file, "it asks for " + iterations + " key-derivation iterations, more than the "
                    + MAX_ITERATIONS + " accepted", null);
        }
        Wrapped passphrase = new Wrapped(
                bytes(file, root, "passphraseSalt", SALT_BYTES, 1024),
                bytes(file, root, "passphraseIv", IV_BYTES, IV_BYTES),
                bytes(file, root, "passphraseWrapped", WRAPPED_BYTES, WRAPPED_BYTES));
        Wrapped recovery = new Wrapped(
                bytes(file, root, "recoverySalt", SALT_BYTES, 1024),
                bytes(file, root, "recoveryIv", IV_BYTES, IV_BYTES),
                bytes(file, root, "recoveryWrapped", WRAPPED_BYTES, WRAPPED_BYTES));
        byte[] keyCheck = bytes(file, root, "keyCheck", KEY_CHECK_BYTES, KEY_CHECK_BYTES);
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(file, root, "createdAt").asText());
        } catch (DateTimeParseException e) {
            throw damaged(file, "\"createdAt\" is not an ISO instant", e);
        }
        return new Contents(iterations, passphrase, recovery, keyCheck, createdAt);
    }

    private static JsonNode required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw damaged(file, "the field \"" + field + "\" is missing", null);
        }
        if (!n.isValueNode()) {
            throw damaged(file, "the field \"" + field + "\" is not a single value", null);
        }
        return n;
    }

    private static byte[] bytes(Path file, JsonNode root, String field, int min, int max) {
        JsonNode n = required(file, root, field);
        if (!n.isTextual()) {
            throw damaged(file, "the field \"" + field + "\" is not base64 text", null);
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw damaged(file, "the field \"" + field + "\" is not valid base64", e);
        }
        if (b.length < min || b.length > max) {
            throw damaged(file, "the field \"" + field + "\" has " + b.length + " bytes, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max), null);
        }
        return b;
    }

    private static KeyFileException damaged(Path file, String why, Throwable cause) {
        return new KeyFileException(Problem.DAMAGED, "The key file " + file + " is damaged: " + why, cause);
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
        byte[] key = unwrap(c.passphrase(), passphrase, c.iterations(), PURPOSE_PASSPHRASE);
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
            byte[] key = unwrap(c.recovery(), canonical, c.iterations(), PURPOSE_RECOVERY);
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
            if (!MessageDigest.isEqual(keyCheck(key), c.keyCheck())) {
                throw damaged(path(dataDir), "the key it holds does not match its key check", null);
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
            if (!MessageDigest.isEqual(keyCheck(keyBytes), c.keyCheck())) {
                throw new IllegalArgumentException("This is not the master key of " + path(dataDir));
            }
            Contents next = new Contents(c.iterations(),
                    wrap(keyBytes, newPassphrase, c.iterations(), PURPOSE_PASSPHRASE),
                    c.recovery(), c.keyCheck(), c.createdAt());
            write(dataDir, next);
            contents = next;
            LOG.info("Passphrase changed in {}", path(dataDir));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
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

    // ---- crypto ----

    private static byte[] aad(String purpose) {
        return ("crisis-console store.key.json format=" + FORMAT + " purpose=" + purpose)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Wrapped wrap(byte[] key, char[] secret, int iterations, String purpose) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("Refusing to write fewer than " + MIN_ITERATIONS + " iterations");
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        byte[] kek = derive(secret, salt, iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(purpose));
            return new Wrapped(salt, iv, cipher.doFinal(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The unwrapped key bytes, or null if the GCM check fails. The caller zeroes them. */
    private static byte[] unwrap(Wrapped w, char[] secret, int iterations, String purpose) {
        byte[] kek = derive(secret, w.salt(), iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, w.iv()));
            cipher.updateAAD(aad(purpose));
            return cipher.doFinal(w.ciphertext());
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, MasterKey.BYTES * 8);
        try {
            SecretKey derived = SecretKeyFactory.getInstance(KDF).generateSecret(spec);
            byte[] kek = derived.getEncoded();
            try {
                derived.destroy();
            } catch (DestroyFailedException e) {
                // The JDK's PBKDF2 key cannot be destroyed; its copy is cleared when collected.
            }
            return kek;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(KDF + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] keyCheck(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(KEY_CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    // ---- file ----

    private static byte[] toJson(Contents c) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("kdf", KDF);
        o.put("iterations", c.iterations());
        o.put("passphraseSalt", b64.encodeToString(c.passphrase().salt()));
        o.put("passphraseIv", b64.encodeToString(c.passphrase().iv()));
        o.put("passphraseWrapped", b64.encodeToString(c.passphrase().ciphertext()));
        o.put("recoverySalt", b64.encodeToString(c.recovery().salt()));
        o.put("recoveryIv", b64.encodeToString(c.recovery().iv()));
        o.put("recoveryWrapped", b64.encodeToString(c.recovery().ciphertext()));
        o.put("keyCheck", b64.encodeToString(c.keyCheck()));
        o.put("createdAt", c.createdAt().toString());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static void write(Path dataDir, Contents c) {
        Path file = path(dataDir);
        try {
            AtomicFiles.write(file, toJson(c));
        } catch (IOException e) {
            throw new KeyFileException(Problem.OTHER, "Cannot write the key file " + file + ": " + e.getMessage(), e);
        }
    }
}
