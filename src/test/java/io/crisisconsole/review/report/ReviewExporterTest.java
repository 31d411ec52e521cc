package io.crisisconsole.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewExporterTest {

    @TempDir
    Path tmp;
    Path out;
    Store store;
    Services services;
    ReviewReportFixture seeded;
    final Formats formats = new Formats(English.MESSAGES, ZoneOffset.UTC);

    @BeforeEach
    void open() throws IOException {
        store = TestStores.openIn(tmp.resolve("store"));
        seeded = ReviewReportFixture.seed(store);
        services = seeded.services;
        out = Files.createDirectories(tmp.resolve("out"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path export(ReportFormat format, Path file, boolean force, ExportProgress progress) throws IOException {
        return services.reviewExports().export(seeded.outage.id(), format, file, force, English.MESSAGES, formats,
                progress);
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEachFormatOfThisBuildWithProgressFromBuildingToWriting() throws IOException {
        assertThat(services.reviewExports().formats()).containsExactlyInAnyOrder(ReportFormat.values());
        List<Double> seen = new ArrayList<>();
        Path md = export(ReportFormat.MD, out.resolve("review.md"), false, new ExportProgress() {
            @Override
            public void progress(double done, String step) {
                seen.add(done);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertThat(md).isEqualTo(out.resolve("review.md").toAbsolutePath());
        assertThat(Files.readString(md)).startsWith("# Review of case #" + seeded.outage.id());
        assertThat(seen).isSorted().startsWith(0.0).endsWith(1.0);
        assertThat(seen).contains(ReviewExporter.BUILDING);
        assertThat(seen.stream().filter(d -> d < ReviewExporter.BUILDING)).isNotEmpty();
        assertThat(seen.stream().filter(d -> d > ReviewExporter.BUILDING && d < 1)).isNotEmpty();

        Path json = export(ReportFormat.JSON, out.resolve("review.json"), false, ExportProgress.none());
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1");
        assertThat(filesIn(out)).containsExactly("review.json", "review.md");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path file = Files.writeString(out.resolve("review.md"), "the old report");
        assertThatThrownBy(() -> export(ReportFormat.MD, file, false, ExportProgress.none()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("already exists")
                .hasMessageContaining("--force");
        assertThat(Files.readString(file)).isEqualTo("the old report");

        export(ReportFormat.MD, file, true, ExportProgress.none());
        assertThat(Files.readString(file)).startsWith("# Review of case");
        assertThat(filesIn(out)).containsExactly("review.md");
    }

    @Test
    void aMissingFolderAFolderAndAFormatNotInThisBuildAreRefused() {
        Path missing = out.resolve("nowhere").resolve("review.md");
        assertThatThrownBy(() -> export(ReportFormat.MD, missing, false, ExportProgress.none()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("does not exist")
                .hasMessageContaining(missing.getParent().toString());
        assertThatThrownBy(() -> export(ReportFormat.MD, out, true, ExportProgress.none()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is a folder");
        // a build without the PDF writer
        ReviewExporter mdOnly = new ReviewExporter(services.reviewReports(), List.of(new MarkdownReportWriter()));
        assertThatThrownBy(() -> mdOnly.export(seeded.outage.id(), ReportFormat.PDF, out.resolve("r.pdf"), false,
                English.MESSAGES, formats, ExportProgress.none()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("format 'pdf' is not available in this build");
    }

    @Test
    void aCancelWhileWritingLeavesNothingAndTheOldFileAsItWas() throws IOException {
        Path file = Files.writeString(out.resolve("review.md"), "the old report");
        ExportProgress cancelWhileWriting = new ExportProgress() {
            private double last;

            @Override
            public void progress(double done, String step) {
                last = done;
            }

            @Override
            public boolean cancelled() {
                return last > ReviewExporter.BUILDING + 0.05;
            }
        };
        assertThatThrownBy(() -> export(ReportFormat.MD, file, true, cancelWhileWriting))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.readString(file)).isEqualTo("the old report");
        assertThat(filesIn(out)).containsExactly("review.md");

        ExportProgress cancelled = new ExportProgress() {
            @Override
            public void progress(double done, String step) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> export(ReportFormat.JSON, out.resolve("new.json"), false, cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(filesIn(out)).containsExactly("review.md");
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileUntouched() throws IOException {
        Path file = Files.writeString(out.resolve("review.md"), "the old report");
        ReportWriter failing = new ReportWriter() {
            @Override
            public ReportFormat format() {
                return ReportFormat.MD;
            }

            @Override
            public void write(ReviewReport report, Messages messages, Formats f, OutputStream os,
                    ExportProgress progress) throws IOException {
                os.write("half a report".getBytes(StandardCharsets.UTF_8));
                os.flush();
                throw new IOException("disk full");
            }
        };
        ReviewExporter exporter = new ReviewExporter(services.reviewReports(), List.of(failing));
        assertThatThrownBy(() -> exporter.export(seeded.outage.id(), ReportFormat.MD, file, true, English.MESSAGES,
                formats, ExportProgress.none())).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("the old report");
        assertThat(filesIn(out)).containsExactly("review.md");
    }
}
