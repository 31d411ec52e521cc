package io.crisisconsole.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.testsupport.English;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {

    private static byte[] pdf;

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter().write(SampleReports.full(), English.MESSAGES, English.formats(), out,
                ExportProgress.none());
        pdf = out.toByteArray();
    }

    @Test
    void everyFontIsEmbeddedDejaVuAndNoImageStandsInForAChart() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), fonts, images);
            }
            assertThat(fonts).isNotEmpty();
            for (PDFont f : fonts) {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).as("no base-14 fallback").contains("DejaVu");
            }
            assertThat(images).as("charts are vectors").isEmpty();
        }
    }

    @Test
    void itIsPdfA2uWithTitleAuthorAndLanguage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id.getPart()).isEqualTo(2);
            assertThat(id.getConformance()).isEqualTo("U");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Crisis review: Payment outage / "
                    + SampleReports.RUSSIAN);
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly("Marta Kowalska");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(xmp.getDublinCoreSchema().getTitle());
        }
    }

    @Test
    void everyPageSaysItsNumberOfTheTotal() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int p = 1; p <= pages; p++) {
                assertThat(pageText(doc, p)).as("page %d", p).contains("page " + p + " of " + pages);
            }
        }
    }

    @Test
    void theContentsGiveTheRightPagesAndTheBookmarksNameEverySection() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String first = pageText(doc, 1) + pageText(doc, 2);
            Matcher m = Pattern.compile("(\\p{Lu}[^.\\n]*?)\\s*\\.{3,}\\s*(\\d+)").matcher(first);
            List<String> headings = new ArrayList<>();
            while (m.find()) {
                String heading = m.group(1).strip();
                int page = Integer.parseInt(m.group(2));
                headings.add(heading);
                assertThat(pageText(doc, page)).as(heading + " on page " + page).contains(heading);
            }
            assertThat(headings).containsExactly("Executive summary", "Key times", "Impact", "Timeline",
                    "What was published", "Service levels", "Charts", "Improvement plan",
                    "Proposed playbook changes", "Exercise scores", "External summary", "Appendix: the full timeline");
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).first().isEqualTo("Cover");
            assertThat(bookmarks.subList(1, bookmarks.size())).containsExactlyElementsOf(headings);
        }
    }

    @Test
    void theAppendixHoldsEveryTimelineEntryInOrderWithItsCorrectionsBeneath() throws IOException {
        ReviewReport report = SampleReports.full();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            String all = s.getText(doc);
            int appendix = all.lastIndexOf("Appendix: the full timeline");
            assertThat(appendix).isPositive();
            String text = all.substring(appendix).replaceAll("\\s+", " ");
            int from = 0;
            for (ReviewReport.TimelineRow row : report.timeline()) {
                // each entry's text, in the order of the timeline, as written (a control character prints as ?)
                String t = row.text().replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "?").replaceAll("\\s+", " ");
                int at = text.indexOf(t, from);
                assertThat(at).as("entry %d after position %d", row.id(), from).isGreaterThanOrEqualTo(0);
                for (ReviewReport.Correction c : row.corrections()) {
                    // the correction right beneath the entry it corrects
                    assertThat(text.indexOf("Correction by " + c.author(), at)).isGreaterThan(at);
                }
                from = at + t.length();
            }
        }
    }

    @Test
    void russianPolishSpanishAndHostileTextsAreExtractedExactly() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            List<String> lines = text.lines().map(String::strip).toList();
            assertThat(lines).contains(SampleReports.RUSSIAN, SampleReports.POLISH, SampleReports.SPANISH);
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains(SampleReports.SCRIPT, "Update rhythm on X slipped " + SampleReports.ATTRIBUTE,
                    SampleReports.JS_URL, "EXERCISE");
        }
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    private static void collect(PDResources resources, List<PDFont> fonts, List<PDImageXObject> images)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                images.add(image);
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, images);
            }
        }
    }
}
