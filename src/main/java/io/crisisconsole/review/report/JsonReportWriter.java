package io.crisisconsole.review.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The review report as JSON: the {@link ReviewReport} record as it stands, every figure and entry,
 * instants as ISO-8601 text (UTC), dates as {@code 2026-12-01}. Its schema is
 * {@code review-report.schema.json} beside this class; {@code schemaVersion} names its version.
 */
public final class JsonReportWriter implements ReportWriter {

    /** Where the schema of what this writes is, on the class path. */
    public static final String SCHEMA = "/io/crisisconsole/review/report/review-report.schema.json";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public void write(ReviewReport report, Messages messages, Formats formats, OutputStream out,
            ExportProgress progress) throws IOException {
        progress.checkCancelled();
        progress.progress(0.0, "json");
        json.writeValue(out, report);
        progress.checkCancelled();
        progress.progress(1.0, "written");
    }
}
