package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The editable fields of a contact, normalised and validated on construction (see
 * {@link ContactFields}): blank optional fields become {@code null}, e-mail addresses lowercase,
 * lists never null. Throws the first {@link ValidationException}.
 */
public record ContactDetails(
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
        String notes) {

    public static final int MAX_PHONES = 20;
    public static final int MAX_EMAILS = 20;
    public static final int MAX_HANDLES = 30;

    public ContactDetails {
        name = ContactFields.name(name);
        roleTitle = ContactFields.roleTitle(roleTitle);
        organisation = ContactFields.organisation(organisation);
        phones = List.copyOf(phones == null ? List.of() : phones);
        if (phones.size() > MAX_PHONES) {
            throw new ValidationException("phones", "more than " + MAX_PHONES + " phone numbers");
        }
        List<String> normalised = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String e : emails == null ? List.<String>of() : emails) {
            String address = ContactFields.email(e);
            if (!seen.add(address)) {
                throw new ValidationException("emails", "'" + address + "' is listed twice");
            }
            normalised.add(address);
        }
        emails = List.copyOf(normalised);
        if (emails.size() > MAX_EMAILS) {
            throw new ValidationException("emails", "more than " + MAX_EMAILS + " e-mail addresses");
        }
        handles = List.copyOf(handles == null ? List.of() : handles);
        if (handles.size() > MAX_HANDLES) {
            throw new ValidationException("handles", "more than " + MAX_HANDLES + " handles");
        }
        timeZone = ContactFields.timeZone(timeZone);
        language = ContactFields.language(language);
        availability = ContactFields.availability(availability);
        EnumSet<ContactGroup> g = EnumSet.noneOf(ContactGroup.class);
        if (groups != null) {
            g.addAll(groups);
        }
        groups = Collections.unmodifiableSet(g);
        notes = ContactFields.notes(notes);
    }

    /**
     * The control characters these fields may not hold ({@link PlainText}): none in the one-line
     * fields, phone labels and handles; in the notes only line breaks and tabs. Not checked by the
     * constructor, so that contacts stored before the rule can still be read, shown and corrected;
     * every write ({@link ContactService}, the import readers, the form) checks it.
     */
    public List<ValidationException> plainTextProblems() {
        List<ValidationException> found = new ArrayList<>();
        line(found, "name", "the name", name);
        line(found, "role_title", "the role", roleTitle);
        line(found, "organisation", "the organisation", organisation);
        for (Phone p : phones) {
            line(found, "phones", "the phone label '" + PlainText.cell(p.label()) + "'", p.label());
        }
        for (Handle h : handles) {
            line(found, "handles", "the " + h.network().slug() + " handle", h.handle());
        }
        line(found, "availability", "the availability", availability);
        String problem = PlainText.textProblem("the notes field", notes);
        if (problem != null) {
            found.add(new ValidationException("notes", problem));
        }
        return found;
    }

    /** This, when {@link #plainTextProblems()} finds nothing; else throws the first problem. */
    public ContactDetails checkPlainText() {
        List<ValidationException> found = plainTextProblems();
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        return this;
    }

    private static void line(List<ValidationException> found, String field, String what, String value) {
        String problem = PlainText.lineProblem(what, value);
        if (problem != null) {
            found.add(new ValidationException(field, problem));
        }
    }
}
