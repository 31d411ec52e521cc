package io.crisisconsole.review.report;

import java.util.Arrays;
import java.util.Locale;

/** The formats a review exports to (issue #13 item 3); the CLI spells them in lowercase. */
public enum ReportFormat {
    MD("md"), HTML("html"), PDF("pdf"), JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, also the CLI's spelling. */
    public String extension() {
        return extension;
    }

    public static ReportFormat fromName(String text) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + text + "' (md, html, pdf or json)"));
    }
}
