package io.crisisconsole.review.report;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review report as ONE self-contained HTML file: inline CSS (print-friendly), the charts as
 * inline SVG, no script and a Content-Security-Policy forbidding any, no external URL but the
 * case's own hub link (http/https only). The timeline filters by kind without script: a hidden
 * checkbox per kind, its label a toggle, and CSS hiding the unticked kinds' entries.
 */
public final class HtmlReportWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public void write(ReviewReport report, Messages messages, Formats formats, OutputStream out,
            ExportProgress progress) throws IOException {
        progress.checkCancelled();
        progress.progress(0, "charts");
        Map<String, String> svg = new LinkedHashMap<>();
        for (String name : ReviewCharts.NAMES) {
            svg.put(name, ReviewCharts.svg(ReviewCharts.chart(name, report, messages, formats), "chart-" + name));
            progress.checkCancelled();
        }
        progress.progress(0.2, "sections");
        String html = ReportTemplates.render(new ReportView(report, messages, formats, false, progress, svg));
        progress.checkCancelled();
        progress.progress(0.9, "writing");
        out.write(html.getBytes(StandardCharsets.UTF_8));
        out.flush();
        progress.progress(1, "done");
    }
}
