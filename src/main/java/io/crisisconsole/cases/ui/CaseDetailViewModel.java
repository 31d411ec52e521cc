package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.TimeText;
import io.crisisconsole.toolkit.ui.Notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Autosave of the composer: the first change after a save starts a {@link #AUTOSAVE_DELAY}
 * countdown (not restarted by further typing, so steady typing is still written every second);
 * when it ends, the text and kind go to the store through the task runner. Switching to another
 * case writes at once; {@link #flushAutosave()} writes and waits (shutdown). A write that fails
 * keeps the text in memory (also across case switches) and says so. Adding the entry deletes the
 * autosave in the insert's transaction; a save of that same text that was queued behind the add is
 * then skipped, so a crash cannot bring the text back as a duplicate.
 */
public final class CaseDetailViewModel {

    /** The longest typed text waits before it is written; a crash risks this plus the write time. */
    public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(1);
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final CaseService cases;
    private final AutosaveService autosave;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Supplier<String> author;
    private final Consumer<CrisisCase> onCaseChanged;
    private final Clock clock;
    private final OneShotTimer autosaveTimer;

    private final ObjectProperty<CrisisCase> current = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<EntryKind> newKind = new SimpleObjectProperty<>(EntryKind.NOTE);
    private final StringProperty newText = new SimpleStringProperty("");
    private final ObjectProperty<TimelineEntry> selectedEntry = new SimpleObjectProperty<>();
    private final BooleanBinding canAdd;

    // Autosave state. All on the FX thread except addedThrough, which the store thread writes.
    /** Counts composer changes; a draft carries the count it was taken at. */
    private long editSeq;
    /** The composer changed since its last write was queued. */
    private boolean dirty;
    /** The view-model itself is setting the composer (case switch, restore): not a change to save. */
    private boolean applying;
    /** The key whose stored autosave is being looked up for the shown case, or null. */
    private String restoringKey;
    /** Drafts whose write failed, by key: kept in memory until a write succeeds or they are added. */
    private final Map<String, Draft> unsaved = new LinkedHashMap<>();
    /** Per key, the highest edit count whose text was added to the timeline. */
    private final Map<String, Long> addedThrough = new ConcurrentHashMap<>();

    /** A snapshot of the composer to write. */
    private record Draft(String key, long caseId, EntryKind kind, String text, long seq, boolean appendToStored) {
    }

    public CaseDetailViewModel(CaseService cases, AutosaveService autosave, TaskRunner tasks, Notifier notifier,
            Supplier<String> author, ReadOnlyObjectProperty<CrisisCase> selection, Consumer<CrisisCase> onCaseChanged,
            Clock clock, OneShotTimer.Factory timers) {
        this.cases = cases;
        this.autosave = autosave;
        this.tasks = tasks;
        this.notifier = notifier;
        this.author = author;
        this.onCaseChanged = onCaseChanged;
        this.clock = clock;
        this.autosaveTimer = timers.create(AUTOSAVE_DELAY, this::autosaveNow);
        this.canAdd = Bindings.createBooleanBinding(
                () -> current.get() != null && newKind.get() != null && newText.get() != null
                        && !newText.get().isBlank(),
                current, newKind, newText);
        newText.addListener((o, a, b) -> composerChanged());
        newKind.addListener((o, a, b) -> composerChanged());
        selection.addListener((o, before, after) -> show(after));
        show(selection.get());
    }

    /** The autosave key of the timeline composer of a case. */
    public static String composerKey(long caseId) {
        return "timeline-composer:case:" + caseId;
    }

    private void show(CrisisCase c) {
        boolean sameCase = c != null && current.get() != null && current.get().id() == c.id();
        if (!sameCase) {
            autosaveNow(); // the text of the case being left, before the composer is emptied
        }
        current.set(c);
        if (!sameCase) {
            entries.clear();
            apply("", EntryKind.NOTE);
            dirty = false;
            restoringKey = null;
            if (c != null) {
                restoreDraft(c);
            }
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
        String key = composerKey(id);
        long seq = editSeq;
        tasks.run("Adding to timeline", () -> {
            TimelineEntry added = cases.addEntry(id, kind, text, null, author.get(), key);
            // from now on, queued autosaves of this text (or older) must not bring it back
            addedThrough.merge(key, seq, Math::max);
            return added;
        }, e -> {
            Draft kept = unsaved.get(key);
            if (kept != null && kept.seq() <= seq) {
                unsaved.remove(key);
            }
            if (current.get() != null && current.get().id() == id) {
                if (text.equals(newText.get())) {
                    boolean changedMeanwhile = editSeq != seq;
                    apply("", newKind.get());
                    dirty = changedMeanwhile; // e.g. the kind changed: a save of the old text may have run
                    if (changedMeanwhile) {
                        autosaveNow();
                    } else {
                        autosaveTimer.stop();
                    }
                }
                // else: more was typed while adding; it stays in the composer and is autosaved
                appendInOrder(e);
            }
            notifier.info(kind.label() + " added to case #" + id);
        }, t -> notifier.failed("Not added", t));
    }

    // ---- autosave ----

    private void composerChanged() {
        if (applying) {
            return;
        }
        editSeq++;
        dirty = true;
        if (current.get() != null) {
            autosaveTimer.start();
        }
    }

    /** Sets the composer without counting it as typing. */
    private void apply(String text, EntryKind kind) {
        applying = true;
        try {
            newKind.set(kind);
            newText.set(text);
        } finally {
            applying = false;
        }
        editSeq++;
    }

    /** Queues a write of the composer if it changed. Runs when the countdown ends and on case switch. */
    private void autosaveNow() {
        autosaveTimer.stop();
        CrisisCase c = current.get();
        if (!dirty || c == null) {
            return;
        }
        dirty = false;
        Draft d = snapshot(c);
        tasks.run("Autosaving", () -> store(d), stored -> written(d), t -> failed(d, reason(t)));
    }

    /**
     * Writes pending composer text (and drafts an earlier write failed on) and waits for the store.
     * For shutdown; call on the FX thread before the task runner and the store close.
     *
     * @return true when nothing typed is left unwritten; false when a write failed (the person has
     *         been told, and the text is still in memory)
     */
    public boolean flushAutosave() {
        autosaveTimer.stop();
        CrisisCase c = current.get();
        String shownKey = c == null ? null : composerKey(c.id());
        List<Draft> drafts = new ArrayList<>();
        for (Draft d : unsaved.values()) {
            if (!d.key().equals(shownKey)) {
                drafts.add(d);
            }
        }
        if (c != null && (dirty || unsaved.containsKey(shownKey))) {
            drafts.add(snapshot(c));
        }
        dirty = false;
        boolean allWritten = true;
        for (Draft d : drafts) {
            try {
                tasks.runAndWait("Autosaving before closing", () -> store(d), FLUSH_TIMEOUT);
                written(d);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                allWritten = false;
                failed(d, reason(e));
            }
        }
        return allWritten;
    }

    private Draft snapshot(CrisisCase c) {
        String key = composerKey(c.id());
        EntryKind kind = newKind.get() == null ? EntryKind.NOTE : newKind.get();
        String text = newText.get() == null ? "" : newText.get();
        return new Draft(key, c.id(), kind, text, editSeq, key.equals(restoringKey));
    }

    /** On the store thread. Returns false when there was nothing to write. */
    private boolean store(Draft d) {
        Long added = addedThrough.get(d.key());
        if (added != null && d.seq() <= added) {
            return false; // this text is in the timeline now; its autosave went with the insert
        }
        String text = d.text();
        if (d.appendToStored()) {
            // typed before the stored autosave of this case was shown: keep both
            if (text.isBlank()) {
                return false;
            }
            Optional<AutosavedText> stored = autosave.find(d.key());
            if (stored.isPresent() && !stored.get().content().equals(text)) {
                text = stored.get().content() + "\n" + text;
            }
        }
        autosave.save(d.key(), d.caseId(), d.kind().name(), text);
        return true;
    }

    private void written(Draft d) {
        Draft kept = unsaved.get(d.key());
        if (kept != null && kept.seq() <= d.seq()) {
            unsaved.remove(d.key());
            notifier.info(isShown(d) ? "Autosaved again" : "Autosaved again (case #" + d.caseId() + ")");
        }
    }

    private void failed(Draft d, String reason) {
        Draft kept = unsaved.get(d.key());
        if (kept == null || kept.seq() <= d.seq()) {
            unsaved.put(d.key(), d);
        }
        if (isShown(d)) {
            dirty = true; // tried again on the next change, case switch or close
            notifier.error("Not autosaved: " + reason + ". Your text is still here; add it or copy it before closing.");
        } else {
            notifier.error("Not autosaved: " + reason + ". Your text for case #" + d.caseId()
                    + " is kept in memory; go back to that case and add it or copy it before closing.");
        }
    }

    private boolean isShown(Draft d) {
        return current.get() != null && current.get().id() == d.caseId();
    }

    private static String reason(Throwable t) {
        if (t instanceof IllegalArgumentException) {
            return "the text is longer than " + String.format(java.util.Locale.ROOT, "%,d", AutosaveService.MAX_CONTENT)
                    + " characters";
        }
        return Notifier.describe(t);
    }

    /** Puts the text not yet added for {@code c} back into the composer: from memory, else from the store. */
    private void restoreDraft(CrisisCase c) {
        String key = composerKey(c.id());
        Draft kept = unsaved.get(key);
        if (kept != null) {
            apply(kept.text(), kept.kind());
            dirty = true;
            autosaveTimer.start();
            notifier.error("Restored your text for case #" + c.id()
                    + "; it is not autosaved yet (the last try failed). Add it or copy it before closing.");
            return;
        }
        restoringKey = key;
        tasks.run("Checking for unsaved text", () -> autosave.find(key), found -> restored(key, found), t -> {
            if (key.equals(restoringKey)) {
                restoringKey = null;
                notifier.failed("Cannot check for autosaved text", t);
            }
        });
    }

    private void restored(String key, Optional<AutosavedText> found) {
        if (!key.equals(restoringKey)) {
            return; // another case is shown by now
        }
        restoringKey = null;
        if (found.isEmpty()) {
            return;
        }
        AutosavedText a = found.get();
        String typed = newText.get();
        if (typed == null || typed.isBlank()) {
            apply(a.content(), kindOf(a.kind()));
            dirty = false;
            autosaveTimer.stop();
        } else {
            // typed in the moment before the lookup answered: keep both, stored text first
            String both = typed.equals(a.content()) || typed.startsWith(a.content() + "\n") ? typed
                    : a.content() + "\n" + typed;
            apply(both, kindOf(a.kind()));
            dirty = true;
            autosaveTimer.start();
        }
        notifier.info("Restored text you had not added yet (autosaved " + when(a.savedAt()) + ")");
    }

    private static EntryKind kindOf(String name) {
        if (name != null) {
            for (EntryKind k : EntryKind.values()) {
                if (k.name().equals(name) && k.isUserEntered()) {
                    return k;
                }
            }
        }
        return EntryKind.NOTE;
    }

    private String when(Instant at) {
        ZoneId zone = zone();
        return LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(clock.instant(), zone))
                ? TimeText.clock(at, zone) : TimeText.dayClock(at, zone);
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
