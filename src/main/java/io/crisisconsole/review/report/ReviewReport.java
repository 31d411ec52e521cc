package io.crisisconsole.review.report;

import io.crisisconsole.rehearsal.ExerciseScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the review report shows (issue #13 item 2), read from the store once by
 * {@link ReviewReportBuilder}; the Markdown, HTML, PDF and JSON writers only lay it out, and the
 * JSON is this record as it stands (schema: {@code review-report.schema.json}). Times are instants
 * (UTC); texts are as the users wrote them (the writers escape them). Labels that depend on the
 * reader's language ({@code kindLabel}, {@code text} of a timeline entry) are already in the
 * report's language.
 *
 * @param language the report's language tag (en, ru, pl, es)
 */
public record ReviewReport(int schemaVersion, String language, Instant generatedAt, String generatedBy, Meta meta,
        Texts texts, List<KeyTimeRow> keyTimes, List<KeyTimeChangeRow> keyTimeChanges, Impact impact,
        List<TimelineRow> timeline, List<ChannelVariants> published, Sla sla, Charts charts,
        List<PlanAction> improvementPlan, List<ProposedChange> playbookChanges, ExerciseScore exercise,
        External external) {

    public static final int SCHEMA_VERSION = 1;

    public ReviewReport {
        keyTimes = List.copyOf(keyTimes);
        keyTimeChanges = List.copyOf(keyTimeChanges);
        timeline = List.copyOf(timeline);
        published = List.copyOf(published);
        improvementPlan = List.copyOf(improvementPlan);
        playbookChanges = List.copyOf(playbookChanges);
    }

    /**
     * The case and its playbook.
     *
     * @param playbookKey null when the case has no playbook (then title, version and language too)
     */
    public record Meta(long caseId, String title, boolean exercise, int severity, String status, String owner,
            String hashtag, String hubUrl, Instant openedAt, Instant closedAt, String playbookKey,
            String playbookTitle, Integer playbookVersion, String playbookLanguage) {
    }

    /**
     * The reviewer's texts ({@code review.ReviewText}) and the debrief's hot-wash.
     *
     * @param contributingFactors one per line as written, split into items (blank lines dropped)
     * @param lessons likewise
     */
    public record Texts(String summary, String impact, List<String> contributingFactors, List<String> lessons,
            String wentWell, String wentWrong, String lucky, String reviewUpdatedBy, Instant reviewUpdatedAt) {

        public Texts {
            contributingFactors = List.copyOf(contributingFactors);
            lessons = List.copyOf(lessons);
        }
    }

    /**
     * A key time.
     *
     * @param kind the {@code review.KeyTime} name
     * @param label its name in the report's language
     * @param sinceImpactMinutes minutes after impact began, null when either is unknown
     */
    public record KeyTimeRow(String kind, String label, Instant at, Instant derivedAt, boolean edited, String setBy,
            Instant setAt, String note, Long sinceImpactMinutes) {
    }

    public record KeyTimeChangeRow(String kind, String label, Instant before, Instant after, String note,
            String changedBy, Instant changedAt) {
    }

    /**
     * The impact in figures. Before / during / after are split at impact began and resolved (during
     * runs to the last mention while unresolved).
     *
     * @param peakStart the start of the busiest 15 minutes, null without mentions
     * @param reach the sum of the mentions' reach (mentions without reach count 0)
     * @param sentimentBefore counts by sentiment name (positive, neutral, negative, unknown), every name present
     */
    public record Impact(long mentions, Instant peakStart, long peakMentions, long reach,
            Map<String, Long> sentimentBefore, Map<String, Long> sentimentDuring, Map<String, Long> sentimentAfter) {
    }

    /**
     * One timeline entry with the corrections made to it (a correction also stays in the list, at
     * its own time, with {@code correctsId}).
     *
     * @param kind the entry kind's name (NOTE, DECISION, ...) and {@code kindLabel} its name in the report's language
     * @param text the entry in the report's language (from its event code, else as written)
     */
    public record TimelineRow(long id, Instant at, Instant recordedAt, String kind, String kindLabel, String author,
            String text, String eventCode, Long correctsId, List<Correction> corrections) {

        public TimelineRow {
            corrections = List.copyOf(corrections);
        }
    }

    public record Correction(long id, Instant at, String author, String text) {
    }

    /** What went out on one channel, oldest first. */
    public record ChannelVariants(String channel, String channelLabel, List<PublishedVariant> variants) {

        public ChannelVariants {
            variants = List.copyOf(variants);
        }
    }

    /**
     * One publication: the variant's text as it was in the published draft version, its approver
     * and the findings of the consistency and tone checks on it.
     *
     * @param approvedBy null when published without approval
     */
    public record PublishedVariant(long draftId, String draftTitle, int draftVersion, String stage, String text,
            Instant publishedAt, String markedBy, String approvedBy, Instant approvedAt, List<FindingRow> findings) {

        public PublishedVariant {
            findings = List.copyOf(findings);
        }
    }

    /** @param level error or warning */
    public record FindingRow(String level, String code, String message) {
    }

    /**
     * The SLA table.
     *
     * @param firstPublicMinutes impact began to first public message; null when either is unknown
     * @param firstPublicTargetMinutes the playbook's first public reply target, null without a playbook
     * @param firstPublicMet null when not measurable
     * @param mentions the mentions' first responses
     * @param stepsLateOrSkipped the checklist steps done late, skipped, or open past due
     */
    public record Sla(Long firstPublicMinutes, Integer firstPublicTargetMinutes, Boolean firstPublicMet,
            List<Rhythm> rhythm, Responses mentions, List<StepRow> stepsLateOrSkipped) {

        public Sla {
            rhythm = List.copyOf(rhythm);
            stepsLateOrSkipped = List.copyOf(stepsLateOrSkipped);
        }
    }

    /**
     * The update rhythm on one channel in the playbook's update window (from impact began).
     *
     * @param longestGapMinutes null with one publication and no window left
     * @param late gaps longer than the interval
     */
    public record Rhythm(String channel, String channelLabel, int publications, int intervalMinutes,
            Long longestGapMinutes, int late, boolean kept) {
    }

    /**
     * First responses to the case's mentions: percentiles by nearest rank over the answered ones;
     * {@code shareInTime} is answered within their type's target out of all mentions (0..1).
     */
    public record Responses(long mentions, long answered, long withinTarget, Long medianSeconds, Long p90Seconds,
            Double shareInTime) {
    }

    /** @param state done-late, skipped or open-late */
    public record StepRow(String stepId, String title, String owner, Instant due, String state, Instant doneAt,
            String reason) {
    }

    /**
     * The charts' data: the mentions per 15 minutes (sentiment and mean first response per bucket)
     * with the publications as markers.
     *
     * @param complaintReplyTargetMinutes the first-response target of complaints (the playbook's,
     *        else the inbox default): the response chart's target line
     */
    public record Charts(List<Bucket> mentionsPer15Minutes, List<Marker> publications,
            Integer complaintReplyTargetMinutes) {

        public Charts {
            mentionsPer15Minutes = List.copyOf(mentionsPer15Minutes);
            publications = List.copyOf(publications);
        }
    }

    /** @param meanResponseSeconds null when no mention of the bucket was answered */
    public record Bucket(Instant start, long mentions, long positive, long neutral, long negative, long unknown,
            long answered, Double meanResponseSeconds) {
    }

    public record Marker(Instant at, String channel, String channelLabel, String draftTitle) {
    }

    /** An action of the improvement plan (the debrief's lessons). @param status open or done */
    public record PlanAction(long id, String action, String owner, LocalDate due, String status) {
    }

    /**
     * A playbook change proposed in the debrief or the review, with its unified diff against the
     * version it was proposed on.
     *
     * @param state proposed, accepted or rejected; {@code becameVersion} the version it made
     */
    public record ProposedChange(long id, String kind, String description, String state, int baseVersion,
            Integer becameVersion, String diff, String proposedBy, Instant proposedAt) {
    }

    /** The external summary, ready to publish. */
    public record External(String whatHappened, String whatWeDid, String whatChanges) {
    }
}
