package io.crisisconsole.rehearsal;

import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionReadResult;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rows of a replay inject: a real export read with the inbox's importer (the layout found
 * automatically, dates without an offset read as UTC), in the order they were published; read once
 * per exercise and kept.
 */
public final class ReplayFiles {

    private final Function<String, byte[]> bundled;
    private final Map<String, List<IncomingMention>> read = new ConcurrentHashMap<>();

    /**
     * @param bundled the bytes of a bundled scenario's replay (by its path relative to the scenarios
     *        folder; null when there is none), for a scenario that was not read from a file
     */
    public ReplayFiles(Function<String, byte[]> bundled) {
        this.bundled = bundled;
    }

    /** The rows of {@code i} (a replay) for exercise {@code e}, oldest first. */
    public List<IncomingMention> rows(Exercise e, Scenario.Inject i) {
        return read.computeIfAbsent(e.caseId() + ":" + i.id(), k -> load(e, i));
    }

    /** When a row is replayed: {@code start} plus its distance from the first row, divided by the compression. */
    static Instant replayedAt(IncomingMention row, IncomingMention first, Instant start, int compress) {
        long ms = Duration.between(first.publishedAt(), row.publishedAt()).toMillis();
        return start.plusMillis(Math.max(0, ms) / compress);
    }

    private List<IncomingMention> load(Exercise e, Scenario.Inject i) {
        if (e.scenarioFile() == null) {
            byte[] bytes = bundled.apply(i.file());
            if (bytes == null) {
                throw new ValidationException("file", "inject '" + i.id() + "' replays " + i.file()
                        + ", which the bundled scenarios do not have");
            }
            // the importer reads files: the bundled export is read from a temporary copy, removed at once
            Path copy = null;
            try {
                String name = Path.of(i.file()).getFileName().toString();
                copy = Files.createTempFile("crisis-console-replay-", "-" + name);
                Files.write(copy, bytes);
                return load(i, copy);
            } catch (java.io.IOException ex) {
                throw new ValidationException("file", "inject '" + i.id() + "' replays " + i.file()
                        + ", which could not be copied to read it: " + ex.getMessage());
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (java.io.IOException ignored) {
                        copy.toFile().deleteOnExit();
                    }
                }
            }
        }
        return load(i, Path.of(e.scenarioFile()).resolveSibling(i.file()));
    }

    private List<IncomingMention> load(Scenario.Inject i, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("file", "inject '" + i.id() + "' replays " + i.file()
                    + ", which is not there (" + file + ")");
        }
        MentionFilePreview preview = MentionFileReader.preview(file, ZoneOffset.UTC);
        if (!preview.readable() || preview.mapping() == null) {
            throw new ValidationException("file", "inject '" + i.id() + "' replays " + file + ", which cannot be read "
                    + "as a mention export: " + String.join("; ", preview.problems()));
        }
        MentionReadResult r = MentionFileReader.read(file, preview, preview.mapping(), ZoneOffset.UTC,
                MentionFileReader.Progress.none(), () -> false);
        if (r.refused()) {
            throw new ValidationException("file", "inject '" + i.id() + "' replays " + file + ": "
                    + String.join("; ", r.problems()));
        }
        List<IncomingMention> rows = new ArrayList<>(r.mentions());
        rows.sort(Comparator.comparing(IncomingMention::publishedAt));
        if (rows.isEmpty()) {
            throw new ValidationException("file", "inject '" + i.id() + "' replays " + file + ", which has no mention");
        }
        return List.copyOf(rows);
    }
}
