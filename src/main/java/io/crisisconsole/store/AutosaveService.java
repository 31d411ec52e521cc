package io.crisisconsole.store;

import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.Autosaves;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps text a person has typed but not committed, one row per editor key, so that a crash loses
 * at most the time since the last save. No JavaFX here: view-models call it through their task
 * runner. Failures become a {@link StoreException} whose message names the cause in a few words and
 * never repeats the text itself (Jdbi's own messages include the bound values).
 */
public final class AutosaveService implements Autosaves {

    /** The width of {@code autosave.content}; longer text cannot be autosaved. */
    public static final int MAX_CONTENT = 1_000_000;
    static final int MAX_KEY = 200;
    static final int MAX_KIND = 30;

    private final Jdbi jdbi;
    private final Clock clock;

    public AutosaveService(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Stores {@code content} for {@code key}, replacing what was there. Blank content deletes the
     * row (an emptied editor has nothing to restore).
     *
     * @return what is stored now; empty when the row was deleted
     * @throws IllegalArgumentException when the key, kind or content is too long (check
     *         {@link #MAX_CONTENT} before calling)
     * @throws StoreException when the store cannot be written (disk full, read-only, closed)
     */
    @Override
    public Optional<AutosavedText> save(String key, Long caseId, String kind, String content) {
        checkKey(key);
        if (content == null || content.isBlank()) {
            discard(key);
            return Optional.empty();
        }
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("autosave content longer than " + MAX_CONTENT + " characters");
        }
        if (kind != null && kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("autosave kind longer than " + MAX_KIND + " characters");
        }
        AutosavedText row = new AutosavedText(key, caseId, kind, content,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            // in a transaction, so the commit marker counts it like any other change
            jdbi.useTransaction(h -> h.attach(AutosaveDao.class)
                    .upsert(row.editorKey(), row.caseId(), row.kind(), row.content(), row.savedAt()));
        } catch (JdbiException | IllegalStateException e) {
            throw failure("the store could not be written", e);
        }
        return Optional.of(row);
    }

    @Override
    public Optional<AutosavedText> find(String key) {
        checkKey(key);
        try {
            return jdbi.withExtension(AutosaveDao.class, dao -> dao.find(key));
        } catch (JdbiException | IllegalStateException e) {
            throw failure("the store could not be read", e);
        }
    }

    /** Deletes the row for {@code key}, if any. */
    @Override
    public void discard(String key) {
        checkKey(key);
        try {
            jdbi.useTransaction(h -> h.attach(AutosaveDao.class).delete(key));
        } catch (JdbiException | IllegalStateException e) {
            throw failure("the store could not be written", e);
        }
    }

    /**
     * Deletes the row for {@code key} inside the caller's transaction {@code h}, so that what the
     * text became (a timeline entry, say) and the end of its autosave commit together.
     */
    public void discard(Handle h, String key) {
        checkKey(key);
        h.attach(AutosaveDao.class).delete(key);
    }

    /** Everything autosaved, newest first. */
    public List<AutosavedText> list() {
        try {
            return jdbi.withExtension(AutosaveDao.class, AutosaveDao::list);
        } catch (JdbiException | IllegalStateException e) {
            throw failure("the store could not be read", e);
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("autosave key must be 1 to " + MAX_KEY + " characters");
        }
    }

    /**
     * A short reason from the innermost cause (H2's message, without the SQL statement it appends),
     * keeping that cause for the log but not Jdbi's wrapper, whose message lists the bound text.
     */
    static StoreException failure(String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int sql = reason.indexOf("; SQL statement:");
        if (sql >= 0) {
            reason = reason.substring(0, sql);
        }
        reason = reason.replaceAll("\\s+", " ").strip();
        if (reason.length() > 160) {
            reason = reason.substring(0, 157) + "...";
        }
        return new StoreException(StoreException.Problem.OTHER, what + " (" + reason + ")",
                root == e ? null : root);
    }
}
