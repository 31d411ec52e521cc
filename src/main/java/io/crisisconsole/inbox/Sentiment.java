package io.crisisconsole.inbox;

/** The tone of a mention as the listening tool scored it, or {@link #UNKNOWN}. Stored by name. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE, UNKNOWN
}
