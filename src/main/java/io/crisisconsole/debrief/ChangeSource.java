package io.crisisconsole.debrief;

/** Where a proposed playbook change came from. Stored by name. */
public enum ChangeSource {
    /** Proposed in the debrief's own forms: accepting names the debrief of the case. */
    DEBRIEF,
    /** A suggestion computed from the case (see {@link SuggestionService}): accepting names the review. */
    REVIEW
}
