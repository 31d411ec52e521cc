package io.crisisconsole.contacts;

import java.time.Instant;

/** A row of {@code contact}, without its phones, e-mails, handles and groups. */
public record ContactRow(long id, String name, String roleTitle, String organisation, String timeZone,
        String language, String availability, String notes, Instant createdAt, Instant updatedAt, int version) {

    /** A row of one of the child tables, for loading many contacts at once. */
    public record Phone(long contactId, String label, String number) {
    }

    public record Email(long contactId, String address) {
    }

    public record Handle(long contactId, Network network, String handle) {
    }

    public record Group(long contactId, ContactGroup grp) {
    }
}
