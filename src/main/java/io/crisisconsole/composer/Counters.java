package io.crisisconsole.composer;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Lengths as the platforms count them: X with twitter-text (weighted: URLs 23, emoji and CJK 2),
 * SMS in GSM-7 (3GPP TS 23.038 default alphabet; the extension table's {@code ^ { } \ [ ~ ] | €} and
 * form feed take 2) or else UCS-2 (UTF-16 units), everything else in code points. Pure, thread-safe.
 */
public final class Counters {

    /** SMS part sizes. */
    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    public static final String GSM7 = "GSM-7";
    public static final String UCS2 = "UCS-2";

    /**
     * The GSM 03.38 default alphabet, without ESC (0x1B), which only introduces extension characters.
     * Note what is missing: á í ó ú Á Í Ó Ú ç (only Ç is there), every Polish letter with a diacritic
     * and all of Cyrillic.
     */
    static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: each takes two septets (ESC + the character). */
    static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private static final byte[] GSM_COST = new byte[0x20AD];

    static {
        for (char c : GSM7_BASIC.toCharArray()) {
            GSM_COST[c] = 1;
        }
        for (char c : GSM7_EXTENSION.toCharArray()) {
            GSM_COST[c] = 2;
        }
    }

    /**
     * An SMS: encoding, length in that encoding (septets or UTF-16 units), parts.
     *
     * @param segments 0 for an empty text
     */
    public record Sms(String encoding, int length, int segments) {
    }

    private Counters() {
    }

    /** Septets a character takes in GSM-7, 0 when it has none (the text must go as UCS-2). */
    public static int gsm7Cost(char c) {
        return c < GSM_COST.length ? GSM_COST[c] : 0;
    }

