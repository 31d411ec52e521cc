package io.crisisconsole.review;

import java.time.Instant;

/**
 * One change of a key time, kept for good (append-only): from {@code before} to {@code after}
 * (null: back to the derived time), by whom, when and why.
 */
public record KeyTimeChange(long id, long caseId, KeyTime kind, Instant before, Instant after, String note,
        String changedBy, Instant changedAt) {
}
