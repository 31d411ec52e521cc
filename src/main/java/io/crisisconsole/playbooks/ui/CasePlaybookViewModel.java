package io.crisisconsole.playbooks.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.UpdateCadence;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The playbook a case follows and its resolved call list (WHO, with the people from the contacts). */
public final class CasePlaybookViewModel {

    private final CasePlaybookService casePlaybooks;
    private final PlaybookService playbooks;
    private final ContactService contacts;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final CadenceText cadenceText;
    private final Supplier<String> author;
    private final Runnable onTimelineChanged;

    private final ObservableList<StoredPlaybook> choices = FXCollections.observableArrayList();
    private final ObservableList<StoredPlaybook> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ObjectProperty<StoredPlaybook> playbook = new SimpleObjectProperty<>();
    private final ObjectProperty<CallList> callList = new SimpleObjectProperty<>();
    private final StringProperty cadence = new SimpleStringProperty("");
    private final BooleanProperty cadenceOverdue = new SimpleBooleanProperty(false);
    private final ObservableList<TimelineEntry> timeline;
    private final Clock clock;
    private final java.util.function.BiFunction<CrisisCase, Instant, Instant> caseNow;
    private UpdateCadence.Rules rules = UpdateCadence.Rules.DEFAULT;
    private CrisisCase current;

    public CasePlaybookViewModel(CasePlaybookService casePlaybooks, PlaybookService playbooks, ContactService contacts,
            TaskRunner tasks, Notifier notifier, Messages messages, Formats formats, Supplier<String> author,
            ReadOnlyObjectProperty<CrisisCase> selection,
            Runnable onTimelineChanged, ObservableList<TimelineEntry> timeline, Clock clock) {
        this(casePlaybooks, playbooks, contacts, tasks, notifier, messages, formats, author, selection,
                onTimelineChanged, timeline, clock, (c, wall) -> wall);
    }

    /**
     * @param caseNow the time of a case's cadence from the clock's reading (an exercise's own time)
     */
    public CasePlaybookViewModel(CasePlaybookService casePlaybooks, PlaybookService playbooks, ContactService contacts,
            TaskRunner tasks, Notifier notifier, Messages messages, Formats formats, Supplier<String> author,
            ReadOnlyObjectProperty<CrisisCase> selection,
            Runnable onTimelineChanged, ObservableList<TimelineEntry> timeline, Clock clock,
            java.util.function.BiFunction<CrisisCase, Instant, Instant> caseNow) {
        this.caseNow = caseNow;
        this.casePlaybooks = casePlaybooks;
        this.playbooks = playbooks;
        this.contacts = contacts;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.cadenceText = new CadenceText(messages, formats);
        this.author = author;
        this.onTimelineChanged = onTimelineChanged;
        this.timeline = timeline;
        this.clock = clock;
        selection.addListener((o, a, c) -> show(c));
        timeline.addListener((javafx.collections.ListChangeListener<TimelineEntry>) ch -> refreshCadence());
        playbook.addListener((o, a, p) -> loadRules(p));
        show(selection.get());
    }

    private void show(CrisisCase c) {
        boolean sameCase = c != null && current != null && current.id() == c.id();
        current = c;
        refreshCadence();
        if (sameCase) {
            return;
        }
        playbook.set(null);
        callList.set(null);
        if (c == null) {
            return;
        }
        long caseId = c.id();
        tasks.run(messages.get("playbooks.case.task.load"), () -> new Loaded(playbooks.list(), casePlaybooks.of(caseId)),
                loaded -> {
                    choices.setAll(loaded.choices());
                    if (current != null && current.id() == caseId) {
                        playbook.set(loaded.chosen().orElse(null));
                    }
                }, t -> notifier.failed(messages.get("playbooks.case.failed.load"), t));
    }

    private record Loaded(List<StoredPlaybook> choices, Optional<StoredPlaybook> chosen) {
    }

    private void loadRules(StoredPlaybook p) {
        if (p == null) {
            rules = UpdateCadence.Rules.DEFAULT;
            refreshCadence();
            return;
        }
        long id = p.id();
        tasks.run(messages.get("playbooks.case.task.rules"), () -> playbooks.currentPlaybook(id).when().slas(), slas -> {
            if (playbook.get() != null && playbook.get().id() == id) {
                rules = new UpdateCadence.Rules(slas.firstPublicReplyMinutes(), slas.updateIntervalMinutes(),
                        slas.updateIntervalAppliesForMinutes());
                refreshCadence();
            }
        }, t -> notifier.failed(messages.get("playbooks.case.failed.rules"), t));
    }

    /** Recomputes when the next public message is due (also called by a timer while the case is shown). */
    public void refreshCadence() {
        CrisisCase c = current;
        boolean sameCase = c != null && timeline.stream().allMatch(e -> e.caseId() == c.id());
        if (c == null || !sameCase) {
            cadence.set("");
            cadenceOverdue.set(false);
            return;
        }
        // an exercise's cadence runs on its own time
        UpdateCadence.Status s = UpdateCadence.status(c, timeline, rules, caseNow.apply(c, clock.instant()));
        cadence.set(cadenceText.render(s));
        cadenceOverdue.set(s.overdue());
    }

    public StringProperty cadenceProperty() {
        return cadence;
    }

    public BooleanProperty cadenceOverdueProperty() {
        return cadenceOverdue;
    }

    /** Makes {@code p} the playbook of the current case. */
    public void choose(StoredPlaybook p) {
        CrisisCase c = current;
        if (c == null || p == null || (playbook.get() != null && playbook.get().id() == p.id())) {
            return;
        }
        tasks.run(messages.get("playbooks.case.task.choose"), () -> casePlaybooks.assign(c.id(), p.id(), author.get()), chosen -> {
            if (current != null && current.id() == c.id()) {
                playbook.set(chosen);
            }
            notifier.info(messages.get("playbooks.case.notice.chosen", String.valueOf(c.id()), chosen.title()));
            onTimelineChanged.run();
        }, t -> notifier.failed(messages.get("playbooks.case.failed.choose"), t));
    }

    /** Resolves the call list of the chosen playbook against the contacts (in the background). */
    public void loadCallList(Runnable whenReady) {
        StoredPlaybook p = playbook.get();
        if (p == null) {
            return;
        }
        tasks.run(messages.get("playbooks.case.task.callList"), () -> CallList.resolve(playbooks.currentPlaybook(p.id()),
                contacts::findByEmail, contacts::membersOf), list -> {
                    callList.set(list);
                    whenReady.run();
                }, t -> notifier.failed(messages.get("playbooks.case.failed.callList"), t));
    }

    /** The playbooks a case can follow (read-only). */
    public ObservableList<StoredPlaybook> choices() {
        return readOnlyChoices;
    }

    public ObjectProperty<StoredPlaybook> playbookProperty() {
        return playbook;
    }

    public ObjectProperty<CallList> callListProperty() {
        return callList;
    }
}
