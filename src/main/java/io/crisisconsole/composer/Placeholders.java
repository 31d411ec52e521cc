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
     * the store yet and stays visible.
     */
    public static Map<String, String> values(CrisisCase c, Playbook playbook, CoreMessage core) {
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
        return v;
    }

    /** {@code text} with every placeholder that has a non-blank value replaced; the others left as they are. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
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
