package io.crisisconsole.contacts.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactFields;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Handle;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.toolkit.ui.FormProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The new/edit contact form. Phones, e-mails and handles are edited as text, one per line
 * ({@code mobile: +48 601 234 567}, {@code x: @anna_pr}); validated live with the store's rules.
 */
public final class ContactFormViewModel {

    /** Lines, or {@code ;} as in the CSV file. */
    static final String LIST_SPLIT = "\\R|;";
    private static final ObjectMapper DRAFT_JSON = new ObjectMapper();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty roleTitle = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty phones = new SimpleStringProperty("");
    private final StringProperty emails = new SimpleStringProperty("");
    private final StringProperty handles = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("");
    private final StringProperty availability = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final Map<ContactGroup, BooleanProperty> groups = new EnumMap<>(ContactGroup.class);
    private final FormProblem problem = new FormProblem();
    private final Messages messages;
    /** The name of another contact that has this (lowercase) address, else null. */
    private Function<String, String> emailOwner = address -> null;

    public ContactFormViewModel(Messages messages) {
        this.messages = messages;
        for (ContactGroup g : ContactGroup.values()) {
            groups.put(g, new SimpleBooleanProperty(false));
        }
        for (Observable o : observables()) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /**
     * Checks e-mail addresses against the other contacts as they are typed, so that a taken address is
     * shown in the form rather than after it closed.
     */
    public void setEmailOwner(Function<String, String> emailOwner) {
        this.emailOwner = emailOwner == null ? address -> null : emailOwner;
        validate();
    }

    /** Everything the form holds, for autosave and validation. */
    public Observable[] observables() {
        List<Observable> all = new ArrayList<>(List.of(name, roleTitle, organisation, phones, emails, handles,
                timeZone, language, availability, notes));
        all.addAll(groups.values());
        return all.toArray(new Observable[0]);
    }

    public void fillFrom(ContactDetails d) {
        name.set(d.name());
        roleTitle.set(FormProblem.orEmpty(d.roleTitle()));
        organisation.set(FormProblem.orEmpty(d.organisation()));
        phones.set(d.phones().stream().map(Phone::toString).collect(Collectors.joining("\n")));
        emails.set(String.join("\n", d.emails()));
        handles.set(d.handles().stream().map(Handle::toString).collect(Collectors.joining("\n")));
        timeZone.set(FormProblem.orEmpty(d.timeZone()));
        language.set(FormProblem.orEmpty(d.language()));
        availability.set(FormProblem.orEmpty(d.availability()));
        notes.set(FormProblem.orEmpty(d.notes()));
        groups.forEach((g, p) -> p.set(d.groups().contains(g)));
    }

    /** The details as typed; throws the first {@link ValidationException} when something is wrong. */
    public ContactDetails toDetails() {
        List<ValidationException> problems = new ArrayList<>();
        List<Phone> p = ContactFields.phones(phones.get(), LIST_SPLIT, problems);
        List<String> e = ContactFields.emails(emails.get(), LIST_SPLIT, problems);
        List<Handle> h = ContactFields.handles(handles.get(), LIST_SPLIT, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        Set<ContactGroup> g = EnumSet.noneOf(ContactGroup.class);
        groups.forEach((group, on) -> {
            if (on.get()) {
                g.add(group);
            }
        });
        return new ContactDetails(name.get(), roleTitle.get(), organisation.get(), p, e, h, timeZone.get(),
                language.get(), availability.get(), g, notes.get()).checkPlainText();
    }

    /** The form as typed, valid or not, for autosave. */
    public String toDraft() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.get());
        fields.put("roleTitle", roleTitle.get());
        fields.put("organisation", organisation.get());
        fields.put("phones", phones.get());
        fields.put("emails", emails.get());
        fields.put("handles", handles.get());
        fields.put("timeZone", timeZone.get());
        fields.put("language", language.get());
        fields.put("availability", availability.get());
        fields.put("notes", notes.get());
        fields.put("groups", groups.entrySet().stream().filter(x -> x.getValue().get()).map(x -> x.getKey().slug())
                .toList());
        try {
            return DRAFT_JSON.writeValueAsString(fields);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Puts an autosaved form back; fields the draft does not have stay as they are. */
    public void fillFromDraft(String draft) {
        try {
            Map<?, ?> f = DRAFT_JSON.readValue(draft, Map.class);
            restore(f, "name", name);
            restore(f, "roleTitle", roleTitle);
            restore(f, "organisation", organisation);
            restore(f, "phones", phones);
            restore(f, "emails", emails);
            restore(f, "handles", handles);
            restore(f, "timeZone", timeZone);
            restore(f, "language", language);
            restore(f, "availability", availability);
            restore(f, "notes", notes);
            if (f.get("groups") instanceof List<?> list) {
                groups.forEach((g, p) -> p.set(list.contains(g.slug())));
            }
        } catch (JsonProcessingException e) {
            // a draft that cannot be read is not worth an error: the form stays as it is
        }
    }

    private static void restore(Map<?, ?> fields, String key, StringProperty target) {
        if (fields.get(key) instanceof String s) {
            target.set(s);
        }
    }

    private void validate() {
        problem.check(() -> {
            for (String address : toDetails().emails()) {
                String owner = emailOwner.apply(address);
                if (owner != null) {
                    throw new ValidationException("emails",
                            messages.get("contacts.form.emailTaken", address, owner));
                }
            }
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty roleTitleProperty() {
        return roleTitle;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty phonesProperty() {
        return phones;
    }

    public StringProperty emailsProperty() {
        return emails;
    }

    public StringProperty handlesProperty() {
        return handles;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty availabilityProperty() {
        return availability;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanProperty groupProperty(ContactGroup group) {
        return groups.get(group);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    public ReadOnlyStringProperty problemFieldProperty() {
        return problem.fieldProperty();
    }

    public BooleanBinding validProperty() {
        return problem.validProperty();
    }
}
