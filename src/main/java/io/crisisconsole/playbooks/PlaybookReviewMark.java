package io.crisisconsole.playbooks;

import java.time.Instant;

/** A "Mark as reviewed" of a playbook: who looked it over and when. */
public record PlaybookReviewMark(long id, long playbookId, String reviewedBy, Instant reviewedAt) {
}
