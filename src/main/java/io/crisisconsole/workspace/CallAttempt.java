package io.crisisconsole.workspace;

import java.time.Instant;

/** One call to a person of the call list (a {@code call_attempt} row). */
public record CallAttempt(long id, long caseId, long contactId, String contactName, String roleId,
        CallOutcome outcome, Instant calledAt, String note, String loggedBy, Instant loggedAt) {
}
