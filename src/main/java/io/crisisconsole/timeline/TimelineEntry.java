package io.crisisconsole.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One append-only timeline entry. {@code occurredAt} is when it happened (may be given by hand,
 * e.g. when a post went out), {@code recordedAt} when it was written down. {@code body} is the text
 * as written, in English; {@code eventCode} and {@code eventArgs} say the same as data (see
 * {@link EventCode}), so {@link TimelineText} can show it in the reader's language. Entries written
 * before codes existed have neither and are shown from their body.
 */
public record TimelineEntry(
        long id,
        long caseId,
        EntryKind kind,
        String author,
        String body,
        Instant occurredAt,
        Instant recordedAt,
        Long correctsId,
        String eventCode,
        Map<String, Object> eventArgs) {
}
