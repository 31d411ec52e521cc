package io.crisisconsole.timeline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entry about to be appended: what happened as a code and its arguments (values, not sentences:
 * numbers, enum names, the texts people wrote), who wrote it, when it happened and when it was
 * written down. The body text is rendered from the code and the arguments by {@link TimelineService}.
 *
 * @param args argument values: strings, numbers, booleans, null, or lists of such maps
 *             ({@code case.updated}'s changes); kept in the order given
 * @param correctsId the entry a correction points at, else null
 */
public record TimelineEvent(
        long caseId,
        EventCode code,
        Map<String, Object> args,
        String author,
        Instant occurredAt,
        Instant recordedAt,
        Long correctsId) {

    public TimelineEvent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        // LinkedHashMap: keeps the order and, unlike Map.copyOf, null values (an owner not set)
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args == null ? Map.of() : args));
        args.values().forEach(TimelineEvent::checkValue);
    }

    /** Arguments are plain values, so that they read the same as JSON in any later version. */
    private static void checkValue(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            return;
        }
        if (v instanceof List<?> items) {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("a list argument holds maps of values");
                }
                m.values().forEach(TimelineEvent::checkValue);
            }
            return;
        }
        throw new IllegalArgumentException("not a plain argument value: " + v.getClass().getName());
    }

    /** An event of {@code code} that happened when it was written down, {@code at}, with no arguments yet. */
    public static TimelineEvent of(long caseId, EventCode code, String author, Instant at) {
        return new TimelineEvent(caseId, code, Map.of(), author, at, at, null);
    }

    /** This event with one more argument. */
    public TimelineEvent with(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(name, value instanceof Enum<?> e ? e.name() : value);
        return new TimelineEvent(caseId, code, more, author, occurredAt, recordedAt, correctsId);
    }

    /** This event with a list argument: one map of values per item. */
    public TimelineEvent withList(String name, List<Map<String, Object>> items) {
        return with(name, List.copyOf(items));
    }

    /** This event, dated when it happened (before it was written down, e.g. a post that went out earlier). */
    public TimelineEvent occurredAt(Instant when) {
        return new TimelineEvent(caseId, code, args, author, when, recordedAt, correctsId);
    }

    /** This event as the correction of entry {@code entryId}. */
    public TimelineEvent correcting(long entryId) {
        return new TimelineEvent(caseId, code, args, author, occurredAt, recordedAt, entryId);
    }

    public EntryKind kind() {
        return code.kind();
    }
}
