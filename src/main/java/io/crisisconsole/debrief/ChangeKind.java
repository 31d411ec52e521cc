package io.crisisconsole.debrief;

/** What a proposed playbook change does. Stored by name. */
public enum ChangeKind {
    /** One {@code when.slas.*} target set to another number. */
    TIGHTER_SLA,
    /** A phrase appended to {@code how.tone.forbidden_phrases.<lang>}. */
    FORBIDDEN_PHRASE,
    /** The response-matrix row of a mention type added or changed. */
    RESPONSE_ROW,
    /** A {@code how.templates} entry added for a channel and stage that had none. */
    MISSING_TEMPLATE,
    /** The whole YAML edited by hand. */
    FREE_EDIT
}
