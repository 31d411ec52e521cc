package io.crisisconsole.workspace;

import java.time.Instant;

/** A stored {@code case_step} row: what a person set on one step of a case's checklist. */
public record StepRow(long caseId, String stepId, StepState state, String reason, Long assigneeContactId,
        Instant doneAt, String updatedBy, Instant updatedAt) {
}
