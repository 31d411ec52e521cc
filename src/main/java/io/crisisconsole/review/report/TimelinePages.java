package io.crisisconsole.review.report;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF's full timeline, drawn straight onto PDFBox pages after the laid-out report (its
 * appendix): tens of thousands of entries are a few seconds of HTML layout per ten thousand, here a
 * fraction of that, and little memory. Each entry is its time, kind and author over its text,
 * wrapped to the page; the corrections made to it are indented beneath it; a new day starts with its
 * date. The bundled fonts are embedded as subsets (PDF/A: no font left out); a character the font
 * has no glyph for (an emoji) prints as {@code ?}. Then {@link #stamp} writes "page X of Y" and
 * the report's title in the margin of every page.
 */
final class TimelinePages {

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 15 * MM;
    private static final float RIGHT = 15 * MM;
    private static final float TOP = 18 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final float HEAD_SIZE = 7.5f;
    private static final float TEXT_SIZE = 8.5f;
    private static final float DAY_SIZE = 10f;
    private static final float INDENT = 14f;
    private static final float GAP = 3f;
    private static final float[] MUTED = {0.365f, 0.408f, 0.451f};
    private static final float[] INK = {0.114f, 0.137f, 0.161f};

    private TimelinePages() {
    }

    /**
     * A bundled font in {@code doc}, embedded as a subset, with what wrapping needs: its glyphs and
     * their widths. Without glyph substitution: our languages need no GSUB (no ligatures, so the
     * text extracts exactly), and applying it to every string was a third of a long layout's time.
     */
    static final class Face {
        final PDType0Font font;
        private final CmapLookup cmap;
        private final Map<Integer, Float> widths = new HashMap<>();

        Face(PDDocument doc, String resource) throws IOException {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(ReportFonts.bytes(resource)));
            ttf.setEnableGsub(false);
            this.cmap = ttf.getUnicodeCmapLookup();
            this.font = PDType0Font.load(doc, ttf, true);
        }

        /** The text with what the font cannot show replaced: tabs by spaces, controls and unknown glyphs by '?'. */
        String printable(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    out.append(' ');
                } else if (Character.isISOControl(cp) || cmap.getGlyphId(cp) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }

        /** The width of printable text at {@code size} points. */
        float width(String s, float size) throws IOException {
            float w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                Float cw = widths.get(cp);
                if (cw == null) {
                    cw = font.getStringWidth(new String(Character.toChars(cp)));
                    widths.put(cp, cw);
                }
                w += cw;
                i += Character.charCount(cp);
            }
            return w * size / 1000f;
        }
    }

    /** Where the drawing stands: the current page and the baseline of the next line. */
    private static final class Pen implements AutoCloseable {
        private final PDDocument doc;
        private final PDRectangle size;
        private PDPageContentStream out;
        private float y;

        Pen(PDDocument doc, PDRectangle size) {
            this.doc = doc;
            this.size = size;
        }

        /** Makes room for a line of {@code height}: a new page when this one is full. */
        void room(float height) throws IOException {
            if (out == null || y - height < BOTTOM) {
                close();
                PDPage page = new PDPage(size);
                doc.addPage(page);
                out = new PDPageContentStream(doc, page);
                y = size.getHeight() - TOP;
            }
            y -= height;
        }

        void line(Face face, float fontSize, float[] rgb, float x, String text) throws IOException {
            room(fontSize * 1.3f);
            out.beginText();
            out.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            out.setFont(face.font, fontSize);
            out.newLineAtOffset(x, y);
            out.showText(text);
            out.endText();
        }

        void gap(float h) {
            y -= h;
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }

    /**
     * Appends the timeline of {@code report} to {@code doc} on pages the size of its first,
     * looking every few hundred entries whether the export was cancelled.
     */
    static void append(PDDocument doc, ReviewReport report, Messages messages, Formats formats, Face regular,
            Face bold, ExportProgress progress, double from, double to) throws IOException {
        PDRectangle size = doc.getNumberOfPages() == 0 ? PDRectangle.A4 : doc.getPage(0).getMediaBox();
        float width = size.getWidth() - LEFT - RIGHT;
        List<ReviewReport.TimelineRow> rows = report.timeline();
        LocalDate day = null;
        try (Pen pen = new Pen(doc, size)) {
            for (int i = 0; i < rows.size(); i++) {
                if (i % ReportView.CANCEL_CHECK_ROWS == 0) {
                    progress.checkCancelled();
                    progress.progress(from + (to - from) * i / rows.size(), "timeline pages");
                }
                ReviewReport.TimelineRow e = rows.get(i);
                LocalDate d = e.at().atZone(formats.zone()).toLocalDate();
                if (!d.equals(day)) {
                    day = d;
                    pen.gap(i == 0 ? 0 : GAP * 2);
                    pen.line(bold, DAY_SIZE, INK, LEFT, bold.printable(formats.date(d)));
                    pen.gap(GAP);
                }
                String head = formats.clock(e.at()) + " \u00b7 " + e.kindLabel() + " \u00b7 " + e.author()
                        + (e.correctsId() == null ? ""
                                : " \u00b7 " + messages.get("review.report.timeline.corrects", e.correctsId()));
                for (String l : wrap(bold, bold.printable(head), HEAD_SIZE, width)) {
                    pen.line(bold, HEAD_SIZE, MUTED, LEFT, l);
                }
                paragraph(pen, regular, e.text(), LEFT, width);
                for (ReviewReport.Correction c : e.corrections()) {
                    String label = messages.get("review.report.timeline.correction", c.author(), formats.dayClock(c.at()));
                    for (String l : wrap(bold, bold.printable(label), HEAD_SIZE, width - INDENT)) {
                        pen.line(bold, HEAD_SIZE, MUTED, LEFT + INDENT, l);
                    }
                    paragraph(pen, regular, c.text(), LEFT + INDENT, width - INDENT);
                }
                pen.gap(GAP);
            }
        }
        progress.progress(to, "timeline pages");
    }

    private static void paragraph(Pen pen, Face face, String text, float x, float width) throws IOException {
        for (String raw : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
            for (String l : wrap(face, face.printable(raw), TEXT_SIZE, width)) {
                pen.line(face, TEXT_SIZE, INK, x, l);
            }
        }
    }

    /** Printable text broken into lines no wider than {@code width}: at spaces, inside a word only when it alone is wider. */
    static List<String> wrap(Face face, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (face.width(text, size) <= width) {
            lines.add(text);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        float used = 0;
        float space = face.width(" ", size);
        for (String word : text.split(" ", -1)) {
            float w = face.width(word, size);
            if (line.length() > 0 && used + space + w <= width) {
                line.append(' ').append(word);
                used += space + w;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (w <= width) {
                line.append(word);
                used = w;
                continue;
            }
            // a word wider than the line (a long URL): broken where the line ends
            int start = 0;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (face.width(word.substring(start, next), size) > width && i > start) {
                    lines.add(word.substring(start, i));
                    start = i;
                }
                i = next;
            }
            line.append(word.substring(start));
            used = face.width(line.toString(), size);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Writes "page X of Y" (bottom right) and {@code title} (bottom left) in the margin of every page. */
    static void stamp(PDDocument doc, Messages messages, String title, Face regular) throws IOException {
        int total = doc.getNumberOfPages();
        float size = 8f;
        String t = regular.printable(title);
        for (int p = 0; p < total; p++) {
            PDPage page = doc.getPage(p);
            PDRectangle box = page.getMediaBox();
            String text = regular.printable(messages.get("review.report.pageOf", p + 1, total));
            float y = 10 * MM;
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                out.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
                out.beginText();
                out.setFont(regular.font, size);
                out.newLineAtOffset(box.getWidth() - RIGHT - regular.width(text, size), y);
                out.showText(text);
                out.endText();
                String left = wrap(regular, t, size, box.getWidth() / 2).get(0);
                out.beginText();
                out.newLineAtOffset(LEFT, y);
                out.showText(left);
                out.endText();
            }
        }
    }
}
