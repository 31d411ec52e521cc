package io.crisisconsole.timeline;

import io.crisisconsole.toolkit.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Timeline entries as text in one language. A coded entry is rendered from its code and arguments
 * with the pattern {@code timeline.<code>} of {@link Messages} (ICU MessageFormat); an entry
 * written before codes existed, or with a code this version does not know, shows its stored body.
 *
 * <p>How arguments reach the patterns: each argument {@code x} as it is (a null as empty text),
 * plus {@code xGiven} ({@code true} or {@code false}) for the parts a pattern leaves out when a
 * value is missing ({@code {ownerGiven, select, true {, owner {owner}} other {}}}). An argument
 * holding a list of maps becomes the text of its items, each rendered the same way with the
 * pattern {@code timeline.<code>.<x>} and joined with {@code timeline.separator}.
 */
public final class TimelineText {

    /** The language bodies are written in: the command line, the tests and exports read them. */
    public static final Locale BODY_LANGUAGE = Locale.ENGLISH;

    static final String SEPARATOR_KEY = "timeline.separator";
    static final String GIVEN = "Given";

    private final Messages messages;

    public TimelineText(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The texts bodies are written with ({@link #BODY_LANGUAGE}). */
    public static TimelineText forBodies() {
        return new TimelineText(Messages.forLocale(BODY_LANGUAGE));
    }

    public Locale locale() {
        return messages.locale();
    }

    /** What {@code entry} says, in this language. */
    public String render(TimelineEntry entry) {
        Optional<EventCode> code = EventCode.find(entry.eventCode());
        if (code.isEmpty() || !messages.has(code.get().messageKey())) {
            return entry.body();
        }
        return render(code.get(), entry.eventArgs() == null ? Map.of() : entry.eventArgs());
    }

    /** The text of an event of {@code code} with {@code args}. */
    public String render(EventCode code, Map<String, Object> args) {
        return format(code.messageKey(), args);
    }

    /** Whether {@code code} has a pattern in this language (or in the base file it falls back to). */
    public boolean knows(EventCode code) {
        return messages.has(code.messageKey());
    }

    private String format(String key, Map<String, Object> args) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> a : args.entrySet()) {
            Object v = a.getValue();
            if (v instanceof List<?> items) {
                v = list(key + "." + a.getKey(), items);
            }
            values.put(a.getKey(), v == null ? "" : v);
            values.put(a.getKey() + GIVEN, v != null);
        }
        return messages.get(key, values);
    }

    private String list(String itemKey, List<?> items) {
        String separator = messages.get(SEPARATOR_KEY);
        StringBuilder text = new StringBuilder();
        for (Object item : items) {
            if (text.length() > 0) {
                text.append(separator);
            }
            text.append(item instanceof Map<?, ?> m ? format(itemKey, stringKeys(m)) : String.valueOf(item));
        }
        return text.toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
