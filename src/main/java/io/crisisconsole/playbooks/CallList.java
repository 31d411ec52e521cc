package io.crisisconsole.playbooks;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The WHO of a playbook resolved against the contact list: for every role, the people to call (named
 * people first, then members of the role's groups), the backups, and what could not be resolved
 * (an address no contact has, a group nobody is in), so gaps show before the crisis does.
 */
public record CallList(List<Entry> entries) {

    /** One role and the people behind it. */
    public record Entry(Playbook.Role role, boolean notifyOnActivation, List<Contact> primary, List<Contact> backups,
            List<String> unresolved) {
    }

    /**
     * Resolves the roles of {@code playbook}.
     *
     * @param byEmail finds the contact with an e-mail address
     * @param membersOf lists the contacts in a group
     */
    public static CallList resolve(Playbook playbook, Function<String, Optional<Contact>> byEmail,
            Function<ContactGroup, List<Contact>> membersOf) {
        List<Entry> entries = new ArrayList<>();
        List<String> notify = playbook.who().notifyOnActivation();
        for (Playbook.Role role : playbook.who().roles()) {
            List<String> unresolved = new ArrayList<>();
            Map<Long, Contact> primary = new LinkedHashMap<>();
            for (String email : role.people()) {
                byEmail.apply(email).ifPresentOrElse(c -> primary.putIfAbsent(c.id(), c),
                        () -> unresolved.add("no contact has the address " + email));
            }
            for (String groupName : role.groups()) {
                Optional<ContactGroup> group = ContactGroup.find(groupName);
                if (group.isEmpty()) {
                    unresolved.add("'" + groupName + "' is not a contact group");
                    continue;
                }
                List<Contact> members = membersOf.apply(group.get());
                if (members.isEmpty()) {
                    unresolved.add("nobody is in the group " + group.get().slug());
                }
                members.forEach(c -> primary.putIfAbsent(c.id(), c));
            }
            Map<Long, Contact> backups = new LinkedHashMap<>();
            for (String email : role.backups()) {
                byEmail.apply(email).ifPresentOrElse(c -> {
                    if (!primary.containsKey(c.id())) {
                        backups.putIfAbsent(c.id(), c);
                    }
                }, () -> unresolved.add("no contact has the backup address " + email));
            }
            if (primary.isEmpty() && role.people().isEmpty() && role.groups().isEmpty()) {
                unresolved.add("the role names no people and no groups");
            }
            entries.add(new Entry(role, notify.contains(role.id()), List.copyOf(primary.values()),
                    List.copyOf(backups.values()), List.copyOf(unresolved)));
        }
        return new CallList(List.copyOf(entries));
    }

    /** Roles nobody can fill. */
    public List<Entry> unfilled() {
        return entries.stream().filter(e -> e.primary().isEmpty() && e.backups().isEmpty()).toList();
    }
}
