package io.crisisconsole.review.report;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lays a {@link ReviewReport} out in one format. Headings and labels come from {@code messages}
 * (the report's language), times and numbers from {@code formats}; every text a user wrote is
 * escaped for the format. Calls {@link ExportProgress#checkCancelled()} between sections and
 * within long ones (the timeline).
 */
public interface ReportWriter {

    ReportFormat format();

    void write(ReviewReport report, Messages messages, Formats formats, OutputStream out, ExportProgress progress)
            throws IOException;
}
