package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store file near the size of its data while it is open.
 *
 * <p>With {@code WRITE_DELAY=0} (an acknowledged commit survives a kill) H2 has no background
 * writer thread, and that thread is what rewrites half-empty chunks and frees old ones: without it
 * every commit appends a chunk and the file only shrinks at close (20,000 quick commits: 323 MB).
 * This task does two kinds of housekeeping on its own daemon thread:
 * <ul>
 * <li><b>compaction</b> ({@link MVStore#compact(int, int)}): rewrite the live pages of low-fill
 *     chunks so the old ones become free and are reused; bounded in time, when the store has changed
 *     since the last run and either nothing was committed for {@link Settings#quietMillis} or the file
 *     has grown by {@link Settings#growthBytes} since the last run (a long burst of commits never has a
 *     quiet moment). A commit that arrives during a run waits for it (at most about
 *     {@link Settings#budgetMillis}). H2's retention time is restored after each run.</li>
 * <li><b>rewrite</b> ({@link Database#rewrite}, {@code SHUTDOWN COMPACT} and open again): compaction
 *     reuses free space but cannot give it back, because the chunks at the end of the file stay live;
 *     once the file is more than twice its live data plus {@link Settings#rewriteSlackBytes}, the file
 *     is rewritten to its data size. In a quiet moment always; in a burst of commits only while the
 *     data is small enough ({@link Settings#burstRewriteBytes}) for the commits that wait to wait briefly.</li>
 * </ul>
 *
 * <p>It does not move chunks inside the open file ({@link MVStore#compactFile(int)}): that trips an
 * internal assertion of H2 ({@code FreeSpaceBitSet.allocate} from {@code RandomAccessStore.moveChunkInside},
 * with {@code -ea}) and H2 then closes the database, in 2.3.232 and in 2.4.240 alike.
 */
final class StoreMaintenance implements AutoCloseable {

    /** The open database the task looks after; its {@link MVStore} changes after a rewrite or a reconnect. */
    interface Database {
        /** The store of the open database, or null while none is open. */
        MVStore current();

        /**
         * Rewrites the file to its data size and opens it again, once the connections in use are back
         * (waiting at most {@code drainMillis}); false when they were not (nothing was done).
         */
        boolean rewrite(long drainMillis) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);
    private static final long MB = 1024 * 1024;
    /** Chunks whose live share is below this (percent) are rewritten. */
    private static final int TARGET_FILL_RATE = 90;
    /** At least this much is rewritten per round. */
    private static final int REWRITE_BYTES = 4 * 1024 * 1024;
    /** How long a rewrite waits for the connections in use to come back before it tries again later. */
    private static final long DRAIN_MILLIS = 200;

    /**
     * When to compact and rewrite.
     *
     * @param tickMillis how often the task looks at the store
     * @param quietMillis no commit for this long counts as a quiet moment
     * @param growthBytes compact in a burst, too, once the file has grown this much since the last run
     * @param budgetMillis how long one compaction may take (it stops after the first round past it)
     * @param retentionMillis how long H2 keeps a chunk after it was written before reusing its space
     *        once it holds no live data (H2's default, 45 s, means 45 s of quick commits pile up)
     * @param rewriteSlackBytes rewrite the file once it is larger than twice its live data plus this
     * @param burstRewriteBytes rewrite without waiting for a quiet moment only while the live data is
     *        smaller than this (commits wait while the file is rewritten: about 0.1 s per MB)
     */
    record Settings(long tickMillis, long quietMillis, long growthBytes, int budgetMillis, int retentionMillis,
            long rewriteSlackBytes, long burstRewriteBytes) {
        static final Settings DEFAULT = new Settings(250, 3_000, 1 * MB, 300, 1_000, 2 * MB, 8 * MB);
    }

    /** Package-private so tests and the soak harness can shorten the intervals (or switch it off with null). */
    static volatile Settings settings = Settings.DEFAULT;

    private final Database db;
    private final Path file;
    private final Settings s;
    private final ScheduledExecutorService thread;
    /** The store the fields below describe; a new one (after a rewrite or reconnect) starts them afresh. */
    private MVStore mv;
    private long lastVersion;
    private long lastChangeNanos = System.nanoTime();
    private long compactedVersion;
    private long compactedSize;
    private long syncedVersion;
    private volatile int runs;
    private volatile int rewrites;
    /**
     * The file's size right after the last rewrite (before the first one, a guess): the size of its
     * data then. The data grows slowly compared with the dead space between rewrites, and each
     * rewrite measures it again.
     */
    private long dataSize;

    private StoreMaintenance(Database db, MVStore first, Path file, Settings s) {
        this.db = db;
        this.file = file;
        this.s = s;
        adopt(first);
        // a store that closed compacted is its data size; a new one (its migrations just ran) or one
        // that was not is larger, so the live share of its used blocks is the guess when that is smaller
        // (a guess too low costs one early rewrite, which measures it)
        long size = size();
        FileStore<?> fs = first.getFileStore();
        this.dataSize = Math.min(size, size * fs.getFillRate() / 100 * fs.getChunksFillRate() / 100);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crisis-console-store-maintenance");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tick, s.tickMillis(), s.tickMillis(), TimeUnit.MILLISECONDS);
    }

    private void adopt(MVStore store) {
        mv = store;
        mv.setRetentionTime(s.retentionMillis());
        lastVersion = mv.getCurrentVersion();
        compactedVersion = lastVersion;
        syncedVersion = lastVersion;
        compactedSize = size();
    }

    /** Starts the task on {@code db}, or returns null when it cannot or should not run. */
    static StoreMaintenance start(Database db, Path file) {
        Settings s = settings;
        if (s == null) {
            return null;
        }
        MVStore mv = db.current();
        if (mv == null || mv.isReadOnly()) {
            return null;
        }
        try {
            return new StoreMaintenance(db, mv, file, s);
        } catch (RuntimeException e) {
            LOG.warn("Store maintenance not started: {}", e.toString());
            return null;
        }
    }

    /** How many compactions have run (for tests). */
    int runs() {
        return runs;
    }

    /** How many times the file was rewritten (for tests). */
    int rewrites() {
        return rewrites;
    }

    private void tick() {
        try {
            MVStore now = db.current();
            if (now == null) {
                return;
            }
            if (now != mv) {
                adopt(now);
            }
            long version = mv.getCurrentVersion();
            long nanos = System.nanoTime();
            if (version != lastVersion) {
                lastVersion = version;
                lastChangeNanos = nanos;
            }
            if (version != syncedVersion) {
                // what was written reaches the device at least once a tick, so a chunk older than the
                // retention time is overwritten only after what replaced it is on the device
                mv.sync();
                syncedVersion = version;
            }
            boolean quiet = nanos - lastChangeNanos >= TimeUnit.MILLISECONDS.toNanos(s.quietMillis());
            long size = size();
            if (version != compactedVersion) {
                boolean grown = size - compactedSize >= s.growthBytes();
                if ((quiet || grown) && roomFor(2 * size)) {
                    compact();
                    size = size();
                }
            }
            if (size > 2 * dataSize + s.rewriteSlackBytes() && (quiet || dataSize < s.burstRewriteBytes())
                    && roomFor(dataSize)) {
                rewrite(size);
            }
        } catch (SQLException | RuntimeException e) {
            // a full or read-only disk, or the store closing: the next commit reports it; try again later
            LOG.debug("Store maintenance skipped: {}", e.toString());
        } catch (Error e) {
            // an internal assertion of H2 (with -ea) or worse: said, and the task ends (it is rethrown)
            LOG.warn("Store maintenance stopped: {}", e.toString());
            throw e;
        }
    }

    /** Compaction may first write chunks past the end of the file, a rewrite writes a copy: not on a nearly full disk. */
    private boolean roomFor(long bytes) {
        try {
            return Files.getFileStore(file).getUsableSpace() > bytes + 16 * MB;
        } catch (IOException e) {
            return false;
        }
    }

    private void compact() {
        long before = size();
        long t0 = System.nanoTime();
        long stopAt = t0 + TimeUnit.MILLISECONDS.toNanos(s.budgetMillis());
        int retention = mv.getRetentionTime();
        // every state written so far reaches the device before any chunk it made dead is overwritten
        mv.sync();
        mv.setRetentionTime(0);
        try {
            // rewrite the live pages of low-fill chunks into new chunks (each commit stores them and
            // frees the chunks that are dead by then); as H2's background housekeeping does
            int rounds = 0;
            while (mv.compact(TARGET_FILL_RATE, REWRITE_BYTES) && ++rounds < 1_000) {
                mv.commit();
                if (System.nanoTime() - stopAt > 0) {
                    break;
                }
            }
            mv.commit();
            mv.sync();
        } finally {
            mv.setRetentionTime(retention);
        }
        runs++;
        compactedVersion = mv.getCurrentVersion();
        lastVersion = compactedVersion;
        syncedVersion = compactedVersion;
        compactedSize = size();
        LOG.debug("Store compacted from {} to {} bytes in {} ms", before, compactedSize,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void rewrite(long before) throws SQLException {
        long t0 = System.nanoTime();
        if (!db.rewrite(DRAIN_MILLIS)) {
            LOG.debug("Store rewrite put off: connections in use");
            return;
        }
        rewrites++;
        dataSize = size();
        // the reopened database is a new MVStore: the next tick adopts it
        LOG.debug("Store rewritten from {} to {} bytes in {} ms", before, dataSize, (System.nanoTime() - t0) / 1_000_000);
    }
    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether the database should close with {@code SHUTDOWN COMPACT}, so that the file at rest is its
     * data size: when the data is small enough to be rewritten quickly (as in a burst). H2's own close
     * compacts for up to 200 ms and can leave the file larger than it was (1.6 MB before, 9.0 MB
     * after, in one soak run). Asked after {@link #close()}.
     */
    boolean rewriteAtClose() {
        // (the task never runs on a read-only store)
        return db.current() != null && dataSize < s.burstRewriteBytes() && roomFor(dataSize);
    }

    /** Stops the task, waiting for a run in progress (bounded by its budget). */
    @Override
    public void close() {
        // not shutdownNow(): interrupting H2 in the middle of a file write closes its channel
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Store maintenance did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
