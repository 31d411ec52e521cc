package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Stage;
import java.time.Instant;

/**
 * A draft message of a case as stored: its title, review status, statement stage and newest
 * version. {@code version} counts changes of the row, for optimistic locking.
 *
 * @param approvedByContactId the approver, while that contact exists; null when not approved
 * @param approvedByName the approver's name as it was at approval
 */
public record Draft(
        long id,
        long caseId,
        String title,
        DraftStatus status,
        Stage stage,
        Long approvedByContactId,
        String approvedByName,
        Instant approvedAt,
        int currentVersion,
        Instant createdAt,
        Instant updatedAt,
        int version) {
}
