package io.crisisconsole.inbox;

/** What a column of a mention export feeds. Stored by name (in saved mappings). */
public enum MentionField {
    /** When it was published: a date and time, or only the date when {@link #TIME} is a column of its own. */
    DATE,
    /** The time of day, when the tool writes it in a column apart from {@link #DATE}. */
    TIME,
    TEXT,
    AUTHOR,
    URL,
    SENTIMENT,
    REACH,
    PLATFORM,
    LANGUAGE,
    REPLY_TO,
    ID
}
