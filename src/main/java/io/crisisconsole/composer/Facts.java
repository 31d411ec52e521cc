package io.crisisconsole.composer;

import com.twitter.twittertext.Extractor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the checkable facts in a text (URLs, e-mail addresses, hashtags, @handles, dates, amounts
 * with a currency, phone numbers, times, numbers), each with its exact span and a normalised key, so
 * "3,000", "3 000", "3.000" and "3000" all have the key {@code 3000}, "4:30 pm" and "16.30" both
 * {@code 16:30}, "€50" and "50 EUR" both {@code EUR 50}. Patterns run in that order and a later
 * one never takes text an earlier one took. URLs, hashtags and handles are found by twitter-text's
 * {@link Extractor}, as X finds them (URLs also without a scheme, e.g. {@code status.example.com};
 * hashtags in any script, e.g. {@code #Авария}); {@link #urls} is the one URL finder of the app.
 * Thread-safe.
 */
final class Facts {

    enum Kind {
        URL("links"), EMAIL("e-mail addresses"), HASHTAG("hashtags"), HANDLE("handles"), DATE("dates"),
        AMOUNT("amounts"), PHONE("phone numbers"), TIME("times"), NUMBER("numbers");

        final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    record Fact(Kind kind, String key, int start, int end) {
    }

    private static final String NUM = "\\d{1,3}(?:[ \\u00A0\\u202F.,]\\d{3})+(?:[.,]\\d{1,2})?(?!\\d)|\\d+(?:[.,]\\d+)?";
    private static final String CUR_BEFORE = "€|\\$|£|₽|(?i:EUR|USD|GBP|PLN|RUB)";
    private static final String CUR_AFTER = "€|\\$|£|₽|(?i:EUR|USD|GBP|PLN|RUB|zł|zl|złotych|złote|złoty|euros?|dólares"
            + "|руб(?:лей|ля|ль|\\.)?)(?![\\p{L}])";

    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DATE = Pattern.compile("(?<![\\d.,:/-])(?:(\\d{4})-(\\d{2})-(\\d{2})"
            + "|(\\d{1,2})([./])(\\d{1,2})\\5(\\d{4}|\\d{2}))(?![\\d])");
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\d.,])(?:(" + CUR_BEFORE + ")\\s?(" + NUM
            + ")|(" + NUM + ")\\s?(" + CUR_AFTER + "))");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d \\u00A0().-]{5,}\\d(?![\\w])");
    private static final Pattern TIME = Pattern.compile("(?i)(?<![\\d.,:])(?:([01]?\\d|2[0-3])[:.]([0-5]\\d)"
            + "(?:\\s?([ap])\\.?m\\.?)?|(1[0-2]|0?[1-9])\\s?([ap])\\.?m\\.?)(?![\\d\\p{L}])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,_-])(?:" + NUM + ")(?![\\p{L}\\d])");
    /** Not facts: "24/7". */
    private static final Pattern IGNORED = Pattern.compile("(?<!\\d)24/7(?!\\d)");

    /**
     * Finds URLs, hashtags and mentions. Shared: it is never reconfigured (it keeps finding URLs
     * without a scheme) and holds no other state.
     */
    private static final Extractor EXTRACTOR = new TokenExtractor();

    private Facts() {
    }

    /**
     * The URLs in a text as X finds them, with or without a scheme, each with its span (never
     * ending in punctuation such as the full stop of a sentence). Used for the link facts here and
     * for X's weighted length in {@link Counters}.
     */
    static List<Extractor.Entity> urls(String text) {
        return EXTRACTOR.extractURLsWithIndices(text);
    }

    /**
     * twitter-text's {@link Extractor}, run only on the runs of text between spaces that can hold a
     * URL (a '.' followed by a letter: every TLD starts with one), a hashtag (a '#' or '＃') or a
     * mention (an '@' or '＠'), each with the one space before it: on a whole post its patterns take
     * up to 0.2 ms, trying their TLD and letter lists at every index. The result is the same, as no
     * URL, hashtag or mention holds a space ({@code \s} or {@code \p{Z}}) and a space always counts
     * as the character before one; {@code FactsTest} compares the two.
     */
    static final class TokenExtractor extends Extractor {

        @Override
        public List<Entity> extractURLsWithIndices(String text) {
            return text == null || text.indexOf('.') < 0 ? List.of() : byToken(text, Kind.URL);
        }

        @Override
        public List<Entity> extractHashtagsWithIndices(String text) {
            return text == null || text.indexOf('#') < 0 && text.indexOf('＃') < 0 ? List.of()
                    : byToken(text, Kind.HASHTAG);
        }

        @Override
        public List<Entity> extractMentionsOrListsWithIndices(String text) {
            return text == null || text.indexOf('@') < 0 && text.indexOf('＠') < 0 ? List.of()
                    : byToken(text, Kind.HANDLE);
        }

        private List<Entity> byToken(String text, Kind kind) {
            List<Entity> out = new ArrayList<>();
            int n = text.length();
            int i = 0;
            while (i < n) {
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
                int from = Math.max(0, i - 1);
                boolean candidate = false;
                for (; i < n && !isSpace(text.charAt(i)); i++) {
                    candidate = candidate || mayStart(kind, text, i);
                }
                if (!candidate) {
                    continue;
                }
                String token = from == 0 && i == n ? text : text.substring(from, i);
                List<Entity> found = kind == Kind.URL ? super.extractURLsWithIndices(token)
                        : kind == Kind.HASHTAG ? super.extractHashtagsWithIndices(token)
                        : super.extractMentionsOrListsWithIndices(token);
                for (Entity e : found) {
                    out.add(from == 0 ? e : new Entity(e.getStart() + from, e.getEnd() + from, e.getValue(),
                            e.getListSlug(), e.getType()));
                }
            }
            return out;
        }

        /** For a URL: a '.' followed by an ASCII letter or by any character that is not ASCII. */
        private static boolean mayStart(Kind kind, String text, int i) {
            char c = text.charAt(i);
            switch (kind) {
                case URL: {
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                    return c == '.' && (next >= 0x80 || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'));
                }
                case HASHTAG:
                    return c == '#' || c == '＃';
                default:
                    return c == '@' || c == '＠';
            }
        }

        /** {@code \s} or {@code \p{Z}}, as twitter-text's patterns see spaces. */
        private static boolean isSpace(char c) {
            return c == ' ' || (c >= '\t' && c <= '\r') || Character.isSpaceChar(c);
        }
    }

    static List<Fact> extract(String text) {
        List<Fact> out = new ArrayList<>();
        BitSet taken = new BitSet(text.length());
        claim(IGNORED, text, taken, null, out);
        claim(EMAIL, text, taken, Kind.EMAIL, out);
        claim(Kind.URL, urls(text), text, taken, out);
        claim(Kind.HASHTAG, EXTRACTOR.extractHashtagsWithIndices(text), text, taken, out);
        claim(Kind.HANDLE, EXTRACTOR.extractMentionedScreennamesWithIndices(text), text, taken, out);
        claim(DATE, text, taken, Kind.DATE, out);
        claim(AMOUNT, text, taken, Kind.AMOUNT, out);
        claim(PHONE, text, taken, Kind.PHONE, out);
        claim(TIME, text, taken, Kind.TIME, out);
        claim(NUMBER, text, taken, Kind.NUMBER, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Each entity the extractor found, unless an earlier kind took part of its text. */
    private static void claim(Kind kind, List<Extractor.Entity> found, String text, BitSet taken, List<Fact> out) {
        for (Extractor.Entity e : found) {
            int start = e.getStart();
            int end = e.getEnd();
            int firstTaken = taken.nextSetBit(start);
            if (firstTaken >= 0 && firstTaken < end) {
                continue;
            }
            taken.set(start, end);
            String key = kind == Kind.URL ? url(text.substring(start, end))
                    : (kind == Kind.HASHTAG ? "#" : "@") + e.getValue().toLowerCase(Locale.ROOT);
            out.add(new Fact(kind, key, start, end));
        }
    }

    private static void claim(Pattern p, String text, BitSet taken, Kind kind, List<Fact> out) {
        // Matches can only start where starts() says: trying the pattern only there (lookingAt with
        // transparent bounds, so look-behinds still see the text before) is the same as find(), ~5x faster
        int n = text.length();
        if (kind == Kind.EMAIL && text.indexOf('@') < 0) {
            return;
        }
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        while (i < n) {
            if (taken.get(i) || !starts(kind, text, i)) {
                i++;
                continue;
            }
            m.region(i, n);
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            int start = m.start();
            int end = m.end();
            if (kind == Kind.EMAIL) {
                while (end > start && ".,;:!?)".indexOf(text.charAt(end - 1)) >= 0) {
                    end--;
                }
            }
            int firstTaken = taken.nextSetBit(start);
            if (firstTaken >= 0 && firstTaken < end) {
                i++;
                continue;
            }
            String key = kind == null ? "" : key(kind, m, text.substring(start, end));
            if (key == null) {
                i++;
                continue;
            }
            taken.set(start, end);
            if (kind != null) {
                out.add(new Fact(kind, key, start, end));
            }
            i = Math.max(end, i + 1);
        }
    }

    /** Where a match of the kind can start (a superset; the pattern decides). */
    private static boolean starts(Kind kind, String text, int i) {
        char c = text.charAt(i);
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        if (kind == null) {
            return c == '2';
        }
        switch (kind) {
            case EMAIL:
                return Character.isLetterOrDigit(c) && !Character.isLetterOrDigit(prev) && prev != '_'
                        && tokenHas(text, i, '@');
            case AMOUNT:
                return Character.isDigit(c) && !Character.isDigit(prev) || "€$£₽".indexOf(c) >= 0
                        || ("EUGPRerugp".indexOf(c) >= 0 && !Character.isLetter(prev));
            case PHONE:
                return (c == '+' || Character.isDigit(c)) && !Character.isDigit(prev);
            default:
                return Character.isDigit(c) && !Character.isDigit(prev);
        }
    }

    /** Whether the run of text from {@code i} to the next whitespace holds {@code c} (followed by something). */
    private static boolean tokenHas(String text, int i, char c) {
        for (int j = i + 1; j < text.length() - 1; j++) {
            char x = text.charAt(j);
            if (x == c) {
                return true;
            }
            if (Character.isWhitespace(x)) {
                return false;
            }
        }
        return false;
    }

    private static String key(Kind kind, Matcher m, String s) {
        switch (kind) {
            case EMAIL:
                return s.toLowerCase(Locale.ROOT);
            case DATE:
                if (m.group(1) != null) {
                    return date(m.group(3), m.group(2), m.group(1));
                }
                return date(m.group(4), m.group(6), m.group(7));
            case AMOUNT:
                if (m.group(1) != null) {
                    return currency(m.group(1)) + " " + number(m.group(2));
                }
                return currency(m.group(4)) + " " + number(m.group(3));
            case PHONE: {
                String digits = s.replaceAll("\\D", "");
                boolean plus = s.startsWith("+");
                if (digits.length() < 9 && !(plus && digits.length() >= 7)) {
                    return null;
                }
                return digits;
            }
            case TIME: {
                int h;
                int min;
                String ampm;
                if (m.group(1) != null) {
                    h = Integer.parseInt(m.group(1));
                    min = Integer.parseInt(m.group(2));
                    ampm = m.group(3);
                } else {
                    h = Integer.parseInt(m.group(4));
                    min = 0;
                    ampm = m.group(5);
                }
                if (ampm != null) {
                    if (h > 12 || h == 0) {
                        return null;
                    }
                    boolean pm = ampm.equalsIgnoreCase("p");
                    h = h % 12 + (pm ? 12 : 0);
                }
                return String.format(Locale.ROOT, "%02d:%02d", h, min);
            }
            case NUMBER:
                return number(s);
            default:
                return s;
        }
    }

    static String url(String s) {
        String u = s.toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String date(String d, String mo, String y) {
        int year = Integer.parseInt(y);
        if (y.length() == 2) {
            year += 2000;
        }
        int month = Integer.parseInt(mo);
        int day = Integer.parseInt(d);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            // maybe month/day (US): keep it as written, still comparable
            return String.format(Locale.ROOT, "%04d-?%02d-%02d", year, day, month);
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    private static String currency(String c) {
        String l = c.toLowerCase(Locale.ROOT);
        if (l.equals("€") || l.startsWith("eur")) {
            return "EUR";
        }
        if (l.equals("$") || l.equals("usd") || l.startsWith("dólar")) {
            return "USD";
        }
        if (l.equals("£") || l.equals("gbp")) {
            return "GBP";
        }
        if (l.equals("₽") || l.equals("rub") || l.startsWith("руб")) {
            return "RUB";
        }
        return "PLN";
    }

    /** "3,000" "3 000" "3.000" "3000" are 3000; "3,5" and "3.5" are 3.5; "3.50" is 3.5. */
    static String number(String s) {
        String t = s.replace('\u00A0', ' ').replace('\u202F', ' ');
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                b.append(c);
            } else {
                int digitsAfter = 0;
                int j = i + 1;
                while (j < t.length() && Character.isDigit(t.charAt(j))) {
                    digitsAfter++;
                    j++;
                }
                boolean lastSeparator = t.indexOf(' ', j) < 0 && t.indexOf('.', j) < 0 && t.indexOf(',', j) < 0;
                boolean grouping = c == ' ' || digitsAfter == 3 && !(lastSeparator && hasOtherSeparator(t, i, c));
                if (!grouping) {
                    b.append('.');
                }
            }
        }
        try {
            BigDecimal d = new BigDecimal(b.toString()).stripTrailingZeros();
            return d.toPlainString();
        } catch (NumberFormatException e) {
            return b.toString();
        }
    }

    /** In "1,234.56" the "." is the decimal point: it differs from the earlier grouping ",". */
    private static boolean hasOtherSeparator(String t, int at, char c) {
        for (int i = 0; i < at; i++) {
            char p = t.charAt(i);
            if (!Character.isDigit(p) && p != c) {
                return true;
            }
            if (p == c) {
                return false;
            }
        }
        return false;
    }
}
