package io.crisisconsole.rehearsal;

/** A facilitator's rating of an objective (the HSEEP scale). Stored by name. */
public enum Rating {
    PERFORMED, SOME_CHALLENGES, MAJOR_CHALLENGES, NOT_PERFORMED;

    /** The command-line spelling: lowercase with dashes. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
