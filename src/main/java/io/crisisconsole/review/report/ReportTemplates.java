package io.crisisconsole.review.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.util.concurrent.CancellationException;

/**
 * Renders the report's template ({@code src/main/jte/review/report.jte}, compiled at build time by
 * the jte Maven plugin; HTML content type, so every {@code ${}} is escaped for where it stands) for
 * the HTML and the PDF writer.
 */
final class ReportTemplates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String TEMPLATE = "review/report.jte";

    private ReportTemplates() {
    }

    /** The report as XHTML (well-formed XML, so the PDF renderer's XML parser reads it as it is). */
    static String render(ReportView view) {
        StringOutput out = new StringOutput(64 * 1024 + view.report().timeline().size() * 256);
        try {
            ENGINE.render(TEMPLATE, view, out);
        } catch (TemplateException e) {
            // a cancel inside the timeline comes wrapped
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof CancellationException cancel) {
                    throw cancel;
                }
            }
            throw e;
        }
        // the lines of the template's imports and parameters leave blank lines before the doctype
        return xmlChars(out.toString().stripLeading());
    }

    /**
     * Drops what XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates,
     * U+FFFE/U+FFFF): a pasted mention may carry them, and the PDF's parser would refuse the page.
     */
    static String xmlChars(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            }
            if (!ok && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
