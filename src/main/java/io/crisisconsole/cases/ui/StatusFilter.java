package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import java.util.function.Predicate;

/** The status choices of the case list filter (named in the window by {@link CaseTexts#filter}). */
public enum StatusFilter implements Predicate<CrisisCase> {
    NOT_CLOSED(null),
    ALL(null),
    OPEN(CaseStatus.OPEN),
    ACTIVE(CaseStatus.ACTIVE),
    CONTAINED(CaseStatus.CONTAINED),
    RESOLVED(CaseStatus.RESOLVED),
    REVIEWED(CaseStatus.REVIEWED);

    private final CaseStatus status;

    StatusFilter(CaseStatus status) {
        this.status = status;
    }

    /** The one status this filter lets through; null for {@link #NOT_CLOSED} and {@link #ALL}. */
    public CaseStatus status() {
        return status;
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
}
