package io.crisisconsole.workspace;

/** Where a checklist step stands. Stored by name. */
public enum StepState {
    OPEN,
    DONE,
    /** Not done on purpose, with the reason written down. */
    SKIPPED
}
