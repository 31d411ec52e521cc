package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * Autosave of the timeline composer of the case workspace (the text and kind of the entry being
 * written), one store row per case ({@link #key(long)}).
 *
 * <p>The first change after a save starts a {@link #DELAY} countdown (not restarted by further
 * typing, so steady typing is still written every second); when it ends, the text and kind go to
 * the store through the task runner. Switching to another case writes at once ({@link #leaving()});
 * {@link #flush()} writes and waits (shutdown). A write that fails keeps the text in memory (also
 * across case switches) and says so. Adding the entry deletes the autosave in the insert's
 * transaction; a save of that same text that was queued behind the add is then skipped
 * ({@link #addedInStore}), so a crash cannot bring the text back as a duplicate.
 *
 * <p>Richer than {@link io.crisisconsole.toolkit.ui.EditorAutosave} (memory fallback across editors,
 * text typed before the stored one was shown kept with it, the add/save race), so it is its own class.
 */
final class TimelineComposerAutosave {

    /** The longest typed text waits before it is written; a crash risks this plus the write time. */
    static final Duration DELAY = Duration.ofSeconds(1);
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final AutosaveService autosave;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Clock clock;
    private final OneShotTimer timer;
    private final Supplier<CrisisCase> shown;
    private final ObjectProperty<EntryKind> kind;
    private final StringProperty text;

    // All on the FX thread except addedThrough, which the store thread writes.
    /** Counts composer changes; a draft carries the count it was taken at. */
    private long editSeq;
    /** The composer changed since its last write was queued. */
    private boolean dirty;
    /** The composer is being set here (case switch, restore): not a change to save. */
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

    /**
     * @param shown the case the composer belongs to now (null: none)
     * @param kind the composer's kind, watched and set here
     * @param text the composer's text, watched and set here
     */
    TimelineComposerAutosave(AutosaveService autosave, TaskRunner tasks, Notifier notifier, Messages messages,
            Formats formats, Clock clock,
            OneShotTimer.Factory timers, Supplier<CrisisCase> shown, ObjectProperty<EntryKind> kind,
            StringProperty text) {
        this.autosave = autosave;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        this.timer = timers.create(DELAY, this::saveNow);
        this.shown = shown;
        this.kind = kind;
        this.text = text;
        text.addListener((o, a, b) -> changed());
        kind.addListener((o, a, b) -> changed());
    }

    /** The autosave key of the timeline composer of a case. */
    static String key(long caseId) {
        return "timeline-composer:case:" + caseId;
    }

    /** Another case is about to be shown: writes what the composer holds for the one being left. */
    void leaving() {
        saveNow();
    }

    /** Another case is shown (or none): empties the composer, then brings back its text not yet added. */
    void switchedTo(CrisisCase c) {
        apply("", EntryKind.NOTE);
        dirty = false;
        restoringKey = null;
        if (c != null) {
            restore(c);
        }
    }

    /** How many changes the composer has seen; an add takes it with the text it adds. */
    long editCount() {
        return editSeq;
    }

    /**
     * On the store thread, right after the text of {@code seq} was added under {@code key} (which
     * deleted its autosave): from now on, queued saves of this text (or older) must not bring it back.
     */
    void addedInStore(String key, long seq) {
        addedThrough.merge(key, seq, Math::max);
    }

    /**
     * The entry with {@code added} (taken at {@code seq}) is in the timeline: empties the composer if it
     * still shows it, and sets its kind back to a note.
     */
    void added(long caseId, String key, long seq, String added) {
        Draft kept = unsaved.get(key);
        if (kept != null && kept.seq() <= seq) {
            unsaved.remove(key);
        }
        if (isShown(caseId) && added.equals(text.get())) {
            boolean changedMeanwhile = editSeq != seq;
            // the next entry starts as a note again: a kept "escalation" would mislabel the next quick note
            apply("", EntryKind.NOTE);
            dirty = changedMeanwhile; // e.g. the kind changed: a save of the old text may have run
            if (changedMeanwhile) {
                saveNow();
            } else {
                timer.stop();
            }
        }
        // else: more was typed while adding; it stays in the composer and is autosaved
    }

    private void changed() {
        if (applying) {
            return;
        }
        editSeq++;
        dirty = true;
        if (shown.get() != null) {
            timer.start();
        }
    }

    /** Sets the composer without counting it as typing. */
    private void apply(String newText, EntryKind newKind) {
        applying = true;
        try {
            kind.set(newKind);
            text.set(newText);
        } finally {
            applying = false;
        }
        editSeq++;
    }

    /** Queues a write of the composer if it changed. Runs when the countdown ends and on case switch. */
    private void saveNow() {
        timer.stop();
        CrisisCase c = shown.get();
        if (!dirty || c == null) {
            return;
        }
        dirty = false;
        Draft d = snapshot(c);
        tasks.run(messages.get("autosave.task.save"), () -> store(d), stored -> written(d), t -> failed(d, reason(t)));
    }

    /**
     * Writes pending composer text (and drafts an earlier write failed on) and waits for the store.
     * For shutdown; call on the FX thread before the task runner and the store close.
     *
     * @return true when nothing typed is left unwritten; false when a write failed (the person has
     *         been told, and the text is still in memory)
     */
    boolean flush() {
        timer.stop();
        CrisisCase c = shown.get();
        String shownKey = c == null ? null : key(c.id());
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
                tasks.runAndWait(messages.get("cases.autosave.task.flush"), () -> store(d), FLUSH_TIMEOUT);
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
        String key = key(c.id());
        EntryKind k = kind.get() == null ? EntryKind.NOTE : kind.get();
        String t = text.get() == null ? "" : text.get();
        return new Draft(key, c.id(), k, t, editSeq, key.equals(restoringKey));
    }

    /** On the store thread. Returns false when there was nothing to write. */
    private boolean store(Draft d) {
        Long added = addedThrough.get(d.key());
        if (added != null && d.seq() <= added) {
            return false; // this text is in the timeline now; its autosave went with the insert
        }
        String t = d.text();
        if (d.appendToStored()) {
            // typed before the stored autosave of this case was shown: keep both
            if (t.isBlank()) {
                return false;
            }
            Optional<AutosavedText> stored = autosave.find(d.key());
            if (stored.isPresent() && !stored.get().content().equals(t)) {
                t = stored.get().content() + "\n" + t;
            }
        }
        autosave.save(d.key(), d.caseId(), d.kind().name(), t);
        return true;
    }

    private void written(Draft d) {
        Draft kept = unsaved.get(d.key());
        if (kept != null && kept.seq() <= d.seq()) {
            unsaved.remove(d.key());
            notifier.info(isShown(d.caseId()) ? messages.get("cases.autosave.again")
                    : messages.get("cases.autosave.again.other", String.valueOf(d.caseId())));
        }
    }

    private void failed(Draft d, String reason) {
        Draft kept = unsaved.get(d.key());
        if (kept == null || kept.seq() <= d.seq()) {
            unsaved.put(d.key(), d);
        }
        if (isShown(d.caseId())) {
            dirty = true; // tried again on the next change, case switch or close
            notifier.error(messages.get("cases.autosave.failed.shown", reason));
        } else {
            notifier.error(messages.get("cases.autosave.failed.other", reason, String.valueOf(d.caseId())));
        }
    }

    private boolean isShown(long caseId) {
        CrisisCase c = shown.get();
        return c != null && c.id() == caseId;
    }

    private String reason(Throwable t) {
        if (t instanceof IllegalArgumentException) {
            return messages.get("cases.autosave.tooLong", formats.number(AutosaveService.MAX_CONTENT));
        }
        return notifier.explain(t);
    }

    /** Puts the text not yet added for {@code c} back into the composer: from memory, else from the store. */
    private void restore(CrisisCase c) {
        String key = key(c.id());
        Draft kept = unsaved.get(key);
        if (kept != null) {
            apply(kept.text(), kept.kind());
            dirty = true;
            timer.start();
            notifier.error(messages.get("cases.autosave.restoredFromMemory", String.valueOf(c.id())));
            return;
        }
        restoringKey = key;
        tasks.run(messages.get("autosave.task.check"), () -> autosave.find(key), found -> restored(key, found), t -> {
            if (key.equals(restoringKey)) {
                restoringKey = null;
                notifier.failed(messages.get("cases.autosave.failed.check"), t);
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
        String typed = text.get();
        if (typed == null || typed.isBlank()) {
            apply(a.content(), kindOf(a.kind()));
            dirty = false;
            timer.stop();
        } else {
            // typed in the moment before the lookup answered: keep both, stored text first
            String both = typed.equals(a.content()) || typed.startsWith(a.content() + "\n") ? typed
                    : a.content() + "\n" + typed;
            apply(both, kindOf(a.kind()));
            dirty = true;
            timer.start();
        }
        notifier.info(messages.get("cases.autosave.restored", when(a.savedAt())));
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
        return LocalDate.ofInstant(at, formats.zone()).equals(LocalDate.ofInstant(clock.instant(), formats.zone()))
                ? formats.clock(at) : formats.dayClock(at);
    }
}
