package io.crisisconsole.cases;

/** The case was changed elsewhere (another window or the CLI) since it was loaded. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(long caseId) {
        super("case #" + caseId + " was changed elsewhere since it was opened here; reload it and try again");
    }

    /** For other things edited with the same optimistic check (playbooks). */
    protected ConcurrentChangeException(String message) {
        super(message);
    }
}
