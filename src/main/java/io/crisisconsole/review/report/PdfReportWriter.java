package io.crisisconsole.review.report;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.util.XRLog;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.awt.Shape;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;

/**
 * The review report as PDF/A-2u: the HTML writer's template in its PDF mode, laid out by
 * openhtmltopdf on PDFBox 3 (fast mode) with the bundled DejaVu fonts embedded (no base-14 font, so
 * Cyrillic, Polish and Spanish text is exact and searchable), a table of contents with page
 * numbers, PDF bookmarks per section, and the charts drawn as vectors through openhtmltopdf's object
 * drawer onto PDFBox's Graphics2D. The full timeline is the appendix, drawn by PDFBox itself
 * ({@link TimelinePages}: a 50,000-entry timeline laid out as HTML took 13 s and 4 GB of heap);
 * then every page gets "page X of Y" and the report's title in its margin.
 */
public final class PdfReportWriter implements ReportWriter {

    /** The {@code <object type>} the template gives its charts. */
    static final String CHART_OBJECT = "review/chart";

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        // openhtmltopdf logs every step at INFO through java.util.logging; the export says what failed itself
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void write(ReviewReport report, Messages messages, Formats formats, OutputStream out,
            ExportProgress progress) throws IOException {
        progress.checkCancelled();
        progress.progress(0, "charts");
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        for (String name : ReviewCharts.NAMES) {
            charts.put(name, ReviewCharts.chart(name, report, messages, formats));
        }
        ReportView view = new ReportView(report, messages, formats, true, progress, Map.of());
        String xhtml = ReportTemplates.render(view);
        progress.checkCancelled();
        progress.progress(0.8, "layout");

        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(CHART_OBJECT, new ChartDrawer(charts));
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
        builder.useColorProfile(SRGB);
        builder.useObjectDrawerFactory(drawers);
        try (PDDocument doc = new PDDocument()) {
            render(builder, doc, view, xhtml, out, progress);
        }
        out.flush();
        progress.progress(1, "done");
    }

    private static void render(PdfRendererBuilder builder, PDDocument doc, ReportView view, String xhtml,
            OutputStream out, ExportProgress progress) throws IOException {
        builder.usePDDocument(doc);
        TimelinePages.Face regular = new TimelinePages.Face(doc, ReportFonts.REGULAR);
        TimelinePages.Face bold = new TimelinePages.Face(doc, ReportFonts.BOLD);
        builder.useFont(new PDFontSupplier(regular.font), ReportFonts.FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(bold.font), ReportFonts.FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(new TimelinePages.Face(doc, ReportFonts.MONO).font), ReportFonts.MONO_FAMILY,
                400, FontStyle.NORMAL, true);
        builder.withProducer("Crisis Console");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            progress.checkCancelled();
            progress.progress(0.5, "pages");
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            // the full timeline after the appendix heading, drawn by PDFBox (see TimelinePages)
            TimelinePages.append(pdf, view.report(), view.messages(), view.formats(), regular, bold, progress, 0.55,
                    0.9);
            TimelinePages.stamp(pdf, view.messages(), view.t("review.report.title", view.report().meta().title()),
                    regular);
            pdf.getDocumentCatalog().setLanguage(view.lang());
            progress.checkCancelled();
            progress.progress(0.95, "saving");
            // without object streams: PDFBox's compression pool recurses once per nested object and
            // overflows the stack on a timeline of tens of thousands of entries
            pdf.save(out, CompressParameters.NO_COMPRESSION);
        }
    }

    /** Draws a chart of the template ({@code <object type="review/chart" data-chart="mentions">}) as vectors. */
    private static final class ChartDrawer implements FSObjectDrawer {

        private final Map<String, JFreeChart> charts;

        ChartDrawer(Map<String, JFreeChart> charts) {
            this.charts = charts;
        }

        @Override
        public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
            JFreeChart chart = charts.get(e.getAttribute("data-chart"));
            if (chart != null) {
                float w = (float) width / dotsPerPixel;
                float h = (float) height / dotsPerPixel;
                outputDevice.drawWithGraphics((float) x, (float) y, w, h, g -> ReviewCharts.draw(chart, g, w, h));
            }
            return null;
        }
    }
}
