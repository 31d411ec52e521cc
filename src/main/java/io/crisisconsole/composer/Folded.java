package io.crisisconsole.composer;

import java.text.Normalizer;

/**
 * A text folded for case-insensitive, Unicode-aware phrase search that still knows where every
 * folded character came from, so a match maps back to an exact span of the original. Folding, per
 * code point: NFC (a base letter with combining marks is composed first, so "ó" typed as o + U+0301
 * matches "ó"), lower case ({@link Character#toLowerCase(int)}, locale-independent), ё as е,
 * typographic apostrophes as ', dashes as -, any run of whitespace (incl. no-break spaces) as one
 * space; zero-width characters and soft hyphens are dropped. Letters keep their diacritics: "sad" does
 * not match "sąd".
 */
final class Folded {

    final String text;
    /** Per folded char: the original index where its source starts, and where it ends (exclusive). */
    private final int[] from;
    private final int[] to;

    private Folded(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static Folded of(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] from = new int[n + 4];
        int[] to = new int[n + 4];
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int j = i + Character.charCount(cp);
            int k = j;
            while (k < n && Character.getType(s.charAt(k)) == Character.NON_SPACING_MARK) {
                k++;
            }
            if (k > j) {
                String composed = Normalizer.normalize(s.substring(i, k), Normalizer.Form.NFC);
                for (int p = 0; p < composed.length(); ) {
                    int c = composed.codePointAt(p);
                    p += Character.charCount(c);
                    if (Character.getType(c) == Character.NON_SPACING_MARK) {
                        continue; // a mark with no composed form: ignored
                    }
                    from = grow(from, out.length() + 2);
                    to = grow(to, out.length() + 2);
                    append(out, fold(c), from, to, i, k);
                }
                i = k;
                continue;
            }
            if (isIgnorable(cp)) {
                i = j;
                continue;
            }
            if (isSpace(cp)) {
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) == ' ') {
                    to[len - 1] = j;
                } else {
                    from = grow(from, len + 1);
                    to = grow(to, len + 1);
                    out.append(' ');
                    from[len] = i;
                    to[len] = j;
                }
                i = j;
                continue;
            }
            from = grow(from, out.length() + 2);
            to = grow(to, out.length() + 2);
            append(out, fold(cp), from, to, i, j);
            i = j;
        }
        return new Folded(out.toString(), from, to);
    }

    /** A phrase folded the same way, trimmed. */
    static String phrase(String s) {
        return of(s.strip()).text.strip();
    }

    private static void append(StringBuilder out, int cp, int[] from, int[] to, int start, int end) {
        int at = out.length();
        out.appendCodePoint(cp);
        for (int p = at; p < out.length(); p++) {
            from[p] = start;
            to[p] = end;
        }
    }

    private static int[] grow(int[] a, int need) {
        if (need <= a.length) {
            return a;
        }
        int[] b = new int[Math.max(need, a.length * 2)];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    static int fold(int cp) {
        switch (cp) {
            case 'ё':
            case 'Ё':
                return 'е';
            case '\u2019':
            case '\u2018':
            case '\u02BC':
            case '\u0060':
            case '\u00B4':
                return '\'';
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2212':
                return '-';
            default:
                return Character.toLowerCase(cp);
        }
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || cp == '\u00A0' || cp == '\u202F' || cp == '\u2007';
    }

    private static boolean isIgnorable(int cp) {
        return cp == '\u00AD' || cp == '\u200B' || cp == '\u200C' || cp == '\u200D' || cp == '\u2060'
                || cp == '\uFEFF';
    }

    /** Original start of the folded range [fs, fe). */
    int start(int fs) {
        return from[fs];
    }

    /** Original end (exclusive) of the folded range [fs, fe). */
    int end(int fe) {
        return to[fe - 1];
    }

    /**
     * The first match of a folded phrase at or after {@code fromIndex} that starts and ends at word
     * boundaries (a phrase ending in a letter does not match inside a longer word, unless
     * {@code prefix}: then "sprawdź" also matches "sprawdźcie"); -1 when none.
     */
    int find(String phrase, boolean prefix, int fromIndex) {
        if (phrase.isEmpty()) {
            return -1;
        }
        int at = text.indexOf(phrase, fromIndex);
        while (at >= 0) {
            int end = at + phrase.length();
            boolean startOk = at == 0 || !isWord(text.charAt(at - 1)) || !isWord(phrase.charAt(0));
            boolean endOk = prefix || end == text.length() || !isWord(text.charAt(end))
                    || !isWord(phrase.charAt(phrase.length() - 1));
            if (startOk && endOk) {
                return at;
            }
            at = text.indexOf(phrase, at + 1);
        }
        return -1;
    }

    static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
