package io.crisisconsole.signals;

import java.util.List;

/**
 * A threshold of the case's playbook that is met: what was met, the severity to raise to and whom
 * to notify.
 *
 * @param threshold its index in {@code when.escalation_thresholds} (0-based), {@code when} its prose
 * @param severity the case's severity now (1 critical to 4 low); {@code raiseTo} the threshold's
 * @param contacts the roles to notify with the people the call list has for them
 */
public record Proposal(long caseId, int threshold, String when, List<Met> met, int severity, int raiseTo,
        List<Notify> contacts) {

    public Proposal {
        met = List.copyOf(met);
        contacts = List.copyOf(contacts);
    }

    /** A role to notify and the people of the call list who fill it (empty when nobody does). */
    public record Notify(String role, String roleName, List<String> people) {
        public Notify {
            people = List.copyOf(people);
        }
    }

    /** Whether accepting raises the severity (it is less severe now than the threshold says). */
    public boolean raises() {
        return raiseTo < severity;
    }

    /** The role ids to notify. */
    public List<String> roles() {
        return contacts.stream().map(Notify::role).toList();
    }
}
