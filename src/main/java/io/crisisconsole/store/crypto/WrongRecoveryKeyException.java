package io.crisisconsole.store.crypto;

import java.nio.file.Path;

/**
 * The recovery key does not open the key file, either because it is not shaped like a recovery
 * key (the message says how) or because the GCM check failed (a different key, a typo, or a
 * tampered wrapped key; GCM cannot tell these apart).
 */
public final class WrongRecoveryKeyException extends RuntimeException {

    private final Path dataDir;

    WrongRecoveryKeyException(Path dataDir, String detail) {
        super("The recovery key is not right for " + dataDir + (detail == null ? "" : ": " + detail));
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
