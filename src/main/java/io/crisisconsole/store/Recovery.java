package io.crisisconsole.store;

import io.crisisconsole.store.crypto.KeyFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes or undoes the heavy operations a killed process left behind, from their {@link Journal}s,
 * and removes (overwrites, then deletes: see {@link Workspace#shred}) their work files; then sweeps
 * the work files of versions that wrote no journal. Runs in {@link StoreOpener}'s sequence before the
 * store file is looked at (an encrypt may be half swapped), and only when this process took the
 * {@link AppLock} from nobody, so no live operation's files are touched.
 *
 * <p>What each operation comes to: encrypt before the swap is undone (the store stays plain), after
 * it finished (no key needed: the rest is renames and removing plain copies; the recovery key made
 * then was never shown, so a new one is made at the next unlock, see {@link Encryption#UNSEEN_RECOVERY_KEY});
 * decrypt before the swap is undone, after it finished; an unfinished backup is removed; a restore
 * before its rename is undone, after it finished (the commit marker set to the backup's count).
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final Pattern SMALL_WRITE_TEMP =
            Pattern.compile("\\.(" + Pattern.quote(Journal.PREFIX) + "[a-z]+-[0-9a-f-]+" + Pattern.quote(Journal.SUFFIX)
                    + "|" + Pattern.quote(CommitMarker.FILE)
                    + "|" + Pattern.quote(DataHome.SETTINGS_FILE) + ")\\.[0-9]+\\.tmp");
    private static final Pattern WORK_FOLDER = Pattern.compile("(encrypt|decrypt|restore)-\\d+");

    /** What was found and done. */
    public enum Kind {
        ENCRYPT_UNDONE,
        ENCRYPT_FINISHED,
        DECRYPT_UNDONE,
        DECRYPT_FINISHED,
        BACKUP_REMOVED,
        RESTORE_UNDONE,
        RESTORE_FINISHED,
        LEFTOVERS_REMOVED,
        FAILED
    }

    /**
     * One thing recovery did. {@code subject}: the backup file name (restore), the number of files
     * removed (leftovers) or the reason (failed), else empty; {@code text}: an English sentence for
     * the command line and the log.
     */
    public record Note(Kind kind, String subject, String text) {
    }

    private Recovery() {
    }

    /** Recovers every interrupted operation in {@code home}; the caller holds the {@link AppLock} as its first holder. */
    static List<Note> run(DataHome home) {
        List<Note> notes = new ArrayList<>();
        boolean allDone = true;
        for (Path file : Journal.files(home.dir())) {
            Journal.Entry entry = Journal.read(file);
            try {
                if (entry != null) {
                    notes.add(recover(home, entry));
                    LOG.warn("{}", notes.get(notes.size() - 1).text());
                }
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                allDone = false;
                LOG.warn("Cannot recover the interrupted operation of {}", file, e);
                notes.add(new Note(Kind.FAILED, String.valueOf(e.getMessage()),
                        "An interrupted operation (" + file.getFileName() + ") could not be finished or undone: "
                                + e.getMessage() + ". Its work files may still be in " + home.dir() + "."));
            }
        }
        removeInterruptedSmallWrites(home);
        if (allDone) {
            int removed = sweepLeftovers(home);
            if (removed > 0) {
                notes.add(new Note(Kind.LEFTOVERS_REMOVED, Integer.toString(removed), "Removed " + removed
                        + " leftover work file(s) of an operation an earlier version did not finish."));
            }
        }
        return notes;
    }

    private static Note recover(DataHome home, Journal.Entry e) throws IOException {
        switch (e.operation()) {
            case ENCRYPT:
                return encrypt(home, e);
            case DECRYPT:
                return decrypt(home, e);
            case BACKUP:
                for (String p : e.work()) {
                    Path file = Path.of(p);
                    String name = file.getFileName().toString();
                    if ((name.startsWith("script-") && name.endsWith(".sql")) || (name.startsWith(".") && name.endsWith(".tmp"))) {
                        Workspace.shred(file);
                    }
                }
                return new Note(Kind.BACKUP_REMOVED, "",
                        "A backup was interrupted; its unfinished files were removed (the backups written before are kept).");
            case RESTORE:
                return restore(home, e);
            default:
                throw new IllegalStateException("unknown operation " + e.operation());
        }
    }

    private static Note encrypt(DataHome home, Journal.Entry e) throws IOException {
        Path work = workFolder(home, e);
        Path marker = home.dir().resolve(Encryption.UNSEEN_RECOVERY_KEY);
        if (e.phase() == Journal.Phase.PREPARING || !canFinishEncrypt(home, work)) {
            Encryption.shredWork(home, work);
            Files.deleteIfExists(marker);
            return new Note(Kind.ENCRYPT_UNDONE, "", "Turning encryption on was interrupted before the store was"
                    + " replaced; it was undone and its work files removed. The store is not encrypted.");
        }
        if (e.phase() == Journal.Phase.SWAPPING) {
            Encryption.swapIn(home, work, e.details().get(Encryption.FRESH_BACKUP));
        }
        Encryption.removePlaintextCopies(home);
        Encryption.shredWork(home, work);
        return new Note(Kind.ENCRYPT_FINISHED, "", "Turning encryption on was interrupted after the encrypted store"
                + " was ready; it was finished and the unencrypted copies removed. The store is encrypted. The recovery"
                + " key made then was never shown: a new one is made and shown after the next unlock.");
    }

    /** After the swap started: the encrypted copy (or the already swapped store) and a key file must be there. */
    private static boolean canFinishEncrypt(DataHome home, Path work) {
        boolean key = KeyFile.exists(home.dir()) || (work != null && KeyFile.exists(work));
        boolean store = Store.isEncryptedFile(home.storeFile())
                || (work != null && Files.isRegularFile(work.resolve(Encryption.STORE_FILE)));
        return key && store;
    }

    private static Note decrypt(DataHome home, Journal.Entry e) throws IOException {
        Path work = workFolder(home, e);
        if (e.phase() == Journal.Phase.PREPARING || work == null
                || (!Files.isRegularFile(work.resolve(Encryption.STORE_FILE)) && Store.isEncryptedFile(home.storeFile()))) {
            Workspace.shred(work == null ? home.dir().resolve("decrypt-none") : work);
            return new Note(Kind.DECRYPT_UNDONE, "", "Turning encryption off was interrupted before the store was"
                    + " replaced; it was undone and its unencrypted work files removed. The store is still encrypted.");
        }
        Encryption.swapOut(home, work);
        Workspace.shred(work);
        return new Note(Kind.DECRYPT_FINISHED, "", "Turning encryption off was interrupted after the unencrypted store"
                + " was ready; it was finished. The store and its backups are no longer encrypted.");
    }

    private static Note restore(DataHome home, Journal.Entry e) throws IOException {
        Path work = workFolder(home, e);
        String backup = e.details().getOrDefault(Backups.RESTORE_BACKUP, "");
        boolean renamed = e.phase() != Journal.Phase.PREPARING && work != null
                && !Files.exists(work.resolve(Encryption.STORE_FILE));
        if (!renamed) {
            String previous = e.details().get(Backups.RESTORE_PREVIOUS);
            if (e.phase() != Journal.Phase.PREPARING && previous != null) {
                Path copy = home.dir().resolve(Path.of(previous).getFileName());
                if (!Files.exists(home.storeFile()) || !Files.isSameFile(copy, home.storeFile())) {
                    Workspace.shred(copy);
                }
            }
            if (work != null) {
                Workspace.shred(work);
            }
            return new Note(Kind.RESTORE_UNDONE, backup, "Restoring the backup " + backup
                    + " was interrupted before the store was replaced; it was undone. The store is as it was.");
        }
        long seq = Long.parseLong(e.details().get(Backups.RESTORE_COMMIT_SEQ));
        Instant at = Instant.parse(e.details().get(Backups.RESTORE_CREATED_AT));
        new CommitMarker(home.dir()).reset(seq, at);
        Workspace.shred(work);
        return new Note(Kind.RESTORE_FINISHED, backup, "Restoring the backup " + backup
                + " was interrupted after the store was replaced; it was finished.");
    }

    /** The operation's work folder, if the journal names one where work folders are made. */
    private static Path workFolder(DataHome home, Journal.Entry e) {
        for (String p : e.work()) {
            Path path = Path.of(p);
            if (home.dir().equals(path.getParent()) && WORK_FOLDER.matcher(path.getFileName().toString()).matches()) {
                return path;
            }
        }
        return null;
    }

    /**
     * The temp files of small atomic writes a kill interrupted (a journal, the commit marker, the
     * settings: {@code AtomicFiles} writes {@code .NAME.RANDOM.tmp}, then moves it over NAME). They
     * hold nothing the finished file would not, so they are deleted without a word.
     */
    private static void removeInterruptedSmallWrites(DataHome home) {
        List<Path> found = new ArrayList<>();
        collect(home.dir(), p -> SMALL_WRITE_TEMP.matcher(p.getFileName().toString()).matches()
                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), found);
        for (Path p : found) {
            Workspace.deleteQuietly(p);
        }
    }

    /** Work files of versions that kept no journal: encrypt-, decrypt- and restore- folders, backup scripts and temps. */
    private static int sweepLeftovers(DataHome home) {
        int removed = 0;
        Path backups = home.dir().resolve(Backups.FOLDER);
        List<Path> found = new ArrayList<>();
        collect(home.dir(), p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && WORK_FOLDER.matcher(p.getFileName().toString()).matches(), found);
        collect(backups.resolve(".work"), p -> true, found);
        collect(backups, Recovery::isBackupTemp, found);
        collect(home.dir(), Recovery::isBackupTemp, found);
        for (Path p : found) {
            try {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().startsWith("encrypt-")) {
                    Encryption.shredWork(home, p);
                } else {
                    Workspace.shred(p);
                }
                removed++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot remove the leftover {}: {}", p, e.getMessage());
            }
        }
        return removed;
    }

    private static boolean isBackupTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.contains(Backups.EXTENSION + ".") && name.endsWith(".tmp");
    }

    private static void collect(Path dir, java.util.function.Predicate<Path> which, List<Path> into) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (which.test(p)) {
                    into.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.getMessage());
        }
    }
}
