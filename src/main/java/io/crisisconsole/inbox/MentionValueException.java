package io.crisisconsole.inbox;

/** A cell that does not say what its column needs; the message is a phrase ("the date '31/02/2026' is not a day"). */
public final class MentionValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MentionValueException(String message) {
        super(message);
    }
}
