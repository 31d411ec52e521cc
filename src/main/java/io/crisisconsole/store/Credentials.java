package io.crisisconsole.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the person gives to unlock an encrypted store: nothing (yet), the passphrase, or the
 * recovery key shown when encryption was turned on. The characters are the caller's until they
 * are handed to {@link StoreOpener}, which clears them after use; {@link #toString()} never shows
 * them.
 */
public sealed interface Credentials permits Credentials.None, Credentials.Secret {

    static Credentials none() {
        return None.INSTANCE;
    }

    static Credentials passphrase(char[] passphrase) {
        return new Passphrase(passphrase);
    }

    /** The recovery key as people copy it (any case, with or without dashes or spaces). */
    static Credentials recoveryKey(char[] recoveryKey) {
        return new RecoveryKey(recoveryKey);
    }

    /** Overwrites the characters; nothing to do for {@link None}. */
    void clear();

    /** No credentials: enough for a plain store, a reason to be {@link StoreOpener.Locked} for an encrypted one. */
    final class None implements Credentials {
        private static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public void clear() {
        }

        @Override
        public String toString() {
            return "Credentials.None";
        }
    }

    /** A typed secret: the characters, cleared after use, never shown. */
    abstract sealed class Secret implements Credentials permits Passphrase, RecoveryKey {
        private final char[] chars;

        private Secret(char[] chars, String what) {
            this.chars = Objects.requireNonNull(chars, what);
        }

        char[] chars() {
            return chars;
        }

        @Override
        public void clear() {
            Arrays.fill(chars, '\0');
        }

        @Override
        public String toString() {
            return "Credentials." + getClass().getSimpleName() + "[not shown]";
        }
    }

    /** The passphrase. */
    final class Passphrase extends Secret {
        private Passphrase(char[] chars) {
            super(chars, "passphrase");
        }
    }

    /** The recovery key. */
    final class RecoveryKey extends Secret {
        private RecoveryKey(char[] chars) {
            super(chars, "recovery key");
        }
    }
}
