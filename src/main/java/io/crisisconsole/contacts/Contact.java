package io.crisisconsole.contacts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A contact as stored. {@code version} counts changes, for optimistic locking. */
public record Contact(
        long id,
        String name,
        String roleTitle,
        String organisation,
        List<Phone> phones,
        List<String> emails,
        List<Handle> handles,
        String timeZone,
        String language,
        String availability,
        Set<ContactGroup> groups,
        String notes,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    static Contact of(ContactRow row, ContactDetails d) {
        return new Contact(row.id(), d.name(), d.roleTitle(), d.organisation(), d.phones(), d.emails(), d.handles(),
                d.timeZone(), d.language(), d.availability(), d.groups(), d.notes(), row.createdAt(), row.updatedAt(),
                row.version());
    }

    @JsonIgnore
    public ContactDetails details() {
        return new ContactDetails(name, roleTitle, organisation, phones, emails, handles, timeZone, language,
                availability, groups, notes);
    }

    /** The first phone number, or null. */
    @JsonIgnore
    public Phone firstPhone() {
        return phones.isEmpty() ? null : phones.get(0);
    }
}
