package io.crisisconsole.cases;

import java.time.Instant;

/** A crisis case (incident) as stored. */
public record CrisisCase(
        long id,
        String title,
        int severity,
        CaseStatus status,
        String owner,
        String hashtag,
        String hubUrl,
        Instant openedAt,
        Instant closedAt,
        Instant updatedAt,
        int version) {

    public CaseDetails details() {
        return new CaseDetails(title, severity, owner, hashtag, hubUrl);
    }
}
