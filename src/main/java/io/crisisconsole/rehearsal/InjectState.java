package io.crisisconsole.rehearsal;

/** Where an inject stands. Stored by name. */
public enum InjectState {
    PENDING, FIRED, SKIPPED
}
