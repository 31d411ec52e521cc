package io.crisisconsole.store.crypto;

import java.io.ByteArrayOutputStream;

/**
 * Crockford's base32 (https://www.crockford.com/base32.html), used for the recovery key because
 * it is meant to be read and typed by people: no I, L, O or U, case-insensitive, and the look-alikes
 * O/I/L are read as 0/1/1. Written here because no library on the class path implements it
 * (commons-codec's Base32 is the RFC 4648 alphabet, and is not a dependency anyway).
 */
final class CrockfordBase32 {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private CrockfordBase32() {
    }

    /** Upper-case symbols, most significant bit first, no padding, no separators. */
    static char[] encode(byte[] data) {
        int symbols = (data.length * 8 + 4) / 5;
        char[] out = new char[symbols];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[o++] = ALPHABET.charAt((buffer >> (bits - 5)) & 0x1f);
                bits -= 5;
            }
            buffer &= (1 << bits) - 1;
        }
        if (bits > 0) {
            out[o] = ALPHABET.charAt((buffer << (5 - bits)) & 0x1f);
        }
        return out;
    }

    /**
     * The value of one symbol, or -1 if {@code c} is not one. Accepts lower case and reads O as 0
     * and I and L as 1.
     */
    static int valueOf(char c) {
        char u = (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
        switch (u) {
            case 'O':
                return 0;
            case 'I':
            case 'L':
                return 1;
            default:
                return ALPHABET.indexOf(u);
        }
    }

    /**
     * Decodes symbols (no separators; see {@link RecoveryKey#parse} for those). Leftover bits at
     * the end must be zero, so each byte string has exactly one encoding.
     *
     * @throws IllegalArgumentException if a character is not a symbol or the leftover bits are set
     */
    static byte[] decode(char[] symbols) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(symbols.length * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < symbols.length; i++) {
            int v = valueOf(symbols[i]);
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not a base32 symbol");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        if (buffer != 0) {
            throw new IllegalArgumentException("the last symbol has stray bits");
        }
        return out.toByteArray();
    }
}
