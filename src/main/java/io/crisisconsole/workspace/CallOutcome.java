package io.crisisconsole.workspace;

/** How a call to a person of the call list went. Stored by name. */
public enum CallOutcome {
    REACHED,
    NO_ANSWER,
    LEFT_MESSAGE
}
