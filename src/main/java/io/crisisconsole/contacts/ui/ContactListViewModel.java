package io.crisisconsole.contacts.ui;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactSearch;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.ContactTransfer;
import io.crisisconsole.contacts.ContactTransfer.Format;
import io.crisisconsole.contacts.ContactTransfer.ImportResult;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The contact list: all contacts, the searched and filtered view of them, the selected one, and file transfers. */
public final class ContactListViewModel {

    /** As the store lists them. */
    private static final java.util.Comparator<Contact> BY_NAME = java.util.Comparator
            .comparing((Contact c) -> c.name().toLowerCase(java.util.Locale.ROOT)).thenComparingLong(Contact::id);

    private final ContactService contacts;
    private final ContactTransfer transfer;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;

    private final ObservableList<Contact> all = FXCollections.observableArrayList();
    private final FilteredList<Contact> visible = new FilteredList<>(all);
    private final ObservableList<Contact> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty search = new SimpleStringProperty("");
    /** null: every group. */
    private final ObjectProperty<ContactGroup> groupFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Contact> selected = new SimpleObjectProperty<>();

    public ContactListViewModel(ContactService contacts, ContactTransfer transfer, TaskRunner tasks,
            Notifier notifier, Messages messages) {
        this.contacts = contacts;
        this.transfer = transfer;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        search.addListener((o, a, b) -> refilter());
        groupFilter.addListener((o, a, b) -> refilter());
        refilter();
    }

    public void reload() {
        tasks.run(messages.get("contacts.list.task.load"), contacts::list, this::setAll,
                t -> notifier.failed(messages.get("contacts.list.failed.load"), t));
    }

    private void setAll(List<Contact> list) {
        Long selectedId = selected.get() == null ? null : selected.get().id();
        all.setAll(list);
        selected.set(selectedId == null ? null
                : all.stream().filter(c -> c.id() == selectedId).findFirst().orElse(null));
    }

    /** The name of a contact other than {@code self} (may be null) that has this e-mail address, else null. */
    public String ownerOfEmail(String address, Long self) {
        for (Contact c : all) {
            if ((self == null || c.id() != self) && c.emails().contains(address)) {
                return c.name();
            }
        }
        return null;
    }

    /**
     * Adds a contact; {@code failed} gets the details back when the store refused them (the status bar
     * says why), so the form can open again with what was typed.
     */
    public void create(ContactDetails details, Consumer<Contact> done, Consumer<ContactDetails> failed) {
        tasks.run(messages.get("contacts.list.task.add"), () -> contacts.create(details), c -> {
            search.set("");
            if (groupFilter.get() != null && !c.groups().contains(groupFilter.get())) {
                groupFilter.set(null);
            }
            int at = 0;
            while (at < all.size() && BY_NAME.compare(all.get(at), c) <= 0) {
                at++;
            }
            all.add(at, c);
            selected.set(c);
            notifier.info(messages.get("contacts.list.notice.added", c.name()));
            done.accept(c);
        }, t -> {
            notifier.failed(messages.get("contacts.list.failed.add"), t);
            failed.accept(details);
        });
    }

    /** Saves an edited contact; {@code failed} as for {@link #create}. */
    public void update(Contact before, ContactDetails details, Consumer<ContactDetails> failed) {
        tasks.run(messages.get("contacts.list.task.save"), () -> contacts.update(before.id(), before.version(), details), c -> {
            replace(c);
            notifier.info(messages.get("contacts.list.notice.saved", c.name()));
        }, t -> {
            notifier.failed(messages.get("contacts.list.failed.save"), t);
            reload();
            if (!(t instanceof io.crisisconsole.toolkit.ConcurrentChangeException)) {
                failed.accept(details);
            }
        });
    }

    public void delete(Contact contact) {
        tasks.run(messages.get("contacts.list.task.delete"), () -> contacts.delete(contact.id()), deleted -> {
            all.removeIf(c -> c.id() == contact.id());
            if (selected.get() != null && selected.get().id() == contact.id()) {
                selected.set(null);
            }
            notifier.info(messages.get("contacts.list.notice.deleted", contact.name()));
        }, t -> notifier.failed(messages.get("contacts.list.failed.delete"), t));
    }

    /**
     * Imports a file off the FX thread. Counts go to the status bar; problems go there in short and
     * to {@code showProblems} in full (nothing is imported then).
     */
    public void importFile(Path file, Consumer<List<String>> showProblems) {
        String name = file.getFileName().toString();
        tasks.run(messages.get("contacts.list.task.import", name), () -> transfer.importFile(file), (ImportResult result) -> {
            if (result.ok()) {
                notifier.info(messages.get("contacts.list.notice.imported", Map.of("name", name,
                        "added", result.summary().added().size(), "updated", result.summary().updated().size())));
                reload();
            } else {
                int n = result.problems().size();
                notifier.error(messages.get("contacts.list.notice.refused", Map.of("name", name, "count", n)));
                showProblems.accept(result.problems());
            }
        }, t -> notifier.failed(messages.get("contacts.list.failed.import", name), t));
    }

    public void exportFile(Path file, Format format) {
        tasks.run(messages.get("contacts.list.task.export"), () -> transfer.exportFile(file, format),
                count -> notifier.info(messages.get("contacts.list.notice.exported", Map.of("count", count,
                        "file", file.toString()))),
                t -> notifier.failed(messages.get("contacts.list.failed.export"), t));
    }

    private void replace(Contact changed) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == changed.id()) {
                all.set(i, changed);
                break;
            }
        }
        if (selected.get() != null && selected.get().id() == changed.id()) {
            selected.set(changed);
        }
    }

    private void refilter() {
        visible.setPredicate(predicate());
    }

    Predicate<Contact> predicate() {
        ContactGroup group = groupFilter.get();
        Predicate<Contact> text = ContactSearch.matching(search.get());
        return c -> (group == null || c.groups().contains(group)) && text.test(c);
    }

    /** The contacts the search and the group filter let through, by name (read-only). */
    public ObservableList<Contact> visibleContacts() {
        return readOnlyVisible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ContactGroup> groupFilterProperty() {
        return groupFilter;
    }

    public ObjectProperty<Contact> selectedProperty() {
        return selected;
    }
}
