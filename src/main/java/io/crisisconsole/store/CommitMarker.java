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

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private long highest = -1;

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
    }

    private void write(Mark mark) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(mark));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the commit marker " + file + ": " + e.getMessage(), e);
        }
    }
}
