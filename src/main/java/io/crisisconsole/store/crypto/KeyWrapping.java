package io.crisisconsole.store.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * The cryptography of the {@link KeyFile}: the master key wrapped with AES-256-GCM under a key
 * derived from a secret (passphrase or recovery key) with PBKDF2-HMAC-SHA256, and the key check
 * (HMAC-SHA256 under the master key of a fixed label). Knows nothing of files or JSON; the
 * additional data of each wrapping comes from the caller ({@link KeyFileFormat#additionalData}).
 *
 * <p>Derived keys are zeroed after use, as far as the JCE allows; the secret and key arrays stay
 * the caller's to clear.
 */
final class KeyWrapping {

    static final String KDF = "PBKDF2WithHmacSHA256";
    /** Fewer than this is never written (and, in a file, means tampering). */
    static final int MIN_ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int WRAPPED_BYTES = MasterKey.BYTES + TAG_BITS / 8;
    static final int KEY_CHECK_BYTES = 32;

    private static final byte[] KEY_CHECK_LABEL =
            "crisis-console store.key.json key check".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One wrapped copy of the master key. */
    record Wrapped(byte[] salt, byte[] iv, byte[] ciphertext) {
    }

    private KeyWrapping() {
    }

    /** Wraps {@code key} under {@code secret} with a new salt and IV. */
    static Wrapped wrap(byte[] key, char[] secret, int iterations, byte[] additionalData) {
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
            cipher.updateAAD(additionalData);
            return new Wrapped(salt, iv, cipher.doFinal(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The unwrapped key bytes, or null if the GCM check fails. The caller zeroes them. */
    static byte[] unwrap(Wrapped w, char[] secret, int iterations, byte[] additionalData) {
        byte[] kek = derive(secret, w.salt(), iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, w.iv()));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(w.ciphertext());
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** HMAC-SHA256 under {@code key} of a fixed label: tells whether a key is the one a file holds. */
    static byte[] keyCheck(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(KEY_CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
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
}
