package io.crisisconsole.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crisisconsole.toolkit.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar copy of the store's commit count ({@code store.marker.json}). Written after every
 * commit that changed data (temp file, fsync, atomic rename), so that a store that opens with a
 * lower count has lost changes it had acknowledged.
 */
public final class CommitMarker {

    public static final String FILE = "store.marker.json";
    private static final long MAX_BYTES = 4096;

    /** What the sidecar holds. */
    public record Mark(long commitSeq, Instant committedAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CommitMarker.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private long highest = -1;
    /** Why the sidecar is behind the store (its last write failed), or null when it is up to date. */
    private String lagging;
    /** Whether a change was committed while the sidecar could not follow (not only the catch-up at open failed). */
    private boolean savedWhileLagging;
    private volatile Consumer<String> onLagging = why -> {
    };

    public CommitMarker(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The last recorded mark; empty when there is none yet or it cannot be read (then it is rewritten). */
    public Optional<Mark> read() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(json.readValue(file.toFile(), Mark.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The highest count recorded by this process (-1 before the first). */
    public synchronized long current() {
        return highest;
    }

    /** Records a committed count; never moves the mark backwards (commits may finish out of order). */
    public synchronized void record(long commitSeq, Instant committedAt) {
        if (commitSeq <= highest) {
            return;
        }
        write(new Mark(commitSeq, committedAt));
        highest = commitSeq;
    }

    /** Sets the mark to exactly this value (after a restore, or when the sidecar was missing). */
    public synchronized void reset(long commitSeq, Instant committedAt) {
        write(new Mark(commitSeq, committedAt));
        highest = commitSeq;
        lagging = null;
        savedWhileLagging = false;
    }

    /**
     * After a commit: records the count like {@link #record}, but a sidecar that cannot be written
     * does not undo the commit (the data is saved): it is {@link #lagging()} and catches up with the
     * next commit or the next open.
     *
     * @return empty when the mark is up to date, else why it is not
     */
    public synchronized Optional<String> recordAfterCommit(long commitSeq, Instant committedAt) {
        try {
            record(commitSeq, committedAt);
            lagging = null;
            savedWhileLagging = false;
        } catch (UncheckedIOException e) {
            lagging = e.getMessage();
            savedWhileLagging = true;
            // the person is told (lagging(), onLagging): the log keeps it at info
            LOG.info("Change {} is saved, but {}; the marker catches up later", commitSeq, e.getMessage());
            onLagging.accept(lagging);
        }
        return lagging();
    }

    /** As {@link #reset}, when the store opens: a failure leaves the mark {@link #lagging()} instead of stopping the open. */
    synchronized void catchUp(long commitSeq, Instant committedAt) {
        try {
            reset(commitSeq, committedAt);
        } catch (UncheckedIOException e) {
            lagging = e.getMessage();
            LOG.info("The store is open, but {}; the marker catches up later", e.getMessage());
        }
    }

    /**
     * Why the sidecar is behind the store, when its last write failed: every change is saved, only
     * the check for lost changes at the next open is weaker until a write succeeds again.
     */
    /** Tells {@code listener} (on the thread that committed) each time a change is saved while the marker cannot follow. */
    public void onLagging(Consumer<String> listener) {
        this.onLagging = listener;
    }

    public synchronized Optional<String> lagging() {
        return Optional.ofNullable(lagging);
    }

    /** Whether a change was saved while the sidecar could not follow (so repeating it would make it twice). */
    public synchronized boolean changeSavedWhileLagging() {
        return savedWhileLagging;
    }

    /**
     * The sentence to show when the sidecar is {@link #lagging()}: after a change saved meanwhile
     * ("the change is saved, do not repeat it"), or when only the catch-up at open failed; empty when
     * it is up to date.
     */
    public synchronized Optional<String> warning() {
        if (lagging == null) {
            return Optional.empty();
        }
        return Optional.of(savedWhileLagging
                ? "The change is saved, but " + lagging
                        + ". Do not repeat it; the marker catches up with the next change or the next start."
                : "The store is fine, but " + lagging + "; it is written again with the next change.");
    }

    private void write(Mark mark) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(mark));
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage();
            throw new UncheckedIOException("the commit marker " + file + " could not be written (" + why + ")", e);
        }
    }
}
