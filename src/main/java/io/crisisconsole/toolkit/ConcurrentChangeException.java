package io.crisisconsole.toolkit;

/** The case was changed elsewhere (another window or the CLI) since it was loaded. */
public class ConcurrentChangeException extends RuntimeException implements UserFacing {

    public ConcurrentChangeException(long caseId) {
        super("case #" + caseId + " was changed elsewhere since it was opened here; reload it and try again");
    }

    /** For other records edited with the same optimistic check (playbooks, contacts): the message says what. */
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
