package io.crisisconsole.timeline;

import java.time.Instant;

/**
 * One append-only timeline entry. {@code occurredAt} is when it happened (may be given by hand,
 * e.g. when a post went out), {@code recordedAt} when it was written down.
 */
public record TimelineEntry(
        long id,
        long caseId,
        EntryKind kind,
        String author,
        String body,
        Instant occurredAt,
        Instant recordedAt,
        Long correctsId) {
}
