package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * The one place that tells a full disk, a read-only disk or file and a refused permission from a
 * damaged store. H2 reports a full disk as a "general error" (50000) whose cause chain ends in
 * {@code IOException: No space left on device}, and then closes the database (90098 on the next
 * call); Jdbi wraps all of it once more. Callers (opening, every write, backups, restores, the
 * command line) get a {@link StoreException} with a plain message that says what to do, and never
 * a hint to restore a backup: nothing is damaged.
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    /** The file-system problem behind {@code t} (its causes and suppressed exceptions), if it is one. */
    public static Optional<StoreException.Problem> problemOf(Throwable t) {
        StoreException.Problem found = null;
        for (Throwable c : everything(t)) {
            StoreException.Problem p = problemOfOne(c);
            if (p != null) {
                found = better(found, p);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * {@code t} as a plain {@link StoreException} when it is a file-system problem (or already a
     * {@link StoreException} of one); empty for anything else.
     *
     * @param what what did not happen, e.g. "the change was not saved" (null: a phrase that fits the problem)
     */
    public static Optional<StoreException> classify(DataHome home, Throwable t, String what) {
        for (Throwable c : everything(t)) {
            if (c instanceof StoreException e && isFileSystemProblem(e.problem())) {
                return Optional.of(e);
            }
        }
        return problemOf(t).map(p -> new StoreException(p, message(home, p, what), t));
    }

    /** As {@link #classify(DataHome, Throwable, String)} with the phrase that fits the problem. */
    public static Optional<StoreException> classify(DataHome home, Throwable t) {
        return classify(home, t, null);
    }

    /** Whether the problem is one of the file system (nothing in the store is damaged). */
    public static boolean isFileSystemProblem(StoreException.Problem p) {
        return p == StoreException.Problem.DISK_FULL || p == StoreException.Problem.READ_ONLY
                || p == StoreException.Problem.PERMISSION_DENIED || p == StoreException.Problem.CLOSED_AFTER_FAILURE;
    }

    /** Whether H2 closed the database under {@code t} (after a failed write): a new connection pool is needed. */
    static boolean databaseClosed(Throwable t) {
        for (Throwable c : everything(t)) {
            if (c instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                    || sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)) {
                return true;
            }
        }
        return false;
    }

    /** The plain message for a file-system problem of the store in {@code home}. */
    public static String message(DataHome home, StoreException.Problem p, String what) {
        String dir = home.dir().toString();
        switch (p) {
            case DISK_FULL:
                return "The disk holding " + dir + " is full: " + or(what, "the change was not saved")
                        + ". Free some space on that disk, then try again; nothing in the store is damaged.";
            case READ_ONLY:
                return "The store in " + dir + " is read-only because "
                        + home.readOnlyReason().orElse("its disk or file does not accept writes") + ": "
                        + or(what, "the change was not made")
                        + ". Copy the folder to a writable disk and use --data, or make it writable.";
            case PERMISSION_DENIED:
                return "Crisis Console may not write in " + dir + " (permission denied, or a file is marked immutable): "
                        + or(what, "the change was not saved")
                        + ". Give this user write access to the folder and its files (see also lsattr), or use --data"
                        + " with another folder.";
            case CLOSED_AFTER_FAILURE:
                return "The store in " + dir + " was closed after a write failed (usually a full disk): "
                        + or(what, "the change was not saved")
                        + ". Free some space on that disk; the store reconnects on the next try.";
            default:
                throw new IllegalArgumentException(p + " is not a file-system problem");
        }
    }

    private static String or(String what, String fallback) {
        return what == null || what.isBlank() ? fallback : what;
    }

    /** More specific problems win: a full disk explains a closed database, not the other way round. */
    private static StoreException.Problem better(StoreException.Problem a, StoreException.Problem b) {
        if (a == null) {
            return b;
        }
        return priority(b) < priority(a) ? b : a;
    }

    private static int priority(StoreException.Problem p) {
        switch (p) {
            case DISK_FULL:
                return 0;
            case READ_ONLY:
                return 1;
            case PERMISSION_DENIED:
                return 2;
            default:
                return 3;
        }
    }

    private static StoreException.Problem problemOfOne(Throwable c) {
        if (c instanceof SQLException sql) {
            if (sql.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY) {
                return StoreException.Problem.READ_ONLY;
            }
            if (sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                    || sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                return StoreException.Problem.CLOSED_AFTER_FAILURE;
            }
        }
        if (c instanceof AccessDeniedException) {
            return StoreException.Problem.PERMISSION_DENIED;
        }
        String text = c instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : c.getMessage();
        if (!(c instanceof IOException) && !(c instanceof SQLException) && !isH2(c)) {
            return null;
        }
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("no space left on device") || t.contains("disk quota exceeded") || t.contains("not enough space")
                || t.contains("there is not enough space on the disk")) {
            return StoreException.Problem.DISK_FULL;
        }
        if (t.contains("read-only file system")) {
            return StoreException.Problem.READ_ONLY;
        }
        if (t.contains("permission denied") || t.contains("operation not permitted") || t.contains("access is denied")) {
            return StoreException.Problem.PERMISSION_DENIED;
        }
        return null;
    }

    private static boolean isH2(Throwable c) {
        return c.getClass().getName().startsWith("org.h2.");
    }

    /** {@code t}, its causes and its suppressed exceptions, each once. */
    private static Iterable<Throwable> everything(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (t != null) {
            todo.add(t);
        }
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getCause() != null) {
                todo.add(c.getCause());
            }
            if (c instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            Collections.addAll(todo, c.getSuppressed());
        }
        return seen;
    }
}
