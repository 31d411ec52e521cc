package io.crisisconsole.playbooks;

import io.crisisconsole.cases.CrisisCase;
import java.time.Instant;

/**
 * Whether a playbook is due for a review of the plan (issue #13 item 4).
 *
 * @param reviewedAt when it was last looked over: its newest version's save time or its last
 *        "Mark as reviewed", whichever is later
 * @param reviewedBy who saved that version or marked it
 * @param marked the time is a "Mark as reviewed" (not a saved version)
 * @param days the setting: a playbook not reviewed in this many days is due
 * @param daysSince whole days from {@code reviewedAt} to now
 * @param overdue not reviewed in {@code days} days
 * @param closedCase the case (or exercise) that followed the playbook and was closed after
 *        {@code reviewedAt}, the latest such; null when none
 */
public record PlanReminder(long playbookId, Instant reviewedAt, String reviewedBy, boolean marked, int days,
        long daysSince, boolean overdue, CrisisCase closedCase) {

    /** Due for a review: overdue, or a case used it since. */
    public boolean flagged() {
        return overdue || closedCase != null;
    }
}
