package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Duration;
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

/**
 * The case workspace: one case, its timeline and the entry being written.
 *
 * <p>The entry being written is autosaved by {@link TimelineComposerAutosave} (at most
 * {@link #AUTOSAVE_DELAY} after the first unsaved change, at once on case switch, on
 * {@link #flushAutosave()} before closing; memory fallback when a write fails; restored after a crash).
 */
public final class CaseDetailViewModel {

    /** The longest typed text waits before it is written; a crash risks this plus the write time. */
    public static final Duration AUTOSAVE_DELAY = TimelineComposerAutosave.DELAY;

    private final CaseService cases;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final CaseTexts texts;
    private final Supplier<String> author;
    private final Consumer<CrisisCase> onCaseChanged;
    private final Clock clock;
    private final TimelineComposerAutosave composer;

    private final ObjectProperty<CrisisCase> current = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObjectProperty<EntryKind> newKind = new SimpleObjectProperty<>(EntryKind.NOTE);
    private final StringProperty newText = new SimpleStringProperty("");
    private final ObjectProperty<TimelineEntry> selectedEntry = new SimpleObjectProperty<>();
    private final BooleanBinding canAdd;

    public CaseDetailViewModel(CaseService cases, AutosaveService autosave, TaskRunner tasks, Notifier notifier,
            Messages messages, Formats formats,
            Supplier<String> author, ReadOnlyObjectProperty<CrisisCase> selection, Consumer<CrisisCase> onCaseChanged,
            Clock clock, OneShotTimer.Factory timers) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.texts = new CaseTexts(messages);
        this.author = author;
        this.onCaseChanged = onCaseChanged;
        this.clock = clock;
        this.canAdd = Bindings.createBooleanBinding(
                () -> current.get() != null && newKind.get() != null && newText.get() != null
                        && !newText.get().isBlank(),
                current, newKind, newText);
        this.composer = new TimelineComposerAutosave(autosave, tasks, notifier, messages, formats, clock, timers, current::get, newKind,
                newText);
        selection.addListener((o, before, after) -> show(after));
        show(selection.get());
    }

    /** The autosave key of the timeline composer of a case. */
    public static String composerKey(long caseId) {
        return TimelineComposerAutosave.key(caseId);
    }

    private void show(CrisisCase c) {
        boolean sameCase = c != null && current.get() != null && current.get().id() == c.id();
        if (!sameCase) {
            composer.leaving(); // the text of the case being left, before the composer is emptied
        }
        current.set(c);
        if (!sameCase) {
            entries.clear();
            composer.switchedTo(c);
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
        tasks.run(messages.get("cases.detail.task.loadTimeline"), () -> cases.timeline(id), list -> {
            if (current.get() != null && current.get().id() == id) {
                entries.setAll(list);
            }
        }, t -> notifier.failed(messages.get("cases.detail.failed.loadTimeline"), t));
    }

    public void addEntry() {
        if (!canAdd.get()) {
            return;
        }
        long id = current.get().id();
        EntryKind kind = newKind.get();
        String text = newText.get();
        String key = composerKey(id);
        long seq = composer.editCount();
        tasks.run(messages.get("cases.detail.task.add"), () -> {
            TimelineEntry added = cases.addEntry(id, kind, text, null, author.get(), key);
            composer.addedInStore(key, seq);
            return added;
        }, e -> {
            composer.added(id, key, seq, text);
            if (current.get() != null && current.get().id() == id) {
                appendInOrder(e);
            }
            notifier.info(messages.get("cases.detail.notice.added", texts.kind(kind), String.valueOf(id)));
        }, t -> notifier.failed(messages.get("cases.detail.failed.add"), t));
    }

    /**
     * Writes pending composer text (and text an earlier write failed on) and waits for the store.
     * For shutdown; call on the FX thread before the task runner and the store close.
     *
     * @return true when nothing typed is left unwritten; false when a write failed (the person has
     *         been told, and the text is still in memory)
     */
    public boolean flushAutosave() {
        return composer.flush();
    }

    public void correct(TimelineEntry original, String correctedText) {
        long caseId = original.caseId();
        tasks.run(messages.get("cases.detail.task.correct"), () -> cases.correct(original.id(), correctedText, author.get()), e -> {
            if (current.get() != null && current.get().id() == caseId) {
                appendInOrder(e);
            }
            notifier.info(messages.get("cases.detail.notice.corrected"));
        }, t -> notifier.failed(messages.get("cases.detail.failed.correct"), t));
    }

    public void changeStatus(CaseStatus to, String reason) {
        CrisisCase c = current.get();
        if (c == null || c.status() == to) {
            return;
        }
        tasks.run(messages.get("cases.detail.task.status"), () -> cases.changeStatus(c.id(), c.version(), to, reason, author.get()),
                changed -> {
                    caseUpdated(changed);
                    notifier.info(messages.get("cases.detail.notice.status", String.valueOf(changed.id()),
                            texts.status(changed.status())));
                }, t -> failedAndReload(messages.get("cases.detail.failed.status"), t));
    }

    public void update(CaseDetails details) {
        CrisisCase c = current.get();
        if (c == null) {
            return;
        }
        tasks.run(messages.get("cases.detail.task.save"), () -> cases.update(c.id(), c.version(), details, author.get()), changed -> {
            caseUpdated(changed);
            notifier.info(messages.get("cases.detail.notice.saved", String.valueOf(changed.id())));
        }, t -> failedAndReload(messages.get("cases.detail.failed.save"), t));
    }

    private void failedAndReload(String what, Throwable t) {
        notifier.failed(what, t);
        CrisisCase c = current.get();
        if (t instanceof ConcurrentChangeException && c != null) {
            tasks.run(messages.get("cases.detail.task.reload"), () -> cases.get(c.id()), this::caseUpdated, x -> notifier.failed(what, x));
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

    /** The timeline of the shown case, oldest first (read-only). */
    public ObservableList<TimelineEntry> entries() {
        return readOnlyEntries;
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
