package io.crisisconsole.playbooks;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Playbooks in the store, each with every saved version of its YAML. Only valid YAML is saved
 * (see {@link PlaybookReader}); each write is one transaction, so an import or a save is either
 * whole or absent. The YAML is kept exactly as written (comments and all), not re-serialised.
 */
public final class PlaybookService {

    public static final int MAX_AUTHOR = 200;
    public static final int MAX_NOTE = 2000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final PlaybookReader reader = new PlaybookReader();

    public PlaybookService(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
    }

    /** All playbooks, by key and language. */
    public List<StoredPlaybook> list() {
        return jdbi.withExtension(PlaybookDao.class, PlaybookDao::list);
    }

    public Optional<StoredPlaybook> find(String key, String language) {
        return jdbi.withExtension(PlaybookDao.class, dao -> dao.find(key, language));
    }

    public Optional<StoredPlaybook> find(long id) {
        return jdbi.withExtension(PlaybookDao.class, dao -> dao.find(id));
    }

    public StoredPlaybook get(long id) {
        return find(id).orElseThrow(() -> noSuchPlaybook(id));
    }

    /**
     * Imports a playbook file: a new playbook, or a new version of the one with the same id and
     * language. Importing exactly the YAML of the current version changes nothing.
     *
     * @throws PlaybookInvalidException with every problem, when the YAML is not a valid playbook
     */
    public StoredPlaybook importYaml(String fileName, String yaml, String author) {
        String who = checkAuthor(author);
        Playbook p = parse(fileName, yaml);
        Instant now = now();
        return jdbi.inTransaction(h -> store(h, p, yaml, who, "imported from " + shortName(fileName), false, now));
    }

    /**
     * Saves edited YAML as the next version.
     *
     * @param expectedVersion the version the edit started from
     * @throws PlaybookChangedException when another version was saved meanwhile
     * @throws PlaybookInvalidException when the YAML is not valid, or changes the id or language
     */
    public StoredPlaybook saveVersion(long id, int expectedVersion, String yaml, String author, String note) {
        String who = checkAuthor(author);
        String why = checkNote(note);
        String fileName = "playbook #" + id;
        Playbook p = parse(fileName, yaml);
        Instant now = now();
        return jdbi.inTransaction(h -> saveVersion(h, id, expectedVersion, p, yaml, who, why, now));
    }

    /**
     * As {@link #saveVersion(long, int, String, String, String)}, inside the caller's transaction
     * {@code h} (a debrief accepting a proposed change writes its own rows in the same one).
     */
    public StoredPlaybook saveVersion(Handle h, long id, int expectedVersion, String yaml, String author, String note) {
        String who = checkAuthor(author);
        String why = checkNote(note);
        Playbook p = parse("playbook #" + id, yaml);
        return saveVersion(h, id, expectedVersion, p, yaml, who, why, now());
    }

    private StoredPlaybook saveVersion(Handle h, long id, int expectedVersion, Playbook p, String yaml, String who,
            String why, Instant now) {
        String fileName = "playbook #" + id;
        PlaybookDao dao = h.attach(PlaybookDao.class);
        StoredPlaybook current = dao.find(id).orElseThrow(() -> noSuchPlaybook(id));
        if (current.currentVersion() != expectedVersion) {
            throw new PlaybookChangedException(current.name(), expectedVersion, current.currentVersion());
        }
        List<PlaybookProblem> renamed = new ArrayList<>();
        YamlIndex index = YamlScan.scan(yaml).index;
        if (!p.id().equals(current.key())) {
            renamed.add(at(fileName, index, "id", "id: a saved playbook keeps its id '" + current.key()
                    + "'; import the file to make a new playbook"));
        }
        if (!p.language().equals(current.language())) {
            renamed.add(at(fileName, index, "language", "language: a saved playbook keeps its language '"
                    + current.language() + "'; import the file to make a translation"));
        }
        if (!renamed.isEmpty()) {
            throw new PlaybookInvalidException(renamed);
        }
        if (yaml.equals(dao.version(id, current.currentVersion()).orElseThrow().yaml())) {
            return current;
        }
        return advance(dao, current, p, yaml, who, why, now);
    }

    /** The newest version. */
    public PlaybookVersion current(long id) {
        return jdbi.inTransaction(h -> {
            PlaybookDao dao = h.attach(PlaybookDao.class);
            StoredPlaybook p = dao.find(id).orElseThrow(() -> noSuchPlaybook(id));
            return dao.version(id, p.currentVersion()).orElseThrow();
        });
    }

    /** The newest version, read. */
    public Playbook currentPlaybook(long id) {
        PlaybookVersion v = current(id);
        return parse("playbook #" + id + " version " + v.version(), v.yaml());
    }

    /** Every version, oldest first. */
    public List<PlaybookVersion> versions(long id) {
        return jdbi.inTransaction(h -> {
            PlaybookDao dao = h.attach(PlaybookDao.class);
            dao.find(id).orElseThrow(() -> noSuchPlaybook(id));
            return dao.versions(id);
        });
    }

    public PlaybookVersion version(long id, int version) {
        return jdbi.withExtension(PlaybookDao.class, dao -> dao.version(id, version)).orElseThrow(
                () -> new ValidationException("version", "playbook #" + id + " has no version " + version));
    }

