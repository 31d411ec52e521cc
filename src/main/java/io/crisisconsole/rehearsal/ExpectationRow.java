package io.crisisconsole.rehearsal;

import java.time.Instant;

/**
 * An expectation of a running exercise as stored.
 *
 * @param startsAt exercise time its window opens (null until the inject it follows fired)
 * @param deadlineAt the end of its window (null with its start)
 * @param decidedAt when it passed or failed (the time of what decided it), or expired (its deadline)
 * @param manual the facilitator judged it
 */
public record ExpectationRow(long caseId, String expectationId, int seq, ExpectationState state, Instant startsAt,
        Instant deadlineAt, Instant decidedAt, boolean manual, String note) {
}
