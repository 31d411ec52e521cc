package io.crisisconsole.inbox;

import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Replies saved per playbook, for the reply pane of the inbox: a name unique in the playbook
 * (whatever its letter case), the text and optionally the mention type it is for. They belong to
 * the playbook, not to a case, so they write no timeline entry.
 */
public final class SavedReplyService {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 5000;
    public static final int MAX_BY = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final PlaybookService playbooks;

    public SavedReplyService(Jdbi jdbi, Clock clock, PlaybookService playbooks) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
    }

    /** The playbook's saved replies by name. */
    public List<SavedReply> list(long playbookId) {
        return jdbi.withExtension(SavedReplyDao.class, dao -> dao.list(playbookId));
    }

    /** The playbook's saved replies for a mention of {@code type} first (by name), then the others (by name). */
    public List<SavedReply> listFor(long playbookId, InboxType type) {
        List<SavedReply> first = new ArrayList<>();
        List<SavedReply> rest = new ArrayList<>();
        for (SavedReply r : list(playbookId)) {
            (type != null && r.mentionType() == type ? first : rest).add(r);
        }
        first.addAll(rest);
        return first;
    }

    public Optional<SavedReply> find(long id) {
        return jdbi.withExtension(SavedReplyDao.class, dao -> dao.find(id));
    }

    /**
     * Saves a new reply for the playbook.
     *
     * @param type the mention type it is for, or null for any
     * @throws ValidationException when the name is taken in the playbook, or a field is empty or too long
     */
    public SavedReply create(long playbookId, String name, String text, InboxType type, String by) {
        String who = checkBy(by);
        String n = checkName(name);
        String t = checkText(text);
        StoredPlaybook p = playbookOrFail(playbookId);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            SavedReplyDao dao = h.attach(SavedReplyDao.class);
            nameFree(dao, p, n, null);
            long id = dao.insert(playbookId, n, key(n), t, type, who, now);
            return dao.find(id).orElseThrow();
        });
    }

    /** Changes a saved reply's name, text and type (the name must stay unique in its playbook). */
    public SavedReply update(long id, String name, String text, InboxType type, String by) {
        String who = checkBy(by);
        String n = checkName(name);
        String t = checkText(text);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            SavedReplyDao dao = h.attach(SavedReplyDao.class);
            SavedReply r = replyOrFail(h, id);
            nameFree(dao, playbookOrFail(r.playbookId()), n, id);
            dao.update(id, n, key(n), t, type, who, now);
            return dao.find(id).orElseThrow();
        });
    }

    /** Renames a saved reply (its text and type stay). */
    public SavedReply rename(long id, String name, String by) {
        SavedReply r = find(id).orElseThrow(() -> noSuchReply(id));
        return update(id, name, r.text(), r.mentionType(), by);
    }

    /** Deletes a saved reply; nothing else refers to it. */
    public void delete(long id) {
        jdbi.useTransaction(h -> {
            replyOrFail(h, id);
            h.attach(SavedReplyDao.class).delete(id);
        });
    }

    private static void nameFree(SavedReplyDao dao, StoredPlaybook p, String name, Long except) {
        Optional<Long> taken = dao.idNamed(p.id(), key(name));
        if (taken.isPresent() && !taken.get().equals(except)) {
            throw new ValidationException("name", "playbook " + p.name() + " already has a saved reply named '"
                    + name + "'; choose another name or change that reply");
        }
    }

    private StoredPlaybook playbookOrFail(long playbookId) {
        return playbooks.find(playbookId).orElseThrow(() -> new ValidationException("playbook",
                "no playbook #" + playbookId + "; list them with: playbooks list"));
    }

    private static SavedReply replyOrFail(Handle h, long id) {
        return h.attach(SavedReplyDao.class).find(id).orElseThrow(() -> noSuchReply(id));
    }

    private static ValidationException noSuchReply(long id) {
        return new ValidationException("savedReply", "no saved reply #" + id + " (it may have been deleted)");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ValidationException("name", "a saved reply needs a name");
        }
        if (n.length() > MAX_NAME) {
            throw new ValidationException("name", "the name of a saved reply is longer than " + MAX_NAME
                    + " characters (" + n.length() + "); shorten it");
        }
        return PlainText.line("name", "the name of the saved reply", n);
    }

    private static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "a saved reply needs its text");
        }
        String t = PlainText.text("text", "the text of the saved reply", text.strip());
        if (t.length() > MAX_TEXT) {
            throw new ValidationException("text", "the text of a saved reply is longer than " + MAX_TEXT
                    + " characters (" + t.length() + "); shorten it");
        }
        return t;
    }

    private static String checkBy(String by) {
        String b = by == null ? "" : by.strip();
        if (b.isEmpty()) {
            throw new ValidationException("by", "every change needs an author");
        }
        if (b.length() > MAX_BY) {
            throw new ValidationException("by", "the author name is longer than " + MAX_BY + " characters");
        }
        return PlainText.line("by", "the author name", b);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
