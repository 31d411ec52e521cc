package io.crisisconsole.store;

import io.crisisconsole.toolkit.UserFacing;

/** A store problem with a message written for the person at the keyboard, not for a developer. */
public class StoreException extends RuntimeException implements UserFacing {

    public enum Problem {
        ALREADY_OPEN,
        NEEDS_PASSPHRASE,
        WRONG_PASSPHRASE,
        FOLDER_NOT_WRITABLE,
        OLDER_FORMAT,
        DAMAGED,
        LOST_CHANGES,
        MIGRATION_FAILED,
        OTHER
    }

    private final Problem problem;

    public StoreException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
