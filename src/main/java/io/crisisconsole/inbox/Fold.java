package io.crisisconsole.inbox;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Folding for inbox search and cue matching: lower case and without accents (ICU canonical
 * decomposition, base letter kept: "Gdańsk" and "gdansk" match, "ё" is "е"; ł, ø, đ as l, o, d;
 * ß as ss). Words are runs of letters and digits; everything else (spaces, punctuation, # and @)
 * separates them.
 */
final class Fold {

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private Fold() {
    }

    /** Per BMP char: its folded char, {@link #SEPARATOR}, {@link #SKIP} (a combining mark) or {@link #SLOW}. */
    private static final char[] TABLE = table();
    private static final char SEPARATOR = '\u0000';
    private static final char SKIP = '\u0001';
    private static final char SLOW = '\u0002';

    private static char[] table() {
        char[] t = new char[65536];
        StringBuilder b = new StringBuilder(4);
        for (int c = 0; c < 65536; c++) {
            if (Character.isSurrogate((char) c)) {
                t[c] = SLOW;
            } else if (UCharacter.getType(c) == UCharacter.NON_SPACING_MARK) {
                t[c] = SKIP;
            } else if (!UCharacter.isLetterOrDigit(c)) {
                t[c] = SEPARATOR;
            } else {
                b.setLength(0);
                appendFolded(b, c);
                t[c] = b.length() == 1 && b.charAt(0) > SLOW ? b.charAt(0) : SLOW;
            }
        }
        return t;
    }

    /** The folded words of {@code text}, in order, each given to {@code sink}. */
    static void words(String text, Consumer<String> sink) {
        if (text == null) {
            return;
        }
        StringBuilder w = new StringBuilder(16);
        int n = text.length();
        for (int i = 0; i < n; ) {
            char ch = text.charAt(i);
            char f = TABLE[ch];
            if (f > SLOW) {
                w.append(f);
                i++;
                continue;
            }
            if (f == SKIP) {
                i++;
                continue; // a combining accent typed apart
            }
            if (f == SEPARATOR) {
                if (w.length() > 0) {
                    sink.accept(w.toString());
                    w.setLength(0);
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK) {
                continue;
            }
            if (!UCharacter.isLetterOrDigit(cp)) {
                if (w.length() > 0) {
                    sink.accept(w.toString());
                    w.setLength(0);
                }
                continue;
            }
            appendFolded(w, cp);
        }
        if (w.length() > 0) {
            sink.accept(w.toString());
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        words(text, out::add);
        return out;
    }

    /** The folded words of {@code text} joined by single spaces, with a space before and after. */
    static String spaced(String text) {
        StringBuilder b = new StringBuilder(" ");
        words(text, w -> b.append(w).append(' '));
        return b.toString();
    }

    private static void appendFolded(StringBuilder w, int cp) {
        switch (cp) {
            case 'ł', 'Ł' -> w.append('l');
            case 'ø', 'Ø' -> w.append('o');
            case 'đ', 'Đ' -> w.append('d');
            case 'ß' -> w.append("ss");
            default -> {
                String d = NFD.getDecomposition(cp);
                int base = d == null ? cp : d.codePointAt(0);
                w.appendCodePoint(UCharacter.toLowerCase(base));
            }
        }
    }
}
