package io.crisisconsole.playbooks.ui;

import io.crisisconsole.app.Notifier;
import io.crisisconsole.app.TaskRunner;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybooks;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The playbook a case follows and its resolved call list (WHO, with the people from the contacts). */
public final class CasePlaybookViewModel {

    private final CasePlaybooks casePlaybooks;
    private final PlaybookService playbooks;
    private final ContactService contacts;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Supplier<String> author;
    private final Runnable onTimelineChanged;

    private final ObservableList<StoredPlaybook> choices = FXCollections.observableArrayList();
    private final ObjectProperty<StoredPlaybook> playbook = new SimpleObjectProperty<>();
    private final ObjectProperty<CallList> callList = new SimpleObjectProperty<>();
    private CrisisCase current;

    public CasePlaybookViewModel(CasePlaybooks casePlaybooks, PlaybookService playbooks, ContactService contacts,
            TaskRunner tasks, Notifier notifier, Supplier<String> author, ReadOnlyObjectProperty<CrisisCase> selection,
            Runnable onTimelineChanged) {
        this.casePlaybooks = casePlaybooks;
        this.playbooks = playbooks;
        this.contacts = contacts;
        this.tasks = tasks;
        this.notifier = notifier;
        this.author = author;
        this.onTimelineChanged = onTimelineChanged;
        selection.addListener((o, a, c) -> show(c));
        show(selection.get());
    }

    private void show(CrisisCase c) {
        boolean sameCase = c != null && current != null && current.id() == c.id();
        current = c;
        if (sameCase) {
            return;
        }
        playbook.set(null);
        callList.set(null);
        if (c == null) {
            return;
        }
        long caseId = c.id();
        tasks.run("Loading the case's playbook", () -> new Loaded(playbooks.list(), casePlaybooks.of(caseId)),
                loaded -> {
                    choices.setAll(loaded.choices());
                    if (current != null && current.id() == caseId) {
                        playbook.set(loaded.chosen().orElse(null));
                    }
                }, t -> notifier.failed("Cannot load the playbook of the case", t));
    }

    private record Loaded(List<StoredPlaybook> choices, Optional<StoredPlaybook> chosen) {
    }

    /** Makes {@code p} the playbook of the current case. */
    public void choose(StoredPlaybook p) {
        CrisisCase c = current;
        if (c == null || p == null || (playbook.get() != null && playbook.get().id() == p.id())) {
            return;
        }
        tasks.run("Choosing the playbook", () -> casePlaybooks.assign(c.id(), p.id(), author.get()), chosen -> {
            if (current != null && current.id() == c.id()) {
                playbook.set(chosen);
            }
            notifier.info("Case #" + c.id() + " follows " + chosen.title());
            onTimelineChanged.run();
        }, t -> notifier.failed("Playbook not chosen", t));
    }

    /** Resolves the call list of the chosen playbook against the contacts (in the background). */
    public void loadCallList(Runnable whenReady) {
        StoredPlaybook p = playbook.get();
        if (p == null) {
            return;
        }
        tasks.run("Resolving the call list", () -> CallList.resolve(playbooks.currentPlaybook(p.id()),
                contacts::findByEmail, contacts::membersOf), list -> {
                    callList.set(list);
                    whenReady.run();
                }, t -> notifier.failed("Cannot resolve the call list", t));
    }

    public ObservableList<StoredPlaybook> choices() {
        return choices;
    }

    public ObjectProperty<StoredPlaybook> playbookProperty() {
        return playbook;
    }

    public ObjectProperty<CallList> callListProperty() {
        return callList;
    }
}
