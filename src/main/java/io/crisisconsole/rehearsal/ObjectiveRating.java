package io.crisisconsole.rehearsal;

import java.time.Instant;

/** The facilitator's rating of one objective, as stored. */
public record ObjectiveRating(long caseId, String objectiveId, Rating rating, String note, String ratedBy,
        Instant ratedAt) {
}
