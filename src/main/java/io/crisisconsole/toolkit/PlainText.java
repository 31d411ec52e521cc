package io.crisisconsole.toolkit;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The one rule for control characters in text a person types or a file brings, and the one way
 * text is made harmless for a terminal.
 *
 * <p><b>Input.</b> A one-line field (a title, a name, an author, an id) refuses every control
 * character: C0 (U+0000–U+001F, so also tab and line breaks), DEL (U+007F), C1 (U+0080–U+009F),
 * the line and paragraph separators (U+2028, U+2029), and the bidirectional embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069) that can show a text in another order than it is
 * stored ("Trojan source"). A multi-line text (a timeline entry, notes, a draft) keeps line breaks
 * and tabs, has {@code \r\n} and a lone {@code \r} turned into {@code \n}, and refuses the other
 * C0 characters (NUL, ESC, BEL ...), DEL and C1. A refusal is a {@link ValidationException} naming
 * the field, the character and its position (from 1).
 *
 * <p><b>Output.</b> {@link #cell} and {@link #lines} render those characters visibly ({@code \e},
 * {@code \n}, {@code \x07}, {@code \u202e} ...) so that stored text can neither move the cursor,
 * clear the screen, set the terminal's title, nor draw a line of its own. {@link #terminalSafe}
 * does the same for everything written through it, as a last line of defence for text that was
 * not escaped where it was formatted.
 */
public final class PlainText {

    private PlainText() {
    }

    /** C0, DEL or C1. */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
    }

    /** The bidirectional embedding, override and isolate controls. */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isSeparator(int c) {
        return c == 0x2028 || c == 0x2029;
    }

    /** Whether a one-line field may not hold {@code c}. */
    static boolean refusedInLine(int c) {
        return isControl(c) || isBidiControl(c) || isSeparator(c);
    }

    /** Whether a multi-line text may not hold {@code c} (after line breaks were normalised). */
    static boolean refusedInText(int c) {
        return isControl(c) && c != '\n' && c != '\t';
    }

    /**
     * {@code value} unchanged (null stays null) when it has no character a one-line field refuses.
     *
     * @param field the field's name, as {@link ValidationException#field()}
     * @param what  how a sentence names it: {@code "the title"}
     */
    public static String line(String field, String what, String value) {
        String problem = lineProblem(what, value);
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
        return value;
    }

    /**
     * {@code value} with {@code \r\n} and lone {@code \r} as {@code \n} (null stays null), when it
     * has no character a multi-line text refuses.
     */
    public static String text(String field, String what, String value) {
        if (value == null) {
            return null;
        }
        String normalised = normaliseLineBreaks(value);
        String problem = textProblem(what, normalised);
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
        return normalised;
    }

    /** {@code \r\n} and lone {@code \r} as {@code \n}. */
    public static String normaliseLineBreaks(String value) {
        return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** What is wrong with {@code value} as a one-line field ({@code what} names it), or null. */
    public static String lineProblem(String what, String value) {
        return problem(what, value, true);
    }

    /** What is wrong with {@code value} as a multi-line text (line breaks already normalised), or null. */
    public static String textProblem(String what, String value) {
        return problem(what, value, false);
    }

    private static String problem(String what, String value, boolean oneLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (oneLine ? refusedInLine(c) : refusedInText(c)) {
                String kind = isBidiControl(c) ? "a bidirectional control character"
                        : isSeparator(c) ? "a line separator" : c == '\n' || c == '\r' ? "a line break"
                        : c == '\t' ? "a tab" : "a control character";
                String after = isBidiControl(c) ? ", which can show the text in another order than it is stored"
                        : oneLine && (c == '\n' || c == '\r') ? ", but it must be one line" : "";
                return what + " contains " + kind + " (" + codePoint(c) + " at position "
                        + (value.codePointCount(0, i) + 1) + ")" + after + "; remove it";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** {@code U+001B}. */
    public static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    // --- output

    /** {@code s} for one cell or one line: every character a one-line field refuses, line breaks too, shown as an escape. */
    public static String cell(String s) {
        return escape(s, false);
    }

    /** {@code s} over several lines: as {@link #cell}, but {@code \n} (and {@code \r\n}) stay line breaks. */
    public static String lines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLineBreaks) {
        if (s == null) {
            return null;
        }
        int first = firstToEscape(s, 0, s.length(), keepLineBreaks);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        out.append(s, 0, first);
        appendEscaped(out, s, first, s.length(), keepLineBreaks);
        return out.toString();
    }

    private static int firstToEscape(CharSequence s, int from, int to, boolean keepLineBreaks) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (refusedInLine(c) && !(keepLineBreaks && isKeptBreak(s, i, to))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeptBreak(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        return c == '\n' || (c == '\r' && i + 1 < to && s.charAt(i + 1) == '\n');
    }

    private static void appendEscaped(StringBuilder out, CharSequence s, int from, int to, boolean keepLineBreaks) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!refusedInLine(c) || (keepLineBreaks && isKeptBreak(s, i, to))) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x1B -> out.append("\\e");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        // DEL, C1, separators, bidi controls: a JSON escape too, so --json output stays valid
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
    }

    /**
     * A writer that passes everything to {@code target} with {@link #lines} applied: line breaks
     * (also those of {@code println}) stay, every other control character is shown as an escape.
     * JSON that Jackson wrote stays valid JSON: it escapes C0 itself, and what is left is written
     * as {@code \\uXXXX}.
     */
    public static PrintWriter terminalSafe(PrintWriter target) {
        return new PrintWriter(new Escaping(target, true), true);
    }

    /**
     * As {@link #terminalSafe}, for a stream of one-line messages (stderr): only the line end that
     * {@code println} writes breaks a line; a line break inside what is printed is shown as
     * {@code \n}, so a message quoting a value cannot draw a line of its own.
     */
    public static PrintWriter terminalSafeLines(PrintWriter target) {
        return new PrintWriter(new Escaping(target, false), true);
    }

    private static final class Escaping extends Writer {
        private static final String LINE_END = System.lineSeparator();
        private final PrintWriter target;
        private final boolean keepLineBreaks;

        Escaping(PrintWriter target, boolean keepLineBreaks) {
            super(target);
            this.target = target;
            this.keepLineBreaks = keepLineBreaks;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String s, int off, int len) {
            boolean lineEnd = len == LINE_END.length() && s.startsWith(LINE_END, off);
            if (lineEnd || firstToEscape(s, off, off + len, keepLineBreaks) < 0) {
                target.write(s, off, len);
                return;
            }
            StringBuilder out = new StringBuilder(len + 16);
            appendEscaped(out, s, off, off + len, keepLineBreaks);
            target.write(out.toString());
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.close();
        }
    }
}
