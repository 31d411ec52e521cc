package io.crisisconsole.composer.ui;

import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autosave of the shown draft's editor through {@link EditorAutosave}: one session per shown draft
 * (key {@code draft:ID}), written about a second after a change. What is kept is the stage's name on
 * the first line and the content as JSON after it; a kept text that comes back is handed to
 * {@code restore} (one that cannot be read is logged and ignored).
 */
final class DraftAutosave {

    private static final Logger LOG = LoggerFactory.getLogger(DraftAutosave.class);

    private final EditorAutosave autosave;
    private final long caseId;
    private final ComposerFields fields;
    private final BiConsumer<Stage, DraftContent> restore;
    private EditorAutosave.Session session;

    /** What an autosave holds. */
    record Snapshot(Stage stage, DraftContent content) {
    }

    /**
     * @param restore gets what a session found in the store for its draft (on the FX thread)
     */
    DraftAutosave(EditorAutosave autosave, long caseId, ComposerFields fields, BiConsumer<Stage, DraftContent> restore) {
        this.autosave = autosave;
        this.caseId = caseId;
        this.fields = fields;
        this.restore = restore;
    }

    /** The autosave key of a draft's editor. */
    static String key(long draftId) {
        return "draft:" + draftId;
    }

    /** Starts autosaving the editor for {@code draftId} (what was kept for it comes back). */
    void open(long draftId) {
        session = autosave.open(key(draftId), caseId, this::snapshot, this::restore, fields.all());
    }

    /** The shown draft was saved as a version: forgets its autosave and starts a fresh one. */
    void restart(long draftId) {
        if (session != null) {
            session.finish();
        }
        open(draftId);
    }

    /** Writes the editor now if it changed since the last write. */
    void saveNow() {
        if (session != null) {
            session.saveNow();
        }
    }

    /** Stops autosaving the shown draft and hands its session over (to leave or finish). */
    EditorAutosave.Session detach() {
        EditorAutosave.Session s = session;
        session = null;
        return s;
    }

    private String snapshot() {
        return encode(fields.stageOrDefault(), fields.content());
    }

    private void restore(String text) {
        try {
            Snapshot s = decode(text);
            restore.accept(s.stage(), s.content());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an autosave of the composer that cannot be read", e);
        }
    }

    /** The stage's name on the first line, the content as JSON after it. */
    static String encode(Stage stage, DraftContent content) {
        return stage.name() + "\n" + content.toJson();
    }

    /** @throws RuntimeException when {@code text} is not what {@link #encode} writes */
    static Snapshot decode(String text) {
        int nl = text.indexOf('\n');
        return new Snapshot(Stage.valueOf(text.substring(0, nl)), DraftContent.fromJson(text.substring(nl + 1)));
    }
}
