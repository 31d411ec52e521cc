package io.crisisconsole.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backup every {@code interval} while there are changes, and once more on exit. Runs on its
 * own daemon thread; a backup reads a consistent snapshot, so it does not block the store thread.
 */
public final class BackupScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    private final Store store;
    private final Backups backups;
    private final Consumer<String> onFailure;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crisis-console-backup");
        t.setDaemon(true);
        return t;
    });
    private long backedUpSeq;

    public BackupScheduler(Store store, Backups backups, Duration interval, Consumer<String> onFailure) {
        this.store = store;
        this.backups = backups;
        this.onFailure = onFailure;
        this.backedUpSeq = backups.newest().map(b -> b.manifest().commitSeq()).orElse(-1L);
        executor.scheduleWithFixedDelay(this::backupIfChanged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Backs up when anything was committed since the last backup; returns whether it wrote one. */
    synchronized boolean backupIfChanged() {
        if (store.readOnly().isPresent()) {
            return false; // nothing changes, and the backups folder cannot be written
        }
        long seq = store.marker().read().map(m -> m.commitSeq()).orElse(0L);
        if (seq == backedUpSeq) {
            return false;
        }
        try {
            Backups.Backup b = backups.backupNow(store);
            backedUpSeq = b.manifest().commitSeq();
            return true;
        } catch (RuntimeException e) {
            LOG.error("Automatic backup failed: {}", e.getMessage());
            onFailure.accept("Automatic backup failed: " + e.getMessage());
            return false;
        }
    }

    /** Stops the schedule and writes a last backup if anything changed. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backupIfChanged();
    }
}
