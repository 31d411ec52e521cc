package io.crisisconsole.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own lock on a data folder ({@value #FILE}, an OS file lock held with
 * {@link FileChannel#tryLock}), held by every {@link Store}, {@link StoreOpener} and heavy operation
 * (encrypt, decrypt, restore) for as long as it works on the folder. It tells the recovery of
 * interrupted operations ({@link Recovery}) that nobody else is at work here: H2's own lock is not
 * enough, because an operation closes the store between its steps, and a backup in the window
 * writes its work files while the store is open.
 *
 * <p>Counted per process: a second holder in the same process shares the OS lock (POSIX locks
 * belong to the process, and closing any other channel of the file would drop them, so only this
 * class opens it). {@link Held#first()} says whether this holder took the lock from nobody, i.e.
 * no one else in this process or another holds the folder.
 */
final class AppLock {

    static final String FILE = "store.app.lock";
    private static final Logger LOG = LoggerFactory.getLogger(AppLock.class);

    private static final Map<Path, Shared> HELD = new HashMap<>();

    private static final class Shared {
        final FileChannel channel;
        final FileLock lock;
        int holders;

        Shared(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** One holder's share of the lock; {@link #close()} gives it back (once). */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final boolean first;
        private boolean closed;

        private Held(Path file, boolean first) {
            this.file = file;
            this.first = first;
        }

        /** Whether this holder took the lock when no one held it (so no operation of anyone else is under way). */
        boolean first() {
            return first;
        }

        @Override
        public void close() {
            synchronized (HELD) {
                if (closed || file == null) {
                    return;
                }
                closed = true;
                Shared s = HELD.get(file);
                if (s != null && --s.holders == 0) {
                    HELD.remove(file);
                    try {
                        s.lock.release();
                        s.channel.close();
                    } catch (IOException e) {
                        LOG.warn("Cannot release the lock {}: {}", file, e.getMessage());
                    }
                }
            }
        }
    }

    private AppLock() {
    }

    /**
     * Takes a share of the lock of {@code home}. Empty when another process holds it. A folder where
     * the lock file cannot be made (read-only media) gets a share that guards nothing and is not
     * {@link Held#first() first}: nothing can be written there, so nothing needs recovering.
     */
    static Optional<Held> acquire(DataHome home) {
        Path file = home.dir().resolve(FILE).toAbsolutePath().normalize();
        synchronized (HELD) {
            Shared s = HELD.get(file);
            if (s != null) {
                s.holders++;
                return Optional.of(new Held(file, false));
            }
            if (!Files.isDirectory(home.dir())) {
                return Optional.of(new Held(null, false));
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        Workspace.ownerOnlyAttributes());
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("No lock file in {}: {}", home.dir(), e.getMessage());
                return Optional.of(new Held(null, false));
            }
            try {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    ch.close();
                    return Optional.empty();
                }
                Shared shared = new Shared(ch, lock);
                shared.holders = 1;
                HELD.put(file, shared);
                return Optional.of(new Held(file, true));
            } catch (IOException e) {
                closeQuietly(ch);
                LOG.debug("Cannot lock {}: {}", file, e.getMessage());
                return Optional.of(new Held(null, false));
            } catch (OverlappingFileLockException e) {
                // this process holds it under another name of the same folder (a symbolic link)
                closeQuietly(ch);
                return Optional.of(new Held(null, false));
            }
        }
    }

    /** {@link #acquire}, or a {@link StoreException} ({@code ALREADY_OPEN}) when another process is at work. */
    static Held require(DataHome home) {
        return acquire(home).orElseThrow(() -> busy(home));
    }

    static StoreException busy(DataHome home) {
        return new StoreException(StoreException.Problem.ALREADY_OPEN, "Crisis Console is already open on " + home.dir()
                + " in another window or process (it may be turning encryption on or off, or restoring a backup)."
                + " Close it there or wait until it is done, or start this one with --data pointing to another folder.",
                null);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", ch, e.getMessage());
        }
    }
}
