package io.crisisconsole.debrief;

import java.time.Instant;

/**
 * A playbook change proposed in a case's debrief: the full YAML it proposes for playbook
 * {@code playbookId}, against version {@code baseVersion}; accepted, it became version
 * {@code becameVersion}.
 *
 * @param source where it came from (the debrief's forms, or a suggestion of the review)
 * @param suggestion the key of the suggestion it was proposed from ({@link Suggestion#key()}), else null
 */
public record PlaybookChange(long id, long caseId, long playbookId, String language, int baseVersion,
        ChangeKind kind, String description, String yaml, ChangeState state, Integer becameVersion,
        String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, ChangeSource source,
        String suggestion) {
}
