package io.crisisconsole.review.report;

import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ValidationException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Exports the review report of a case to a file in one format: builds the report (the first 40 %
 * of the progress), lays it out with the format's writer (the rest) into a temporary file in the
 * same folder, then moves it into place in one step. On cancel or failure the temporary file is
 * removed and a file that was there before stays as it was.
 */
public final class ReviewExporter {

    /** The share of the progress bar building the report takes. */
    static final double BUILDING = 0.4;

    private final ReviewReportBuilder builder;
    private final Map<ReportFormat, ReportWriter> writers = new EnumMap<>(ReportFormat.class);

    public ReviewExporter(ReviewReportBuilder builder, List<ReportWriter> writers) {
        this.builder = Objects.requireNonNull(builder);
        for (ReportWriter w : writers) {
            if (this.writers.put(w.format(), w) != null) {
                throw new IllegalArgumentException("two writers for " + w.format() + "; hand the exporter one per format");
            }
        }
    }

    /** The formats this build can write. */
    public Set<ReportFormat> formats() {
        return Collections.unmodifiableSet(writers.keySet());
    }

    /** As {@link #export(long, ReportFormat, Path, boolean, String, Messages, Formats, ExportProgress)} with no author named. */
    public Path export(long caseId, ReportFormat format, Path out, boolean force, Messages messages, Formats formats,
            ExportProgress progress) throws IOException {
        return export(caseId, format, out, force, null, messages, formats, progress);
    }

    /**
     * Writes the report of case {@code caseId} as {@code format} to {@code out}.
     *
     * @param force replace {@code out} when it exists
     * @param author who exports it, named on the cover (null: nobody)
     * @return the file written (absolute)
     * @throws ValidationException when the format is not in this build, {@code out} exists
     *         without {@code force}, is a folder, or its folder is missing
     * @throws CancellationException when {@code progress} was cancelled (nothing was written)
     */
    public Path export(long caseId, ReportFormat format, Path out, boolean force, String author, Messages messages,
            Formats formats, ExportProgress progress) throws IOException {
        ReportWriter writer = writers.get(format);
        if (writer == null) {
            throw new ValidationException("format", "format '" + format.extension() + "' is not available in this build ("
                    + String.join(", ", formats().stream().map(ReportFormat::extension).toList()) + ")");
        }
        Path file = out.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ValidationException("out", "the folder " + dir + " does not exist; create it or choose another "
                    + "place for the report");
        }
        if (Files.isDirectory(file)) {
            throw new ValidationException("out", file + " is a folder; name the report file inside it");
        }
        if (Files.exists(file) && !force) {
            throw new ValidationException("out", "the file " + file + " already exists; use --force to replace it "
                    + "or choose another name");
        }
        ReviewReport report = builder.build(caseId, author, messages, formats, scaled(progress, 0, BUILDING));
        progress.checkCancelled();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(report, messages, formats, os, scaled(progress, BUILDING, 1.0));
            }
            progress.checkCancelled();
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.syncFolder(dir);
            progress.progress(1.0, "done");
            return file;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code progress} with 0..1 mapped onto {@code from}..{@code to}. */
    private static ExportProgress scaled(ExportProgress progress, double from, double to) {
        return new ExportProgress() {
            @Override
            public void progress(double done, String step) {
                progress.progress(from + (to - from) * Math.max(0, Math.min(1, done)), step);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }
}
