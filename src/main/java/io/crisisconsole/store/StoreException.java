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
        /** The disk holding the data folder is full (nothing is damaged: free space and go on). */
        DISK_FULL,
        /** The data folder, its disk or a store file is read-only, or the store was opened read-only. */
        READ_ONLY,
        /** The system does not let this user write there (permissions, or an immutable file). */
        PERMISSION_DENIED,
        /** The database was closed after a write failed (a full disk); the store reconnects on the next use. */
        CLOSED_AFTER_FAILURE,
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
