package io.crisisconsole.store.crypto;

import io.crisisconsole.store.StoreException;

/**
 * The key file cannot be used: missing, unreadable, not valid JSON, a field missing or malformed,
 * an unknown format, too few PBKDF2 iterations (treated as tampering), too large, or it cannot be
 * written. The message names the file. {@link #problem()} is {@code DAMAGED} for anything wrong
 * with the contents and {@code OTHER} for a missing file, an unknown format or an I/O failure.
 */
public final class KeyFileException extends StoreException {

    KeyFileException(Problem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }
}
