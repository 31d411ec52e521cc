package io.crisisconsole.debrief;

/** Where a proposed playbook change stands. Stored by name. */
public enum ChangeState {
    PROPOSED, ACCEPTED, REJECTED
}
