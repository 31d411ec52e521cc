package io.crisisconsole.toolkit;

/**
 * User text made inert for GitHub-flavoured Markdown: every character that could start markup
 * (emphasis, links, images, code, HTML tags and entities, headings, lists, quotes, table pipes) is
 * backslash-escaped, so {@code <script>} shows as text and {@code [a](javascript:x)} is no link.
 */
public final class MarkdownText {

    /** Escaped wherever they stand: inline markup, HTML, entities and table cells. */
    private static final String ALWAYS = "\\`*_{}[]<>#|~&!";
    /** Escaped at the start of a line only, where they make lists, quotes, headings or rules. */
    private static final String LINE_START = "-+=>";

    private MarkdownText() {
    }

    /**
     * One line of text (a table cell, a list item, a heading): line breaks and tabs become single
     * spaces, markup is escaped. Null becomes empty.
     */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\t\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+", " ").strip();
        return escapeLine(flat);
    }

    /**
     * A paragraph that keeps its line breaks (each line ends in a hard break), markup escaped;
     * blank lines stay paragraph breaks. Null becomes empty.
     */
    public static String block(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = text.strip().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace('\t', ' ').strip();
            sb.append(escapeLine(line));
            if (i + 1 < lines.length) {
                boolean blankNext = lines[i + 1].isBlank();
                sb.append(line.isEmpty() || blankNext ? "\n" : "\\\n");
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} in a fenced code block of {@code info} (e.g. {@code diff}), with a fence longer
     * than any run of backticks inside, so the text cannot close it.
     */
    public static String fenced(String text, String info) {
        String body = text == null ? "" : text;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + (info == null ? "" : info) + "\n" + body + (body.endsWith("\n") || body.isEmpty() ? "" : "\n")
                + fence;
    }

    private static String escapeLine(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (ALWAYS.indexOf(c) >= 0 || (i == 0 && LINE_START.indexOf(c) >= 0)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        // "1. text" would start an ordered list
        int digits = 0;
        while (digits < sb.length() && Character.isDigit(sb.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < sb.length() && (sb.charAt(digits) == '.' || sb.charAt(digits) == ')')) {
            sb.insert(digits, '\\');
        }
        return sb.toString();
    }
}
