package io.crisisconsole.cases;

import java.time.Instant;

/**
 * A crisis case (incident) as stored.
 *
 * @param exercise a rehearsal's case (issue #12): marked EXERCISE wherever it shows, and never in
 *        the list of real cases ({@link CaseService#list()}) or their figures
 */
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
        int version,
        boolean exercise) {

    /** A real case (not an exercise), as the tests and older callers build it. */
    public CrisisCase(long id, String title, int severity, CaseStatus status, String owner, String hashtag,
            String hubUrl, Instant openedAt, Instant closedAt, Instant updatedAt, int version) {
        this(id, title, severity, status, owner, hashtag, hubUrl, openedAt, closedAt, updatedAt, version, false);
    }

    public CaseDetails details() {
        return new CaseDetails(title, severity, owner, hashtag, hubUrl);
    }
}
