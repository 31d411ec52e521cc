package io.crisisconsole.store.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The random 256-bit key the store is encrypted with. It never leaves memory in the clear except
 * as the H2 file password; on disk it exists only wrapped in the {@link KeyFile}.
 *
 * <p>{@link #destroy()} zeroes the bytes (best effort: the JVM may have copied them, and the
 * char arrays handed out by {@link #h2FilePassword()} are the caller's to clear).
 * {@link #toString()} never shows the key.
 */
public final class MasterKey implements Destroyable {

    /** Key length in bytes (AES-256). */
    public static final int BYTES = 32;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private volatile boolean destroyed;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new key from {@code random}. */
    static MasterKey generate(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new MasterKey(b);
    }

    /** A key holding a copy of {@code key}; the caller clears its own array. */
    static MasterKey of(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("A master key has " + BYTES + " bytes, not " + key.length);
        }
        return new MasterKey(key.clone());
    }

    /**
     * The file password for H2: the key as 64 lowercase hex characters. Being 256 random bits,
     * H2's own weak derivation from it does not matter. The caller should clear the array when
     * done with it.
     */
    public char[] h2FilePassword() {
        checkLive();
        char[] out = new char[BYTES * 2];
        for (int i = 0; i < BYTES; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return out;
    }

    /** A copy of the key bytes for wrapping; the caller zeroes it after use. */
    byte[] copyBytes() {
        checkLive();
        return bytes.clone();
    }

    /** Zeroes the key; any later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("This master key has been destroyed");
        }
    }

    @Override
    public String toString() {
        return destroyed ? "MasterKey[destroyed]" : "MasterKey[256 bits, not shown]";
    }
}
