package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store file near the size of its data while it is open.
 *
 * <p>With {@code WRITE_DELAY=0} (an acknowledged commit survives a kill) H2 has no background
 * writer thread, and that thread is what rewrites half-empty chunks and frees old ones: without it
 * every commit appends a chunk and the file only shrinks at close (20,000 quick commits: 146 MB).
 * This task does that housekeeping on its own daemon thread ({@link MVStore#compact(int, int)}:
 * rewrite the live pages of low-fill chunks so the old ones become free and are reused), bounded in
 * time, when the store has changed since the last run and either nothing was
 * committed for {@link Settings#quietMillis} or the file has grown by {@link Settings#growthBytes}
 * since the last run (a long burst of commits never has a quiet moment). A commit that arrives
 * during a run waits for it (at most about {@link Settings#budgetMillis}). H2's retention time is
 * restored after each run, so between runs free space is reused as H2 would by default.
 *
 * <p>It does not move chunks or truncate the file while it is open ({@link MVStore#compactFile(int)}):
 * under concurrent commits that trips an internal assertion of H2 ({@code FreeSpaceBitSet.allocate}
 * from {@code RandomAccessStore.moveChunkInside}, with {@code -ea}) and H2 then closes the database,
 * in 2.3.232 and in 2.4.240 alike (StoreSizeSoakTest and CrashDurabilityTest, README). The file
 * shrinks to its data size at close.
 */
final class StoreMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);
    private static final long MB = 1024 * 1024;
    /** Chunks whose live share is below this (percent) are rewritten. */
    private static final int TARGET_FILL_RATE = 90;
    /** At least this much is rewritten per round. */
    private static final int REWRITE_BYTES = 4 * 1024 * 1024;

    /**
     * When to compact.
     *
     * @param tickMillis how often the task looks at the store
     * @param quietMillis no commit for this long counts as a quiet moment
     * @param growthBytes compact in a burst, too, once the file has grown this much since the last run
     * @param budgetMillis how long one run may take (it stops after the first round past it)
     * @param retentionMillis how long H2 keeps a chunk after it was written before reusing its space
     *        once it holds no live data (H2's default, 45 s, means 45 s of quick commits pile up)
     */
    record Settings(long tickMillis, long quietMillis, long growthBytes, int budgetMillis, int retentionMillis) {
        static final Settings DEFAULT = new Settings(250, 3_000, 1 * MB, 300, 1_000);
    }

    /** Package-private so tests and the soak harness can shorten the intervals (or switch it off with null). */
    static volatile Settings settings = Settings.DEFAULT;

    private final MVStore mv;
    private final Path file;
    private final Settings s;
    private final ScheduledExecutorService thread;
    private long lastVersion;
    private long lastChangeNanos = System.nanoTime();
    private long compactedVersion;
    private long compactedSize;
    private long syncedVersion;
    private volatile int runs;

    private StoreMaintenance(MVStore mv, Path file, Settings s) {
        this.mv = mv;
        this.file = file;
        this.s = s;
        this.lastVersion = mv.getCurrentVersion();
        this.compactedVersion = lastVersion;
        this.syncedVersion = lastVersion;
        this.compactedSize = size();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crisis-console-store-maintenance");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tick, s.tickMillis(), s.tickMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the task on the store behind {@code connection}, or returns null when it cannot or should not run. */
    static StoreMaintenance start(Connection connection, Path file) {
        Settings s = settings;
        if (s == null) {
            return null;
        }
        try {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore mv = session.getDatabase().getStore().getMvStore();
            if (mv.isReadOnly()) {
                return null;
            }
            mv.setRetentionTime(s.retentionMillis());
            return new StoreMaintenance(mv, file, s);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Store maintenance not started: {}", e.toString());
            return null;
        }
    }

    /** How many compactions have run (for tests). */
    int runs() {
        return runs;
    }

    private void tick() {
        try {
            if (mv.isClosed()) {
                return;
            }
            long version = mv.getCurrentVersion();
            long now = System.nanoTime();
            if (version != lastVersion) {
                lastVersion = version;
                lastChangeNanos = now;
            }
            if (version != syncedVersion) {
                // what was written reaches the device at least once a tick, so a chunk older than the
                // retention time is overwritten only after what replaced it is on the device
                mv.sync();
                syncedVersion = version;
            }
            if (version == compactedVersion) {
                return;
            }
            long size = size();
            boolean quiet = now - lastChangeNanos >= TimeUnit.MILLISECONDS.toNanos(s.quietMillis());
            boolean grown = size - compactedSize >= s.growthBytes();
            if ((quiet || grown) && roomToCompact(size)) {
                compact();
            }
        } catch (RuntimeException e) {
            // a full or read-only disk, or the store closing: the next commit reports it; try again later
            LOG.debug("Store maintenance skipped: {}", e.toString());
        } catch (Error e) {
            // an internal assertion of H2 (with -ea) or worse: said, and the task ends (it is rethrown)
            LOG.warn("Store maintenance stopped: {}", e.toString());
            throw e;
        }
    }

    /** Compaction may first write chunks past the end of the file: not on a nearly full disk. */
    private boolean roomToCompact(long size) {
        try {
            return Files.getFileStore(file).getUsableSpace() > 2 * size + 16 * MB;
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

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
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
