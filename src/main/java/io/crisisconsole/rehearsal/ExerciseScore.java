package io.crisisconsole.rehearsal;

import java.time.Instant;
import java.util.List;

/**
 * The figures of an exercise (issue #12 item 4): several, never one magic number. Minutes and
 * seconds are exercise time. Read by the Score tab, {@code exercise score --json} and the review export.
 *
 * @param minute how far the exercise is (or ran)
 */
public record ExerciseScore(long caseId, String scenarioId, String scenarioTitle, String language, ExerciseState state,
        long minute, FirstResponse firstResponse, Long holdingStatementMinutes, Integer holdingStatementTargetMinutes,
        List<Rhythm> rhythm, Expectations expectations, Steps steps, Findings findings,
        List<Unapproved> publishedWithoutApproval, List<ObjectiveScore> objectives) {

    /**
     * First responses to the inbox's mentions against the playbook's targets.
     *
     * @param mentions mentions the injects put in the inbox
     * @param answered of them, answered (in public or moved to private)
     * @param withinTarget answered within their type's target
     * @param overdueUnanswered not answered and past their target now
     * @param shareInTime withinTarget / mentions (0..1), null without mentions
     */
    public record FirstResponse(int mentions, int answered, int withinTarget, int overdueUnanswered,
            Long medianSeconds, Long p90Seconds, Double shareInTime) {
    }

    /**
     * The update rhythm on one channel the team published on, in the playbook's update window.
     *
     * @param intervalMinutes the playbook's update interval
     * @param longestGapMinutes the longest time without an update in the window (to the last publication,
     *        or to now / the end while the window lasts), null with one publication and no window left
     * @param late gaps longer than the interval
     * @param kept no gap longer than the interval
     */
    public record Rhythm(String channel, int publications, int intervalMinutes, Long longestGapMinutes, int late,
            boolean kept) {
    }

    /** Each expectation with its result, and the counts. */
    public record Expectations(int passed, int failed, int expired, int open, List<ExpectationResult> each) {
    }

    /**
     * @param result passed, failed, expired, or null while open
     * @param minute the exercise minute it was decided
     * @param deadlineMinute its deadline's exercise minute, or null
     */
    public record ExpectationResult(String id, String type, String text, String objective, String result, Long minute,
            Long deadlineMinute, boolean manual, String note) {
    }

    /** The checklist: done (of which late), skipped, open (of which past due). */
    public record Steps(int total, int done, int doneLate, int skipped, int open, int openLate) {
    }

    /**
     * The consistency and tone checks run on what went out.
     *
     * @param each finding code and channel, per publication
     */
    public record Findings(int publications, int errors, int warnings, List<PublishedFinding> each) {
    }

    public record PublishedFinding(String channel, Instant publishedAt, String severity, String code, String message) {
    }

    /** Something written down as published with no approved draft behind it. */
    public record Unapproved(long entryId, Instant at, String text) {
    }

    /**
     * An objective with the rating the figures suggest and the facilitator's own, if given.
     *
     * @param suggested from its expectations: all passed performed; at least half some challenges; some
     *        passed major challenges; none not performed; null without decided expectations
     */
    public record ObjectiveScore(String id, String text, int passed, int total, Rating suggested, Rating rating,
            String note) {
    }
}
