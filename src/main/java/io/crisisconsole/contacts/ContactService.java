package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts: the people to reach in a crisis. Every write runs in one transaction (so the store's
 * commit count covers it). An e-mail address belongs to one contact only; playbooks name people by it.
 */
public final class ContactService {

    private final Jdbi jdbi;
    private final Clock clock;

    public ContactService(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
    }

    /** All contacts, by name. */
    public List<Contact> list() {
        return jdbi.inTransaction(ContactService::loadAll);
    }

    /** Contacts whose name, organisation, role, e-mail, phone digits, handle or group match (see {@link ContactSearch}). */
    public List<Contact> search(String query) {
        return list().stream().filter(ContactSearch.matching(query)).toList();
    }

    public Optional<Contact> find(long id) {
        return jdbi.inTransaction(h -> load(h, id));
    }

    public Contact get(long id) {
        return find(id).orElseThrow(() -> noSuchContact(id));
    }

    /** The contact with this e-mail address (any case), if any. */
    public Optional<Contact> findByEmail(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.attach(ContactDao.class).idByEmail(a);
            return id.isEmpty() ? Optional.<Contact>empty() : load(h, id.get());
        });
    }

    /** The contacts in a group, by name. */
    public List<Contact> membersOf(ContactGroup group) {
        Objects.requireNonNull(group, "group");
        return list().stream().filter(c -> c.groups().contains(group)).toList();
    }

    public Contact create(ContactDetails details) {
        Objects.requireNonNull(details, "details").checkPlainText();
        Instant now = now();
        return jdbi.inTransaction(h -> {
            checkEmailsFree(h, details, null);
            long id = insert(h, details, now);
            return load(h, id).orElseThrow();
        });
    }

    /**
     * Replaces the fields of a contact.
     *
     * @throws ConcurrentChangeException when it changed since {@code expectedVersion} (or was deleted)
     */
    public Contact update(long id, int expectedVersion, ContactDetails details) {
        Objects.requireNonNull(details, "details").checkPlainText();
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ContactRow current = h.attach(ContactDao.class).find(id).orElseThrow(() -> changedElsewhere(id));
            if (current.version() != expectedVersion) {
                throw changedElsewhere(id);
            }
            checkEmailsFree(h, details, id);
            write(h, id, expectedVersion, details, now);
            return load(h, id).orElseThrow();
        });
    }

    /** Deletes a contact with its phones, e-mails, handles and groups; false when it was not there. */
    public boolean delete(long id) {
        return jdbi.inTransaction(h -> h.attach(ContactDao.class).delete(id) == 1);
    }

    /**
     * Adds or updates many contacts in one transaction: all or nothing. A record with an e-mail
     * address that belongs to a contact already updates that contact (all its fields are replaced by
     * the record's) instead of adding a second one.
     *
     * @throws ValidationException when a record's addresses belong to two different contacts
     */
    public ImportSummary importAll(List<ContactDetails> records) {
        records.forEach(ContactDetails::checkPlainText);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ContactDao dao = h.attach(ContactDao.class);
            List<String> added = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            for (ContactDetails d : records) {
                Set<Long> matches = d.emails().isEmpty() ? Set.of() : new TreeSet<>(dao.idsByEmails(d.emails()));
                if (matches.size() > 1) {
                    throw new ValidationException("emails", d.name() + ": the addresses " + String.join(", ", d.emails())
                            + " belong to " + matches.size() + " different contacts");
                }
                if (matches.isEmpty()) {
                    insert(h, d, now);
                    added.add(d.name());
                } else {
                    long id = matches.iterator().next();
                    ContactRow current = dao.find(id).orElseThrow();
                    write(h, id, current.version(), d, now);
                    updated.add(d.name());
                }
            }
            return new ImportSummary(added, updated);
        });
    }

    // --- helpers, inside a transaction

    private static long insert(Handle h, ContactDetails d, Instant now) {
        ContactDao dao = h.attach(ContactDao.class);
        long id = dao.insert(d, now);
        insertChildren(dao, id, d);
        return id;
    }

    private static void write(Handle h, long id, int version, ContactDetails d, Instant now) {
        ContactDao dao = h.attach(ContactDao.class);
        if (dao.update(id, version, d, now) != 1) {
            throw changedElsewhere(id);
        }
        dao.deletePhones(id);
        dao.deleteEmails(id);
        dao.deleteHandles(id);
        dao.deleteGroups(id);
        insertChildren(dao, id, d);
    }

    private static void insertChildren(ContactDao dao, long id, ContactDetails d) {
        for (int i = 0; i < d.phones().size(); i++) {
            dao.insertPhone(id, i, d.phones().get(i));
        }
        for (int i = 0; i < d.emails().size(); i++) {
            dao.insertEmail(id, i, d.emails().get(i));
        }
        for (int i = 0; i < d.handles().size(); i++) {
            dao.insertHandle(id, i, d.handles().get(i));
        }
        for (ContactGroup g : d.groups()) {
            dao.insertGroup(id, g);
        }
    }

    private static void checkEmailsFree(Handle h, ContactDetails d, Long self) {
        ContactDao dao = h.attach(ContactDao.class);
        for (String e : d.emails()) {
            Optional<Long> owner = dao.idByEmail(e);
            if (owner.isPresent() && !owner.get().equals(self)) {
                String who = dao.find(owner.get()).map(ContactRow::name).orElse("another contact");
                throw new ValidationException("emails", "'" + e + "' is already the e-mail address of " + who);
            }
        }
    }

    private static Optional<Contact> load(Handle h, long id) {
        ContactDao dao = h.attach(ContactDao.class);
        Optional<ContactRow> row = dao.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(assemble(row.get(), dao.phones(id), dao.emails(id), dao.handles(id), dao.groups(id)));
    }

    private static List<Contact> loadAll(Handle h) {
        ContactDao dao = h.attach(ContactDao.class);
        Map<Long, List<ContactRow.Phone>> phones = new HashMap<>();
        dao.allPhones().forEach(p -> phones.computeIfAbsent(p.contactId(), k -> new ArrayList<>()).add(p));
        Map<Long, List<ContactRow.Email>> emails = new HashMap<>();
        dao.allEmails().forEach(e -> emails.computeIfAbsent(e.contactId(), k -> new ArrayList<>()).add(e));
        Map<Long, List<ContactRow.Handle>> handles = new HashMap<>();
        dao.allHandles().forEach(x -> handles.computeIfAbsent(x.contactId(), k -> new ArrayList<>()).add(x));
        Map<Long, List<ContactRow.Group>> groups = new HashMap<>();
        dao.allGroups().forEach(g -> groups.computeIfAbsent(g.contactId(), k -> new ArrayList<>()).add(g));
        List<Contact> out = new ArrayList<>();
        for (ContactRow row : dao.listByName()) {
            out.add(assemble(row, phones.getOrDefault(row.id(), List.of()), emails.getOrDefault(row.id(), List.of()),
                    handles.getOrDefault(row.id(), List.of()), groups.getOrDefault(row.id(), List.of())));
        }
        return out;
    }

    private static Contact assemble(ContactRow row, List<ContactRow.Phone> phones, List<ContactRow.Email> emails,
            List<ContactRow.Handle> handles, List<ContactRow.Group> groups) {
        Set<ContactGroup> g = EnumSet.noneOf(ContactGroup.class);
        groups.forEach(x -> g.add(x.grp()));
        ContactDetails d = new ContactDetails(row.name(), row.roleTitle(), row.organisation(),
                phones.stream().map(p -> new Phone(p.label(), p.number())).toList(),
                emails.stream().map(ContactRow.Email::address).toList(),
                handles.stream().map(x -> new io.crisisconsole.contacts.Handle(x.network(), x.handle())).toList(),
                row.timeZone(), row.language(), row.availability(), g, row.notes());
        return Contact.of(row, d);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ConcurrentChangeException changedElsewhere(long id) {
        return new ConcurrentChangeException("contact #" + id
                + " was changed or deleted elsewhere since it was opened here; reload it and try again");
    }

    private static ValidationException noSuchContact(long id) {
        return new ValidationException("contact", "no contact #" + id);
    }
}
