package io.crisisconsole.store;

import io.crisisconsole.store.crypto.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the store, one sequence for the window and the command line: finish or undo the heavy
 * operations a killed process left behind ({@link Recovery}, only when no one else holds the data
 * folder's {@link AppLock}; {@link #recover()} says what it did), set aside a stray key file
 * (see {@link Encryption#needsPassphrase}), unlock an encrypted store with the credentials given,
 * open the file (one process at a time, older format, damage), migrate it and check its integrity
 * (newest changes silently lost, damage in the middle of the file). The result is an
 * {@link Outcome} that the caller renders; nothing here asks the person anything or calls back up.
 *
 * <p>One opener per data folder and attempt to get it open. It keeps the key it unlocked between
 * calls, so that after {@link Refused} a restore or "open it as it is" needs no passphrase again;
 * the {@link Store} it opens takes the key over. {@link #close()} destroys a key no store took.
 * Credentials handed in are cleared after use.
 */
public final class StoreOpener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

    /** How to treat a store that holds fewer changes than were acknowledged. */
    public enum OpenMode {
        /** Refuse it ({@link Refused} with {@link StoreException.Problem#LOST_CHANGES}). */
        NORMAL,
        /** The person chose to go on with what is there rather than restore a backup. */
        ACCEPT_LOST_CHANGES
    }

    /** What an attempt to open the store came to. */
    public sealed interface Outcome permits Opened, NotOpened {

        /** The open store, else a {@link StoreException} saying why not (for callers that cannot ask anyone). */
        Store storeOrThrow();
    }

    /** The store is open and checked; the caller owns it now. {@code restored}: the backup put in place first, if any. */
    public record Opened(Store store, Optional<Backups.Restored> restored) implements Outcome {
        @Override
        public Store storeOrThrow() {
            return store;
        }
    }

    /** Why the store did not open; {@link #message()} is written for the person at the keyboard. */
    public sealed interface NotOpened extends Outcome permits Locked, Refused {

        String message();
    }

    /** The store is encrypted and needs a passphrase or the recovery key, or the one given is not right. */
    public record Locked(DataHome home, Reason reason, String message) implements NotOpened {

        public enum Reason {
            NEEDS_PASSPHRASE,
            WRONG_PASSPHRASE
        }

        @Override
        public Store storeOrThrow() {
            throw new StoreException(reason == Reason.NEEDS_PASSPHRASE ? StoreException.Problem.NEEDS_PASSPHRASE
                    : StoreException.Problem.WRONG_PASSPHRASE, message, null);
        }
    }

    /**
     * The store cannot be used as it is. {@code canRestore}: restoring a backup would mend it (the
     * newest backup in the backups folder, if there is one, is {@code newestBackup}); {@code
     * canOpenAsIs}: it can also be opened as it is ({@link OpenMode#ACCEPT_LOST_CHANGES}).
     */
    public record Refused(StoreException.Problem problem, String message, Optional<Backups.Backup> newestBackup,
            boolean canOpenAsIs, boolean canRestore) implements NotOpened {

        /** Whether restoring a backup mends a store with this problem. */
        public static boolean restoreHelps(StoreException.Problem problem) {
            return problem == StoreException.Problem.LOST_CHANGES || problem == StoreException.Problem.DAMAGED;
        }

        /** Whether a store with this problem can still be opened as it is. */
        public static boolean openingAsIsHelps(StoreException.Problem problem) {
            return problem == StoreException.Problem.LOST_CHANGES;
        }

        @Override
        public Store storeOrThrow() {
            throw new StoreException(problem, message, null);
        }
    }

    private final DataHome home;
    /** The unlocked key of an encrypted store until a {@link Store} takes it; null before, after, or for a plain store. */
    private MasterKey key;
    /** This opener's share of the data folder's lock, from the first call until {@link #close()}. */
    private AppLock.Held lock;
    private List<Recovery.Note> recovered;
    /** A recovery key made at the unlock because the one made with the key file was never shown; null if none. */
    private String newRecoveryKey;
    /** Told where each opening of the file got (the start-up window's progress line). */
    private volatile java.util.function.Consumer<Store.OpenStep> steps = step -> { };

    public StoreOpener(DataHome home) {
        this.home = home;
    }

    /** Tells {@code listener}, on the opening thread, each step of every opening of the file from now on. */
    public void onStep(java.util.function.Consumer<Store.OpenStep> listener) {
        this.steps = java.util.Objects.requireNonNull(listener);
    }

    public DataHome home() {
        return home;
    }

    /** Opens a plain store, or an encrypted one this opener has already unlocked. */
    public Outcome open(OpenMode mode) {
        return open(Credentials.none(), mode);
    }

    /** The whole sequence: unlock with {@code credentials} when the store is encrypted, open, check. */
    public synchronized Outcome open(Credentials credentials, OpenMode mode) {
        Optional<NotOpened> notUnlocked = unlock(credentials);
        if (notUnlocked.isPresent()) {
            return notUnlocked.get();
        }
        return openFile(mode, Optional.empty());
    }

    /**
     * Only the first step: unlocks an encrypted store (no-op for a plain one, or when already
     * unlocked), for work that needs the key but not the open store (changing the passphrase while
     * the window has the store open). Empty when the store can be opened without more credentials.
     */
    public synchronized Optional<NotOpened> unlock(Credentials credentials) {
        try {
            recover();
            if (key != null || !Encryption.needsPassphrase(home)) {
                return Optional.empty();
            }
            if (credentials instanceof Credentials.Passphrase passphrase) {
                key = Encryption.unlock(home, passphrase.chars());
            } else if (credentials instanceof Credentials.RecoveryKey recovery) {
                key = Encryption.unlockWithRecoveryKey(home, new String(recovery.chars()));
            } else {
                return Optional.of(new Locked(home, Locked.Reason.NEEDS_PASSPHRASE, Store.lockedMessage(home)));
            }
            if (Encryption.recoveryKeyUnseen(home)) {
                try {
                    newRecoveryKey = Encryption.newRecoveryKey(home, key);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot make a new recovery key in {}: {}", home.dir(), e.getMessage());
                }
            }
            return Optional.empty();
        } catch (StoreException e) {
            return Optional.of(notOpened(e));
        } finally {
            credentials.clear();
        }
    }

    /**
     * Replaces the store with {@code backupFile} (loaded into a new file and checked first, see
     * {@link Backups}), then opens it. An encrypted store must be unlocked already (else
     * {@link Locked}): the backup is decrypted and the restored file encrypted with its key.
     */
    public synchronized Outcome restoreAndOpen(Path backupFile) {
        Optional<NotOpened> notUnlocked = unlock(Credentials.none());
        if (notUnlocked.isPresent()) {
            return notUnlocked.get();
        }
        char[] filePassword = key == null ? null : key.h2FilePassword();
        Backups.Restored restored;
        try {
            restored = Backups.restore(home, backupFile, filePassword);
        } catch (StoreException e) {
            return notOpened(e);
        } finally {
            if (filePassword != null) {
                Arrays.fill(filePassword, '\0');
            }
        }
        return openFile(OpenMode.NORMAL, Optional.of(restored));
    }

    /**
     * The first step of every call, also on its own (before turning encryption on): takes this
     * opener's share of the data folder's lock and, when no one else held it, finishes or undoes the
     * operations a killed process left behind and removes their work files. What it did, in the order
     * done; the same list on every call (it runs once per opener). Empty when there was nothing to do,
     * or someone else has the folder.
     */
    public synchronized List<Recovery.Note> recover() {
        if (recovered == null) {
            recovered = List.of();
            if (Files.isDirectory(home.dir())) {
                lock = AppLock.acquire(home).orElse(null);
                if (lock != null && lock.first()) {
                    recovered = List.copyOf(Recovery.run(home));
                }
            }
        }
        return recovered;
    }

    /**
     * A new recovery key to show the person once, made at the unlock because the one made when
     * encryption was turned on was never shown (that was interrupted). Call {@link #recoveryKeyShown()}
     * once it is on the screen.
     */
    public synchronized Optional<String> newRecoveryKey() {
        return Optional.ofNullable(newRecoveryKey);
    }

    /** The {@link #newRecoveryKey()} has been shown: forget it, and make no other at the next unlock. */
    public synchronized void recoveryKeyShown() {
        newRecoveryKey = null;
        Encryption.recoveryKeyShown(home);
    }

    /** Whether this opener holds the unlocked key of an encrypted store (no store has taken it yet). */
    public synchronized boolean hasKey() {
        return key != null;
    }

    /** The outcome for a store problem met outside the sequence (e.g. while wiring the app around the open store). */
    public Refused refused(StoreException e) {
        boolean restoreHelps = Refused.restoreHelps(e.problem());
        LOG.debug("The store in {} is not usable: {}", home.dir(), e.problem(), e);
        return new Refused(e.problem(), e.getMessage(), restoreHelps ? newestBackup() : Optional.empty(),
                Refused.openingAsIsHelps(e.problem()), restoreHelps);
    }

    /** The unlocked key, for {@link Encryption}'s work on the key alone; null for a plain store. */
    synchronized MasterKey key() {
        return key;
    }

    /** Destroys an unlocked key that no store took. */
    @Override
    public synchronized void close() {
        if (key != null) {
            key.destroy();
            key = null;
        }
        newRecoveryKey = null;
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private Outcome openFile(OpenMode mode, Optional<Backups.Restored> restored) {
        try {
            Store store = Store.open(home, key, mode == OpenMode.ACCEPT_LOST_CHANGES, steps);
            key = null; // the store holds it now (its backups are encrypted with it)
            return new Opened(store, restored);
        } catch (StoreException e) {
            return notOpened(e);
        }
    }

    private NotOpened notOpened(StoreException e) {
        switch (e.problem()) {
            case NEEDS_PASSPHRASE:
                return new Locked(home, Locked.Reason.NEEDS_PASSPHRASE, e.getMessage());
            case WRONG_PASSPHRASE:
                return new Locked(home, Locked.Reason.WRONG_PASSPHRASE, e.getMessage());
            default:
                return refused(e);
        }
    }

    private Optional<Backups.Backup> newestBackup() {
        try {
            return new Backups(home).newest();
        } catch (RuntimeException e) {
            LOG.warn("The backups folder of {} cannot be read: {}", home.dir(), e.getMessage());
            return Optional.empty();
        }
    }
}
