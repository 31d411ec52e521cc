package io.crisisconsole.composer;

import java.time.Instant;

/** One saved version of a draft (append-only). */
public record DraftVersion(long draftId, int version, DraftContent content, Instant savedAt, String author) {
}
