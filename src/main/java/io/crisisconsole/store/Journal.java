package io.crisisconsole.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crisisconsole.toolkit.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of one heavy operation that leaves work files (encrypt, decrypt, backup, restore):
 * {@code journal-OPERATION-UUID.json} in the data folder, written (atomically, 0600) before the
 * first work file exists and advanced at each commit point, deleted when the operation is done. It
 * holds no data and no secret: the operation, its phase, the paths of its work files and what
 * finishing needs (a restore's commit count). {@link Recovery} reads what is left of them on the
 * next open and finishes or undoes each operation.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String PREFIX = "journal-";
    static final String SUFFIX = ".json";
    private static final long MAX_BYTES = 64 * 1024;

    enum Operation {
        ENCRYPT,
        DECRYPT,
        BACKUP,
        RESTORE
    }

    enum Phase {
        /** Work files are being made; the store and the key file are as they were. Undo: remove the work. */
        PREPARING,
        /** Checked work files are being renamed into place. Finish: rename what is left. */
        SWAPPING,
        /** Everything is in place; copies the operation makes obsolete are being removed. Finish: remove them. */
        CLEANING
    }

    /** What the file holds. */
    record Entry(Operation operation, Phase phase, List<String> work, Map<String, String> details, Instant startedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private Entry entry;

    private Journal(Path file, Entry entry) {
        this.file = file;
        this.entry = entry;
    }

    /** Writes the journal of a new operation in {@code dataDir} (phase {@link Phase#PREPARING}). */
    static Journal begin(Path dataDir, Operation op, List<Path> work, Map<String, String> details) {
        List<String> paths = new ArrayList<>();
        work.forEach(p -> paths.add(p.toAbsolutePath().normalize().toString()));
        Journal j = new Journal(dataDir.resolve(PREFIX + op.name().toLowerCase() + "-" + UUID.randomUUID() + SUFFIX),
                new Entry(op, Phase.PREPARING, List.copyOf(paths), new LinkedHashMap<>(details), Instant.now()));
        j.write();
        return j;
    }

    /** Records that the operation reached {@code phase} (forced to the disk before this returns). */
    void advance(Phase phase) {
        entry = new Entry(entry.operation(), phase, entry.work(), entry.details(), entry.startedAt());
        write();
    }

    /** Adds a detail the recovery needs (e.g. where the previous store is kept) and writes it. */
    void put(String key, String value) {
        Map<String, String> d = new LinkedHashMap<>(entry.details());
        d.put(key, value);
        entry = new Entry(entry.operation(), entry.phase(), entry.work(), d, entry.startedAt());
        write();
    }

    Path file() {
        return file;
    }

    Map<String, String> details() {
        return entry.details();
    }

    /** The operation is done (or undone): the journal goes. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            AtomicFiles.syncFolder(file.getParent());
        } catch (IOException e) {
            LOG.warn("Cannot delete the journal {}: {}", file, e.getMessage());
        }
    }

    private void write() {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(entry));
        } catch (IOException e) {
            throw StoreFailures.classify(new DataHome(file.getParent()), e,
                    "the operation did not start (its journal could not be written), nothing was changed")
                    .orElseGet(() -> new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                            "Cannot write the operation journal " + file + ": " + e.getMessage()
                                    + ". Nothing was changed.", e));
        }
    }

    /** The journal files in {@code dataDir}, oldest name first. */
    static List<Path> files(Path dataDir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dataDir, PREFIX + "*" + SUFFIX)) {
            s.forEach(out::add);
        } catch (IOException e) {
            LOG.warn("Cannot list the journals in {}: {}", dataDir, e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /** Reads a journal file; null when it is not a readable journal. */
    static Entry read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return null;
            }
            Entry e = JSON.readValue(file.toFile(), Entry.class);
            if (e.operation() == null || e.phase() == null || e.work() == null) {
                return null;
            }
            return e.details() == null ? new Entry(e.operation(), e.phase(), e.work(), Map.of(), e.startedAt()) : e;
        } catch (IOException e) {
            LOG.warn("Cannot read the journal {}: {}", file, e.getMessage());
            return null;
        }
    }
}
