package io.crisisconsole.store.crypto;

import java.nio.file.Path;

/**
 * The passphrase does not open the key file. AES-GCM cannot tell a wrong passphrase from a
 * tampered or bit-flipped wrapped key, so this is also what such damage looks like; damage to the
 * file's structure is a {@link KeyFileException} instead. The recovery key is the way out for
 * someone who is sure of their passphrase.
 *
 * <p>Unchecked, like {@link io.crisisconsole.store.StoreException}; callers that ask for a
 * passphrase catch it and ask again.
 */
public final class WrongPassphraseException extends RuntimeException {

    private final Path dataDir;

    public WrongPassphraseException(Path dataDir) {
        super("The passphrase is not right for " + dataDir);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
