package io.crisisconsole.workspace;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.playbooks.Playbook;
import java.time.Instant;
import java.util.List;

/**
 * One HOW step of the playbook as it stands in a case.
 *
 * @param ownerName the name of the step's owner role (its id when the role is missing)
 * @param assignee the person doing it: chosen by hand, else the first person of the owner role on
 *        the call list; null when the role has nobody
 * @param candidates who can be assigned: the role's people, then its backups
 * @param due the case's opening plus the step's due minutes
 * @param doneAt when it was done or skipped (null while open)
 * @param by who marked it (null while untouched)
 */
public record ChecklistItem(Playbook.Step step, String ownerName, Contact assignee, List<Contact> candidates,
        Instant due, StepState state, String reason, Instant doneAt, String by) {

    public ChecklistItem {
        candidates = List.copyOf(candidates);
    }

    /** Open past its due time. */
    public boolean late(Instant now) {
        return state == StepState.OPEN && now.isAfter(due);
    }

    /** Done, but after its due time. */
    public boolean doneLate() {
        return state == StepState.DONE && doneAt != null && doneAt.isAfter(due);
    }

    /** Required by the playbook and neither done nor skipped: the case cannot be resolved. */
    public boolean blocksResolving() {
        return step.required() && state == StepState.OPEN;
    }
}
