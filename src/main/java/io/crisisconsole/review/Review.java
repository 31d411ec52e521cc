package io.crisisconsole.review;

import java.time.Instant;

/**
 * The review of a case (real or exercise) as stored. {@code version} is 0 for a case whose review
 * was never saved (then the texts are empty and the rest null); a save names the version it
 * started from (optimistic locking).
 */
public record Review(long caseId, ReviewText text, int version, String updatedBy, Instant updatedAt) {

    static Review empty(long caseId) {
        return new Review(caseId, ReviewText.empty(), 0, null, null);
    }
}