    /** Whether every character is in the GSM-7 default alphabet or its extension table. */
    public static boolean isGsm7(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (gsm7Cost(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The encoding, length and parts of an SMS, counted as a phone and Twilio's segment calculator
     * split it: one part holds 160 septets or 70 UCS-2 units; a longer text goes in parts of 153
     * septets or 67 units (6 octets go to the concatenation header), and nothing is split across two
     * parts: not a GSM-7 extension character (escape + character), not a surrogate pair (emoji), not a
     * grapheme cluster (an emoji sequence, a letter with its marks). So a part may hold fewer units.
     */
    public static Sms sms(String text) {
        int[] starts = smsPartStarts(text);
        boolean gsm = isGsm7(text);
        int length = 0;
        if (gsm) {
            for (int i = 0; i < text.length(); i++) {
                length += gsm7Cost(text.charAt(i));
            }
        } else {
            length = text.length();
        }
        return new Sms(gsm ? GSM7 : UCS2, length, starts.length);
    }

    /**
     * Where each SMS part of {@code text} starts (UTF-16 index), in order; empty for an empty text.
     * See {@link #sms(String)} for the rules.
     */
    public static int[] smsPartStarts(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        boolean gsm = isGsm7(text);
        int[] units = smsUnits(text, gsm);
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += units[i];
        }
        if (total <= (gsm ? GSM7_SINGLE : UCS2_SINGLE)) {
            return new int[] {0};
        }
        int part = gsm ? GSM7_PART : UCS2_PART;
        int[] starts = new int[total / Math.max(1, part) + 2];
        int n = 0;
        starts[n++] = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = units[i];
            if (cost == 0) {
                continue; // inside an indivisible unit that started earlier
            }
            if (used + cost > part && used > 0) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
                used = 0;
            }
            used += cost;
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /**
     * Per UTF-16 index: the units (septets or UCS-2 code units) of the indivisible piece that starts
     * there, 0 inside a piece. GSM-7: every character is a piece (an extension character is 2).
     * UCS-2: a grapheme cluster is a piece (CR LF counts as two, as Twilio counts it).
     */
    private static int[] smsUnits(String text, boolean gsm) {
        int[] units = new int[text.length()];
        if (gsm) {
            for (int i = 0; i < text.length(); i++) {
                units[i] = gsm7Cost(text.charAt(i));
            }
            return units;
        }
        com.ibm.icu.text.BreakIterator graphemes = com.ibm.icu.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
        graphemes.setText(text);
        int start = graphemes.first();
        for (int end = graphemes.next(); end != com.ibm.icu.text.BreakIterator.DONE; start = end, end = graphemes.next()) {
            if (end - start == 2 && text.charAt(start) == '\r' && text.charAt(start + 1) == '\n') {
                units[start] = 1;
                units[start + 1] = 1;
            } else {
                units[start] = end - start;
            }
        }
        return units;
    }

    /** The most an SMS of {@code segments} parts can hold in the encoding. */
    public static int smsCapacity(String encoding, int segments) {
        boolean gsm = GSM7.equals(encoding);
        if (segments <= 0) {
            return 0;
        }
        if (segments == 1) {
            return gsm ? GSM7_SINGLE : UCS2_SINGLE;
        }
        return segments * (gsm ? GSM7_PART : UCS2_PART);
    }

    /**
     * The index where part {@code maxSegments + 1} of the SMS starts (what does not fit into
     * {@code maxSegments} parts), or the text's length when it fits.
     */
    public static int smsOverflowStart(String text, int maxSegments) {
        int[] starts = smsPartStarts(text);
        return maxSegments >= 0 && starts.length > maxSegments ? starts[maxSegments] : text.length();
    }

    private static final TwitterTextConfiguration X_CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
    private static final int[][] X_RANGES = X_CONFIG.getRanges().stream()
            .map(r -> new int[] {r.getRange().start, r.getRange().end, r.getWeight()}).toArray(int[][]::new);

    /** X: twitter-text's weighted length (default configuration, v3). */
    public static int xWeightedLength(String text) {
        return xLengthAndOverflow(text, 0)[0];
    }

    /**
     * X: weighted length and the index where the text stops fitting into {@code limit} (its length
     * when it fits, or when {@code limit} is 0).
     *
     * <p>Counts exactly as twitter-text's {@code parseTweet} (URLs from its {@link Extractor}, found
     * with {@link Facts#urls}, weigh 23, an emoji sequence matched by its emoji pattern weighs 2,
     * every other code point its configured range weight), but fast: {@code parseTweet} runs the
     * emoji pattern from every index of the text, about 0.4 ms for one post; here it is only tried
     * where an emoji can start. Text that is not in NFC goes to {@code parseTweet} itself.
     */
    static int[] xLengthAndOverflow(String text, int limit) {
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return xBySlowParser(text, limit);
        }
        int scale = X_CONFIG.getScale();
        long max = (long) limit * scale;
        List<Extractor.Entity> urls = Facts.urls(text);
        int nextUrl = 0;
        long weight = 0;
        int overflow = -1;
        int i = 0;
        Matcher emoji = null;
        while (i < text.length()) {
            int start = i;
            int cp = text.codePointAt(i);
            if (nextUrl < urls.size() && urls.get(nextUrl).getStart() == i) {
                weight += (long) X_CONFIG.getTransformedURLLength() * scale;
                i = urls.get(nextUrl).getEnd();
                nextUrl++;
            } else {
                int emojiEnd = -1;
                if (X_CONFIG.getEmojiParsingEnabled() && mayStartEmoji(text, i, cp)) {
                    if (emoji == null) {
                        emoji = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
                    }
                    emoji.region(i, text.length());
                    if (emoji.lookingAt() && emoji.end() > i) {
                        emojiEnd = emoji.end();
                    }
                }
                if (emojiEnd > 0) {
                    weight += X_CONFIG.getDefaultWeight();
                    i = emojiEnd;
                } else {
                    weight += weightOf(cp);
                    i += Character.charCount(cp);
                }
            }
            if (limit > 0 && overflow < 0 && weight > max) {
                overflow = start;
            }
        }
        return new int[] {(int) (weight / scale), overflow < 0 ? text.length() : overflow};
    }

    private static boolean mayStartEmoji(String text, int i, int cp) {
        if (cp >= 0x203C || cp == 0xA9 || cp == 0xAE) {
            return true;
        }
        if (cp == '#' || cp == '*' || (cp >= '0' && cp <= '9')) {
            int next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            return next == 0xFE0F || next == 0x20E3;
        }
        return false;
    }

    private static int weightOf(int cp) {
        for (int[] r : X_RANGES) {
            if (cp >= r[0] && cp <= r[1]) {
                return r[2];
            }
        }
        return X_CONFIG.getDefaultWeight();
    }

    /** twitter-text's own parser, for text not in NFC (it normalizes first). */
    static int[] xBySlowParser(String text, int limit) {
        TwitterTextParseResults r = TwitterTextParser.parseTweet(text);
        int overflow = text.length();
        if (limit > 0 && r.weightedLength > limit) {
            if (limit == X_CONFIG.getMaxWeightedTweetLength()) {
                overflow = Math.min(text.length(), Math.max(0, r.validTextRange.end + 1));
            } else {
                int lo = 0;
                int hi = text.codePointCount(0, text.length());
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    String prefix = text.substring(0, text.offsetByCodePoints(0, mid));
                    if (TwitterTextParser.parseTweet(prefix).weightedLength <= limit) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                overflow = text.offsetByCodePoints(0, lo);
            }
        }
        return new int[] {r.weightedLength, overflow};
    }

    /** Code points. */
    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
