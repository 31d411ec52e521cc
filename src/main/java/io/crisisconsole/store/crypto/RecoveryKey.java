package io.crisisconsole.store.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The recovery key: 160 random bits shown to the person once, to write down, as 32 Crockford
 * base32 symbols in 8 groups of 4 ({@code K7QM-2X9D-...}). Reading it back forgives what people do
 * when they copy it: lower case, spaces instead of dashes, O for 0 and I or L for 1.
 *
 * <p>There is no check symbol: a typo shows up as "not right", the same as a wrong key.
 */
final class RecoveryKey {

    /** 160 bits: exactly 32 base32 symbols. */
    static final int BYTES = 20;
    static final int SYMBOLS = 32;
    static final int GROUP = 4;

    private RecoveryKey() {
    }

    static byte[] generate(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return b;
    }

    /** The text to show: groups of 4 symbols joined with '-'. */
    static String format(byte[] key) {
        char[] symbols = CrockfordBase32.encode(key);
        StringBuilder sb = new StringBuilder(symbols.length + symbols.length / GROUP);
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0 && i % GROUP == 0) {
                sb.append('-');
            }
            sb.append(symbols[i]);
        }
        Arrays.fill(symbols, '\0');
        return sb.toString();
    }

    /**
     * The key bytes from text typed by a person. Dashes (including en and em dashes) and any
     * white space are ignored wherever they are.
     *
     * @throws IllegalArgumentException with a plain message (which never repeats the text)
     */
    static byte[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no recovery key was given");
        }
        char[] symbols = new char[text.length()];
        int n = 0;
        try {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '-' || c == '\u2013' || c == '\u2014' || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)) {
                    continue;
                }
                if (CrockfordBase32.valueOf(c) < 0) {
                    throw new IllegalArgumentException("character " + (i + 1)
                            + " cannot be part of a recovery key (they use digits and the letters A to Z except U)");
                }
                symbols[n++] = c;
            }
            if (n != SYMBOLS) {
                throw new IllegalArgumentException("a recovery key has " + SYMBOLS
                        + " letters and digits, this one has " + n);
            }
            return CrockfordBase32.decode(Arrays.copyOf(symbols, n));
        } finally {
            Arrays.fill(symbols, '\0');
        }
    }

    /**
     * The one canonical spelling (upper case, no dashes) that the key-encryption key is derived
     * from, so every accepted spelling of the key derives the same key. The caller clears it.
     */
    static char[] canonical(byte[] key) {
        return CrockfordBase32.encode(key);
    }
}
