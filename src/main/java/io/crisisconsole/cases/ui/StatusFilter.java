package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;

import java.util.function.Predicate;

/** The status choices of the case list filter. */
public enum StatusFilter implements Predicate<CrisisCase> {
    NOT_CLOSED("Not closed", null),
    ALL("All statuses", null),
    OPEN("Open", CaseStatus.OPEN),
    ACTIVE("Active", CaseStatus.ACTIVE),
    CONTAINED("Contained", CaseStatus.CONTAINED),
    RESOLVED("Resolved", CaseStatus.RESOLVED),
    REVIEWED("Reviewed", CaseStatus.REVIEWED);

    private final String label;
    private final CaseStatus status;

    StatusFilter(String label, CaseStatus status) {
        this.label = label;
        this.status = status;
    }

    @Override
    public boolean test(CrisisCase c) {
        if (this == ALL) {
            return true;
        }
        if (this == NOT_CLOSED) {
            return !c.status().isClosed();
        }
        return c.status() == status;
    }

    @Override
    public String toString() {
        return label;
    }
}
