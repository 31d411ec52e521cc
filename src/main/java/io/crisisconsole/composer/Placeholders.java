package io.crisisconsole.composer;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.Playbook;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {{placeholders}} of playbook templates. A placeholder with no value yet (unknown, or
 * its field still empty) stays in the text as written, so that it shows where something is missing.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private Placeholders() {
    }

    /**
     * The values known for a case: {@code hashtag} and {@code hub_url} (the case's, else the
     * playbook's), {@code case_title}, and from the core message {@code issue} (what happened),
     * {@code action} (what you should do) and {@code next_update}. {@code brand} has no source in
     * the store and stays visible; {@link #values(CrisisCase, Playbook, CoreMessage, String)} takes it from the
     * brand name setting.
     */
    public static Map<String, String> values(CrisisCase c, Playbook playbook, CoreMessage core) {
        return values(c, playbook, core, null);
    }

    /** The values known for a case, and {@code brand} from the brand name setting (null or blank: not set). */
    public static Map<String, String> values(CrisisCase c, Playbook playbook, CoreMessage core, String brand) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "hashtag", c != null && c.hashtag() != null ? c.hashtag()
                : playbook != null && playbook.where() != null ? playbook.where().hashtag() : null);
        put(v, "hub_url", c != null && c.hubUrl() != null ? c.hubUrl()
                : playbook != null && playbook.where() != null && playbook.where().hub() != null
                        ? playbook.where().hub().url() : null);
        put(v, "case_title", c == null ? null : c.title());
        if (core != null) {
            put(v, "issue", stripEnd(core.whatHappened()));
            put(v, "action", core.whatYouShouldDo());
            put(v, "next_update", core.nextUpdate());
        }
        put(v, "brand", brand);
        return v;
    }

    /**
     * {@code text} with every placeholder that has a non-blank value replaced; the others left as they
     * are. A value put inside a sentence keeps its own case, except that its first letter is lowered
     * when the value starts with a capitalised ordinary word ({@link #inSentence}): "We know
     * {{issue}}" with "Our booking app fails" reads "We know our booking app fails".
     */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        String brand = values.get("brand");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String put = value == null ? m.group()
                    : atSentenceStart(text, m.start()) ? value : inSentence(value, brand);
            m.appendReplacement(out, Matcher.quoteReplacement(put));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A value as it reads inside a sentence: the first letter lowered only when the first word is a
     * capitalised ordinary word: at least two letters, an upper-case first letter and no other
     * upper-case letter (so "SMS", "iPhone", "McDonald's", "I" stay), and not the first word of the
     * brand name. Any script with case (Latin, Cyrillic) follows the same rule. A proper name such as
     * a city still gets lowered: write it into the template rather than the placeholder's field.
     */
    static String inSentence(String value, String brand) {
        int end = 0;
        while (end < value.length() && Character.isLetter(value.codePointAt(end))) {
            end += Character.charCount(value.codePointAt(end));
        }
        String word = value.substring(0, end);
        if (word.codePointCount(0, word.length()) < 2 || !Character.isUpperCase(word.codePointAt(0))) {
            return value;
        }
        String rest = word.substring(Character.charCount(word.codePointAt(0)));
        if (!rest.equals(rest.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        if (brand != null && !brand.isBlank()) {
            String b = brand.strip();
            int be = 0;
            while (be < b.length() && Character.isLetter(b.codePointAt(be))) {
                be += Character.charCount(b.codePointAt(be));
            }
            if (b.substring(0, be).equals(word)) {
                return value;
            }
        }
        int first = word.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
                .append(value, Character.charCount(first), value.length()).toString();
    }

    /**
     * Whether a placeholder at {@code at} starts a sentence: nothing but spaces, quotes and opening
     * brackets between it and the start of the text, a line break, . ! ? … and Spanish ¿ ¡, or a colon
     * (a label such as "What you can do: {{action}}" keeps the value's capital).
     */
    static boolean atSentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n' || c == ':' || c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u00BF' || c == '\u00A1') {
                return true;
            }
            if (Character.isWhitespace(c) || c == '"' || c == '\u201C' || c == '\u201E' || c == '\u00AB' || c == '('
                    || c == '\'' || c == '\u2018') {
                i--;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Whether {@code text} still has a placeholder. */
    public static boolean hasPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value.strip());
        }
    }

    /** Templates put their own full stop after {{issue}} ("We know {{issue}}."), so a trailing one is dropped. */
    private static String stripEnd(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
