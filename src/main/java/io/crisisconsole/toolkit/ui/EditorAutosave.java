package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.Autosaves;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;

/**
 * Autosave for the small editors (the case form, the correction and status dialogs): while one is
 * open, its content is written about a second after a change; when the same editor opens again after
 * a crash, what was typed comes back and the status bar says so. Finishing the editor (OK or Cancel)
 * forgets the draft. The timeline composer has its own, richer autosave in its view-model.
 */
public final class EditorAutosave {

    public static final Duration DELAY = Duration.ofSeconds(1);

    private final Autosaves store;
    private final TaskRunner tasks;
    private final OneShotTimer.Factory timers;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Set<Session> open = new LinkedHashSet<>();

    public EditorAutosave(Autosaves store, TaskRunner tasks, OneShotTimer.Factory timers, Notifier notifier,
            Messages messages, Formats formats) {
        this.store = store;
        this.tasks = tasks;
        this.timers = timers;
        this.notifier = notifier;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * Starts autosaving an editor.
     *
     * @param key what identifies this editor across runs, e.g. {@code correction:entry:12}
     * @param caseId the case it belongs to, or null
     * @param snapshot the editor's content as text (on the FX thread)
     * @param restore puts restored text back into the editor (on the FX thread)
     * @param changes what to watch for changes
     */
    public Session open(String key, Long caseId, Supplier<String> snapshot, Consumer<String> restore,
            Observable... changes) {
        Session session = new Session(key, caseId, snapshot);
        open.add(session);
        for (Observable o : changes) {
            o.addListener(x -> session.changed());
        }
        tasks.run(messages.get("autosave.task.check"), () -> store.find(key), found -> session.restore(found, restore),
                t -> notifier.failed(messages.get("autosave.check.failed"), t));
        return session;
    }

    /** Writes what every open editor holds now (shutdown); on the FX thread. */
    public void flushAll() {
        List.copyOf(open).forEach(Session::saveNow);
    }

    /** One open editor. */
    public final class Session {
        private final String key;
        private final Long caseId;
        private final Supplier<String> snapshot;
        private final OneShotTimer timer;
        private boolean touched;
        private boolean restoring;
        private boolean finished;
        private String lastWritten;

        private Session(String key, Long caseId, Supplier<String> snapshot) {
            this.key = key;
            this.caseId = caseId;
            this.snapshot = snapshot;
            this.timer = timers.create(DELAY, this::saveNow);
        }

        private void changed() {
            if (restoring || finished) {
                return;
            }
            touched = true;
            timer.start();
        }

        private void restore(Optional<AutosavedText> found, Consumer<String> restore) {
            if (found.isEmpty() || touched || finished) {
                return; // nothing kept, or the person already started typing: do not overwrite
            }
            restoring = true;
            try {
                restore.accept(found.get().content());
                lastWritten = found.get().content();
            } finally {
                restoring = false;
            }
            notifier.info(messages.get("autosave.restored", formats.clock(found.get().savedAt())));
        }

        /** Writes the current content now if it changed since the last write. */
        public void saveNow() {
            timer.stop();
            if (finished) {
                return;
            }
            String text = snapshot.get();
            if (Objects.equals(text, lastWritten)) {
                return;
            }
            lastWritten = text;
            tasks.run(messages.get("autosave.task.save"), () -> store.save(key, caseId, null, text), saved -> { },
                    t -> notifier.error(messages.get("autosave.failed", notifier.explain(t))));
        }

        /** The editor is left with its work unsaved (e.g. another playbook is opened): write it now and stop. */
        public void leave() {
            saveNow();
            finished = true;
            open.remove(this);
        }

        /** The editor is done (its content was used, or dropped on purpose): forget the draft. */
        public void finish() {
            finished = true;
            open.remove(this);
            timer.stop();
            tasks.run(messages.get("autosave.task.discard"), () -> {
                store.discard(key);
                return null;
            }, done -> { }, t -> notifier.failed(messages.get("autosave.discard.failed"), t));
        }
    }
}
