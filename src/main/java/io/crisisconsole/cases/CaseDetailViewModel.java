package io.crisisconsole.cases;

import io.crisisconsole.app.Notifier;
import io.crisisconsole.app.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The case workspace: one case, its timeline and the entry being written. */
public final class CaseDetailViewModel {

    private final CaseService cases;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Supplier<String> author;
    private final Consumer<CrisisCase> onCaseChanged;
    private final Clock clock;

    private final ObjectProperty<CrisisCase> current = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<EntryKind> newKind = new SimpleObjectProperty<>(EntryKind.NOTE);
    private final StringProperty newText = new SimpleStringProperty("");
    private final ObjectProperty<TimelineEntry> selectedEntry = new SimpleObjectProperty<>();
    private final BooleanBinding canAdd;

    public CaseDetailViewModel(CaseService cases, TaskRunner tasks, Notifier notifier, Supplier<String> author,
            ReadOnlyObjectProperty<CrisisCase> selection, Consumer<CrisisCase> onCaseChanged, Clock clock) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifier = notifier;
        this.author = author;
        this.onCaseChanged = onCaseChanged;
        this.clock = clock;
        this.canAdd = Bindings.createBooleanBinding(
                () -> current.get() != null && newKind.get() != null && newText.get() != null
                        && !newText.get().isBlank(),
                current, newKind, newText);
        selection.addListener((o, before, after) -> show(after));
        show(selection.get());
    }

    private void show(CrisisCase c) {
        boolean sameCase = c != null && current.get() != null && current.get().id() == c.id();
        current.set(c);
        if (!sameCase) {
            entries.clear();
            newText.set("");
            newKind.set(EntryKind.NOTE);
        }
        if (c != null) {
            reloadTimeline();
        }
    }

    public void reloadTimeline() {
        CrisisCase c = current.get();
        if (c == null) {
            return;
        }
        long id = c.id();
        tasks.run("Loading timeline", () -> cases.timeline(id), list -> {
            if (current.get() != null && current.get().id() == id) {
                entries.setAll(list);
            }
        }, t -> notifier.failed("Cannot load the timeline", t));
    }

    public void addEntry() {
        if (!canAdd.get()) {
            return;
        }
        long id = current.get().id();
        EntryKind kind = newKind.get();
        String text = newText.get();
        tasks.run("Adding to timeline", () -> cases.addEntry(id, kind, text, null, author.get()), e -> {
            if (current.get() != null && current.get().id() == id) {
                newText.set("");
                appendInOrder(e);
            }
            notifier.info(kind.label() + " added to case #" + id);
        }, t -> notifier.failed("Not added", t));
    }

    public void correct(TimelineEntry original, String correctedText) {
        long caseId = original.caseId();
        tasks.run("Adding correction", () -> cases.correct(original.id(), correctedText, author.get()), e -> {
            if (current.get() != null && current.get().id() == caseId) {
                appendInOrder(e);
            }
            notifier.info("Correction added; the original entry stays in the timeline");
        }, t -> notifier.failed("Correction not added", t));
    }

    public void changeStatus(CaseStatus to, String reason) {
        CrisisCase c = current.get();
        if (c == null || c.status() == to) {
            return;
        }
        tasks.run("Changing status", () -> cases.changeStatus(c.id(), c.version(), to, reason, author.get()),
                changed -> {
                    caseUpdated(changed);
                    notifier.info("Case #" + changed.id() + " is now " + changed.status().label());
                }, t -> failedAndReload("Status not changed", t));
    }

    public void update(CaseDetails details) {
        CrisisCase c = current.get();
        if (c == null) {
            return;
        }
        tasks.run("Saving case", () -> cases.update(c.id(), c.version(), details, author.get()), changed -> {
            caseUpdated(changed);
            notifier.info("Case #" + changed.id() + " saved");
        }, t -> failedAndReload("Case not saved", t));
    }

    private void failedAndReload(String what, Throwable t) {
        notifier.failed(what, t);
        CrisisCase c = current.get();
        if (t instanceof ConcurrentChangeException && c != null) {
            tasks.run("Reloading case", () -> cases.get(c.id()), this::caseUpdated, x -> notifier.failed(what, x));
        }
    }

    private void caseUpdated(CrisisCase changed) {
        onCaseChanged.accept(changed);
        if (current.get() != null && current.get().id() == changed.id()) {
            current.set(changed);
            reloadTimeline();
        }
    }

    private void appendInOrder(TimelineEntry e) {
        int i = entries.size();
        while (i > 0 && entries.get(i - 1).occurredAt().isAfter(e.occurredAt())) {
            i--;
        }
        entries.add(i, e);
    }

    /** The entry a correction points at, for display. */
    public TimelineEntry entry(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst().orElse(null);
    }

    /** The ids of entries that have a correction, for display. */
    public boolean isCorrected(TimelineEntry e) {
        return entries.stream().anyMatch(x -> x.correctsId() != null && x.correctsId() == e.id());
    }

    public List<EntryKind> kindChoices() {
        return EntryKind.userEnteredKinds();
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public ReadOnlyObjectProperty<CrisisCase> currentProperty() {
        return current;
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    public ObjectProperty<EntryKind> newKindProperty() {
        return newKind;
    }

    public StringProperty newTextProperty() {
        return newText;
    }

    public ObjectProperty<TimelineEntry> selectedEntryProperty() {
        return selectedEntry;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }
}