    /**
     * The YAML of {@code toVersion} against {@code fromVersion}, line by line: every line of both,
     * in order, marked the same, added or removed (a changed line is a removed one and an added one).
     */
    public List<DiffLine> diff(long id, int fromVersion, int toVersion) {
        // version 0 is "nothing yet", so the first version shows as all added
        return diffLines(fromVersion == 0 ? "" : version(id, fromVersion).yaml(), version(id, toVersion).yaml());
    }

    /** Two YAML texts line by line, as {@link #diff}. */
    public static List<DiffLine> diffLines(String beforeText, String afterText) {
        List<String> before = beforeText.lines().toList();
        List<String> after = afterText.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        List<DiffLine> lines = new ArrayList<>();
        int oldPos = 0;
        int newPos = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int oldStart = delta.getSource().getPosition();
            while (oldPos < oldStart) {
                lines.add(new DiffLine(DiffLine.Kind.SAME, oldPos + 1, newPos + 1, before.get(oldPos)));
                oldPos++;
                newPos++;
            }
            for (String s : delta.getSource().getLines()) {
                lines.add(new DiffLine(DiffLine.Kind.REMOVED, ++oldPos, null, s));
            }
            for (String s : delta.getTarget().getLines()) {
                lines.add(new DiffLine(DiffLine.Kind.ADDED, null, ++newPos, s));
            }
        }
        while (oldPos < before.size()) {
            lines.add(new DiffLine(DiffLine.Kind.SAME, oldPos + 1, newPos + 1, before.get(oldPos)));
            oldPos++;
            newPos++;
        }
        return lines;
    }

    /**
     * Imports the bundled playbooks unless {@code flag} is set, then sets it; all in one transaction.
     * A bundled playbook whose id and language are already in the store is left alone.
     *
     * @return what was imported; empty when the flag was already set
     */
    List<StoredPlaybook> importBundledOnce(List<BundledPlaybooks.Bundled> files, String author, String flag) {
        String who = checkAuthor(author);
        List<Playbook> parsed = new ArrayList<>();
        for (BundledPlaybooks.Bundled f : files) {
            parsed.add(parse(f.fileName(), f.yaml()));
        }
        Instant now = now();
        return jdbi.inTransaction(h -> {
            PlaybookDao dao = h.attach(PlaybookDao.class);
            // one flag per bundled file, so playbooks added by a later version of the app are
            // imported on its first start too, and none is imported twice
            List<StoredPlaybook> imported = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Playbook p = parsed.get(i);
                String fileFlag = flag + ":" + files.get(i).fileName();
                if (dao.flag(fileFlag).isPresent()) {
                    continue;
                }
                if (dao.find(p.id(), p.language()).isEmpty()) {
                    imported.add(store(h, p, files.get(i).yaml(), who, "bundled with Crisis Console", true, now));
                }
                dao.setFlag(fileFlag, "imported", now);
            }
            if (dao.flag(flag).isEmpty()) {
                dao.setFlag(flag, String.valueOf(imported.size()), now);
            }
            return imported;
        });
    }

    private static StoredPlaybook store(Handle h, Playbook p, String yaml, String author, String note, boolean bundled,
            Instant now) {
        PlaybookDao dao = h.attach(PlaybookDao.class);
        Optional<StoredPlaybook> existing = dao.find(p.id(), p.language());
        if (existing.isEmpty()) {
            long id = dao.insert(p.id(), p.language(), p.title().strip(), bundled, now);
            dao.addVersion(id, 1, yaml, author, note, now);
            return dao.find(id).orElseThrow();
        }
        StoredPlaybook current = existing.get();
        if (yaml.equals(dao.version(current.id(), current.currentVersion()).orElseThrow().yaml())) {
            return current;
        }
        return advance(dao, current, p, yaml, author, note, now);
    }

    private static StoredPlaybook advance(PlaybookDao dao, StoredPlaybook current, Playbook p, String yaml,
            String author, String note, Instant now) {
        int next = current.currentVersion() + 1;
        if (dao.advance(current.id(), current.currentVersion(), p.title().strip(), now) != 1) {
            StoredPlaybook latest = dao.find(current.id()).orElseThrow();
            throw new PlaybookChangedException(current.name(), current.currentVersion(), latest.currentVersion());
        }
        dao.addVersion(current.id(), next, yaml, author, note, now);
        return dao.find(current.id()).orElseThrow();
    }

    private Playbook parse(String fileName, String yaml) {
        PlaybookReader.Parsed parsed = reader.read(fileName, Objects.requireNonNull(yaml, "yaml"));
        if (!parsed.ok()) {
            throw new PlaybookInvalidException(parsed.problems());
        }
        return parsed.playbook();
    }

    private static PlaybookProblem at(String file, YamlIndex index, String path, String message) {
        YamlIndex.Node n = index.locate(path);
        return new PlaybookProblem(file, n.line(), n.column(), message);
    }

    private static String shortName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ValidationException noSuchPlaybook(long id) {
        return new ValidationException("playbook", "no playbook #" + id);
    }

    static String checkAuthor(String author) {
        String a = author == null ? "" : author.strip();
        if (a.isEmpty()) {
            throw new ValidationException("author", "every playbook version needs an author");
        }
        if (a.length() > MAX_AUTHOR) {
            throw new ValidationException("author", "the author name is longer than " + MAX_AUTHOR + " characters");
        }
        return a;
    }

    static String checkNote(String note) {
        String n = note == null ? "" : note.strip();
        if (n.length() > MAX_NOTE) {
            throw new ValidationException("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        return n.isEmpty() ? null : n;
    }
}
