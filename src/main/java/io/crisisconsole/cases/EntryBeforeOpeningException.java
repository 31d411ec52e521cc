package io.crisisconsole.cases;

import io.crisisconsole.toolkit.ValidationException;
import java.time.Instant;

/**
 * An entry dated before its case was opened, without the confirmation that this is meant (a post
 * that went out before anyone opened the case). Asked again with the confirmation, it is stored.
 */
public final class EntryBeforeOpeningException extends ValidationException {

    private final Instant occurredAt;
    private final Instant openedAt;

    EntryBeforeOpeningException(long caseId, Instant occurredAt, Instant openedAt) {
        super("occurredAt", "the entry is dated " + occurredAt + ", before case #" + caseId + " was opened ("
                + openedAt + "); check the date, or confirm that it happened before the case was opened");
        this.occurredAt = occurredAt;
        this.openedAt = openedAt;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
