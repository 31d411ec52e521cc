package io.crisisconsole.debrief;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.PlaybookWriter;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The debrief of a case, real or exercise: the hot-wash, the lessons, and the playbook changes the
 * case suggests. A proposed change is the full YAML of the case's playbook with the change made in
 * place (comments and the rest of the file kept, see {@link PlaybookWriter#edit}); accepted, it
 * becomes the playbook's next version, with a note naming the case. Every write also writes the
 * case timeline, in the same transaction.
 */
public final class DebriefService {

    public static final int MAX_HOTWASH = 20_000;
    public static final int MAX_LESSON = 2000;
    public static final int MAX_OWNER = 200;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_PHRASE = 200;
    public static final int MAX_GUIDANCE = 2000;
    public static final int MAX_TEMPLATE = 5000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineService timeline;
    private final CaseService cases;
    private final PlaybookService playbooks;
    private final CasePlaybookService casePlaybooks;
    private final ContactService contacts;
    private final PlaybookReader reader = new PlaybookReader();

    public DebriefService(Jdbi jdbi, Clock clock, TimelineService timeline, CaseService cases,
            PlaybookService playbooks, CasePlaybookService casePlaybooks, ContactService contacts) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.playbooks = Objects.requireNonNull(playbooks);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.contacts = Objects.requireNonNull(contacts);
    }

    // ----- hot-wash

    /** The hot-wash of the case; version 0 and empty texts when none was saved yet. */
    public HotWash hotWash(long caseId) {
        cases.get(caseId);
        return jdbi.withExtension(DebriefDao.class, dao -> dao.hotWash(caseId)).orElse(HotWash.empty(caseId));
    }

    /**
     * Saves the hot-wash as the next version.
     *
     * @param expectedVersion the version the form started from (0 for none yet)
     * @throws ConcurrentChangeException when it was saved elsewhere meanwhile
     */
    public HotWash saveHotWash(long caseId, int expectedVersion, String wentWell, String wentWrong, String lucky,
            String author) {
        String who = CaseService.checkAuthor(author);
        String well = hotWashText("wentWell", "what went well", wentWell);
        String wrong = hotWashText("wentWrong", "what went wrong", wentWrong);
        String luck = hotWashText("lucky", "what was lucky", lucky);
        CrisisCase c = cases.get(caseId);
        Instant now = cases.now(caseId);
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            HotWash before = dao.hotWash(caseId).orElse(HotWash.empty(caseId));
            if (before.version() != expectedVersion) {
                throw new ConcurrentChangeException("the hot-wash of case #" + caseId + " was saved elsewhere (now version "
                        + before.version() + ", you started from version " + expectedVersion
                        + "); reload it and try again");
            }
            if (before.version() > 0 && before.wentWell().equals(well) && before.wentWrong().equals(wrong)
                    && before.lucky().equals(luck)) {
                return before;
            }
            if (before.version() == 0) {
                dao.insertHotWash(caseId, well, wrong, luck, who, now);
            } else if (dao.updateHotWash(caseId, expectedVersion, well, wrong, luck, who, now) != 1) {
                throw new ConcurrentChangeException(c.id());
            }
            HotWash saved = dao.hotWash(caseId).orElseThrow();
            timeline.append(h, TimelineEvent.of(caseId, EventCode.HOTWASH_SAVED, who, now)
                    .with("version", saved.version()));
            return saved;
        });
    }

    private static String hotWashText(String field, String what, String value) {
        String t = PlainText.text(field, what, value == null ? "" : value.strip());
        if (t.length() > MAX_HOTWASH) {
            throw new ValidationException(field, what + " is longer than " + MAX_HOTWASH + " characters");
        }
        return t;
    }

    // ----- lessons

    /** The lessons of the case, oldest first. */
    public List<Lesson> lessons(long caseId) {
        return jdbi.withExtension(DebriefDao.class, dao -> dao.lessons(caseId));
    }

    public Lesson addLesson(long caseId, LessonInput input, String author) {
        String who = CaseService.checkAuthor(author);
        CrisisCase c = cases.get(caseId);
        Checked in = check(c, input);
        Instant now = cases.now(caseId);
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            long id = dao.insertLesson(caseId, in.text, in.owner, in.contactId, in.due, who, now);
            Lesson lesson = dao.lesson(id).orElseThrow();
            timeline.append(h, lessonEvent(EventCode.LESSON_ADDED, lesson, who, now));
            return lesson;
        });
    }

    public Lesson editLesson(long lessonId, LessonInput input, String author) {
        String who = CaseService.checkAuthor(author);
        Lesson was = lesson(lessonId);
        Checked in = check(cases.get(was.caseId()), input);
        Instant now = cases.now(was.caseId());
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            if (in.text.equals(was.lessonText()) && in.owner.equals(was.ownerName())
                    && Objects.equals(in.contactId, was.ownerContactId()) && in.due.equals(was.dueDate())) {
                return was;
            }
            if (dao.updateLesson(lessonId, in.text, in.owner, in.contactId, in.due, was.status(), who, now) != 1) {
                throw noSuchLesson(lessonId);
            }
            Lesson lesson = dao.lesson(lessonId).orElseThrow();
            timeline.append(h, lessonEvent(EventCode.LESSON_EDITED, lesson, who, now));
            return lesson;
        });
    }

    /** Marks the lesson done; a lesson already done stays as it is. */
    public Lesson closeLesson(long lessonId, String author) {
        String who = CaseService.checkAuthor(author);
        Lesson was = lesson(lessonId);
        if (was.status() == LessonStatus.DONE) {
            return was;
        }
        Instant now = cases.now(was.caseId());
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            dao.updateLesson(lessonId, was.lessonText(), was.ownerName(), was.ownerContactId(), was.dueDate(),
                    LessonStatus.DONE, who, now);
            Lesson lesson = dao.lesson(lessonId).orElseThrow();
            timeline.append(h, lessonEvent(EventCode.LESSON_CLOSED, lesson, who, now));
            return lesson;
        });
    }

    public void deleteLesson(long lessonId, String author) {
        String who = CaseService.checkAuthor(author);
        Lesson was = lesson(lessonId);
        Instant now = cases.now(was.caseId());
        jdbi.useTransaction(h -> {
            if (h.attach(DebriefDao.class).deleteLesson(lessonId) != 1) {
                throw noSuchLesson(lessonId);
            }
            timeline.append(h, lessonEvent(EventCode.LESSON_DELETED, was, who, now));
        });
    }

    public Lesson lesson(long lessonId) {
        return jdbi.withExtension(DebriefDao.class, dao -> dao.lesson(lessonId))
                .orElseThrow(() -> noSuchLesson(lessonId));
    }

    private record Checked(String text, String owner, Long contactId, LocalDate due) {
    }

    private Checked check(CrisisCase c, LessonInput input) {
        Objects.requireNonNull(input, "input");
        String text = input.text() == null ? "" : PlainText.text("text", "the lesson", input.text().strip());
        if (text.isEmpty()) {
            throw new ValidationException("text", "a lesson needs its text: what should be done differently");
        }
        if (text.length() > MAX_LESSON) {
            throw new ValidationException("text", "the lesson is longer than " + MAX_LESSON + " characters");
        }
        String owner;
        Long contactId = input.ownerContactId();
        if (contactId != null) {
            Contact person = contacts.find(contactId)
                    .orElseThrow(() -> new ValidationException("owner", "the owner is no contact: no contact #"
                            + contactId + "; pick another or type a name"));
            owner = person.name();
        } else {
            owner = input.owner() == null ? "" : PlainText.line("owner", "the owner", input.owner().strip());
        }
        if (owner.isEmpty()) {
            throw new ValidationException("owner", "a lesson needs an owner: the name of the person who sees to it");
        }
        if (owner.length() > MAX_OWNER) {
            throw new ValidationException("owner", "the owner's name is longer than " + MAX_OWNER + " characters");
        }
        if (input.dueDate() == null) {
            throw new ValidationException("dueDate", "a lesson needs a due date: the day it should be done by");
        }
        LocalDate opened = LocalDate.ofInstant(c.openedAt(), clock.getZone());
        if (input.dueDate().isBefore(opened)) {
            throw new ValidationException("dueDate", "the due date " + input.dueDate() + " is before case #" + c.id()
                    + " was opened (" + opened + "); pick a day from then on");
        }
        return new Checked(text, owner, contactId, input.dueDate());
    }

    private static TimelineEvent lessonEvent(EventCode code, Lesson l, String who, Instant now) {
        return TimelineEvent.of(l.caseId(), code, who, now).with("lessonId", l.id()).with("text", l.lessonText())
                .with("owner", l.ownerName()).with("due", l.dueDate().toString());
    }

    private static ValidationException noSuchLesson(long id) {
        return new ValidationException("lesson", "no lesson #" + id + "; it may have been deleted elsewhere");
    }

    // ----- proposed playbook changes

    /**
     * Where a proposal comes from: the debrief's forms ({@link #DEBRIEF}), or a suggestion of the
     * review with its key ({@link #review}); accepting names the debrief or the review.
     */
    public record Origin(ChangeSource source, String suggestion) {
        public static final Origin DEBRIEF = new Origin(ChangeSource.DEBRIEF, null);

        public Origin {
            Objects.requireNonNull(source, "source");
        }

        public static Origin review(String suggestionKey) {
            return new Origin(ChangeSource.REVIEW, Objects.requireNonNull(suggestionKey, "suggestionKey"));
        }
    }

    /** The changes proposed in the case's debrief, oldest first. */
    public List<PlaybookChange> changes(long caseId) {
        return jdbi.withExtension(DebriefDao.class, dao -> dao.changes(caseId));
    }

    public PlaybookChange change(long changeId) {
        return jdbi.withExtension(DebriefDao.class, dao -> dao.change(changeId))
                .orElseThrow(() -> new ValidationException("change", "no proposed playbook change #" + changeId));
    }

    /** Proposes setting one SLA target of the case's playbook to {@code minutes} (another number than now). */
    public PlaybookChange proposeSla(long caseId, SlaTarget target, int minutes, String author) {
        return proposeSla(caseId, target, minutes, author, Origin.DEBRIEF);
    }

    public PlaybookChange proposeSla(long caseId, SlaTarget target, int minutes, String author, Origin origin) {
        Objects.requireNonNull(target, "target");
        if (minutes < 1 || minutes > 100_000) {
            throw new ValidationException("minutes", "the " + target.english() + " target is a number of minutes from 1 "
                    + "to 100000");
        }
        return propose(caseId, ChangeKind.TIGHTER_SLA, author, origin, p -> {
            int was = target.of(p.when().slas());
            if (was == minutes) {
                throw new ValidationException("minutes", "the " + target.english() + " target is already " + minutes
                        + " min; propose another number");
            }
            return new Edit(withWhen(p, new Playbook.When(p.when().triggers(), p.when().severityLevels(),
                    target.with(p.when().slas(), minutes), p.when().escalationThresholds())),
                    (minutes < was ? "tighter " : "") + target.english() + " (" + was + " → " + minutes + " min)");
        });
    }

    /** Proposes adding {@code phrase} to the forbidden phrases in {@code language} (en, ru, pl or es). */
    public PlaybookChange proposeForbiddenPhrase(long caseId, String language, String phrase, String author) {
        return proposeForbiddenPhrase(caseId, language, phrase, author, Origin.DEBRIEF);
    }

    public PlaybookChange proposeForbiddenPhrase(long caseId, String language, String phrase, String author,
            Origin origin) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!List.of("en", "ru", "pl", "es").contains(lang)) {
            throw new ValidationException("language", "forbidden phrases are listed per language: en, ru, pl or es");
        }
        String text = phrase == null ? "" : PlainText.line("phrase", "the phrase", phrase.strip());
        if (text.isEmpty() || text.length() > MAX_PHRASE) {
            throw new ValidationException("phrase", "the forbidden phrase is 1 to " + MAX_PHRASE + " characters");
        }
        return propose(caseId, ChangeKind.FORBIDDEN_PHRASE, author, origin, p -> {
            Map<String, List<String>> all = new LinkedHashMap<>(p.how().tone().forbiddenPhrases());
            List<String> list = new ArrayList<>(all.getOrDefault(lang, List.of()));
            if (list.stream().anyMatch(s -> s.equalsIgnoreCase(text))) {
                throw new ValidationException("phrase", "'" + text + "' is already a forbidden phrase in " + lang);
            }
            list.add(text);
            all.put(lang, list);
            Playbook.How how = p.how();
            return new Edit(withHow(p, new Playbook.How(how.principles(), how.steps(),
                    new Playbook.Tone(how.tone().rules(), all), how.responseMatrix(), how.templates())),
                    "forbidden phrase '" + text + "' (" + lang + ")");
        });
    }

    /**
     * Proposes the response-matrix row of {@code type}: changed where the matrix has one, else added.
     *
     * @param replyMinutes the first-response target of the type, or null for the complaint reply SLA
     */
    public PlaybookChange proposeResponseRow(long caseId, MentionType type, ResponseAction action, String guidance,
            Integer replyMinutes, String author) {
        return proposeResponseRow(caseId, type, action, guidance, replyMinutes, author, Origin.DEBRIEF);
    }

    public PlaybookChange proposeResponseRow(long caseId, MentionType type, ResponseAction action, String guidance,
            Integer replyMinutes, String author, Origin origin) {
        Objects.requireNonNull(type, "type");
        if (action == null) {
            throw new ValidationException("action", "a response-matrix row needs an action");
        }
        String text = guidance == null ? "" : PlainText.line("guidance", "the guidance", guidance.strip());
        if (text.isEmpty() || text.length() > MAX_GUIDANCE) {
            throw new ValidationException("guidance", "the guidance of a response-matrix row is 1 to " + MAX_GUIDANCE
                    + " characters");
        }
        if (replyMinutes != null && (replyMinutes < 1 || replyMinutes > 100_000)) {
            throw new ValidationException("replyMinutes", "the reply target is a number of minutes from 1 to 100000, "
                    + "or empty for the complaint reply target");
        }
        return propose(caseId, ChangeKind.RESPONSE_ROW, author, origin, p -> {
            List<Playbook.Response> rows = new ArrayList<>(p.how().responseMatrix());
            Playbook.Response row = new Playbook.Response(type, action, text, replyMinutes);
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).type() == type) {
                    at = i;
                }
            }
            String what;
            if (at >= 0) {
                rows.set(at, row);
                what = "response-matrix row for " + type.yamlName() + " changed (" + action.yamlName() + ")";
            } else {
                rows.add(row);
                what = "response-matrix row for " + type.yamlName() + " added (" + action.yamlName() + ")";
            }
            Playbook.How how = p.how();
            return new Edit(withHow(p, new Playbook.How(how.principles(), how.steps(), how.tone(), rows,
                    how.templates())), what);
        });
    }

    /** Proposes a template for a channel and stage the playbook has none for. */
    public PlaybookChange proposeTemplate(long caseId, Channel channel, Stage stage, String text, String author) {
        return proposeTemplate(caseId, channel, stage, text, author, Origin.DEBRIEF);
    }

    public PlaybookChange proposeTemplate(long caseId, Channel channel, Stage stage, String text, String author,
            Origin origin) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stage, "stage");
        String body = text == null ? "" : PlainText.text("text", "the template", text.strip());
        if (body.isEmpty() || body.length() > MAX_TEMPLATE) {
            throw new ValidationException("text", "the template text is 1 to " + MAX_TEMPLATE + " characters");
        }
        return propose(caseId, ChangeKind.MISSING_TEMPLATE, author, origin, p -> {
            List<Playbook.Template> all = new ArrayList<>(p.how().templates());
            if (all.stream().anyMatch(t -> t.channel() == channel && t.stage() == stage)) {
                throw new ValidationException("stage", "the playbook already has a template for " + channel.yamlName()
                        + " at stage " + stage.yamlName() + "; edit it with a free edit instead");
            }
            all.add(new Playbook.Template(channel, stage, body));
            Playbook.How how = p.how();
            return new Edit(withHow(p, new Playbook.How(how.principles(), how.steps(), how.tone(), how.responseMatrix(),
                    all)), "missing template for " + channel.yamlName() + " at stage " + stage.yamlName());
        });
    }

    /**
     * Proposes the whole YAML as edited by a person.
     *
     * @throws PlaybookInvalidException with every located problem, when it is not a valid playbook
     */
    public PlaybookChange proposeFreeEdit(long caseId, String yaml, String description, String author) {
        return proposeFreeEdit(caseId, yaml, description, author, Origin.DEBRIEF);
    }

    public PlaybookChange proposeFreeEdit(long caseId, String yaml, String description, String author, Origin origin) {
        Objects.requireNonNull(origin, "origin");
        String what = description == null ? "" : PlainText.line("description", "the description", description.strip());
        if (what.isEmpty() || what.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description", "a free edit needs a short description of what it changes (1 to "
                    + MAX_DESCRIPTION + " characters)");
        }
        String who = CaseService.checkAuthor(author);
        CrisisCase c = cases.get(caseId);
        StoredPlaybook sp = playbookOf(c);
        PlaybookVersion current = playbooks.current(sp.id());
        Playbook after = read(sp, yaml == null ? "" : yaml);
        if (!after.id().equals(sp.key()) || !after.language().equals(sp.language())) {
            throw new ValidationException("yaml", "a proposed change keeps the playbook's id '" + sp.key()
                    + "' and language '" + sp.language() + "'; import the file to make another playbook");
        }
        if (yaml.equals(current.yaml())) {
            throw new ValidationException("yaml", "the edited YAML is the same as version " + current.version()
                    + " of playbook " + sp.name() + "; change something first");
        }
        return insert(c, sp, current.version(), ChangeKind.FREE_EDIT, what, yaml, who, origin);
    }

    /** A proposal's edited playbook and what the change does, in a few English words. */
    private record Edit(Playbook after, String description) {
    }

    private PlaybookChange propose(long caseId, ChangeKind kind, String author, Origin origin,
            Function<Playbook, Edit> edit) {
        Objects.requireNonNull(origin, "origin");
        String who = CaseService.checkAuthor(author);
        CrisisCase c = cases.get(caseId);
        StoredPlaybook sp = playbookOf(c);
        PlaybookVersion current = playbooks.current(sp.id());
        Playbook before = read(sp, current.yaml());
        Edit e = edit.apply(before);
        String yaml = PlaybookWriter.edit(current.yaml(), before, e.after()).yaml();
        try {
            read(sp, yaml);
        } catch (PlaybookInvalidException invalid) {
            // what the person typed breaks a rule of the format (e.g. an unknown placeholder): say which
            throw new ValidationException("change", "the change would not make a valid playbook " + sp.name() + ": "
                    + String.join("; ", invalid.problems().stream().map(p -> p.message()).toList())
                    + "; correct it and propose it again");
        }
        return insert(c, sp, current.version(), kind, e.description(), yaml, who, origin);
    }

    private PlaybookChange insert(CrisisCase c, StoredPlaybook sp, int base, ChangeKind kind, String description,
            String yaml, String who, Origin origin) {
        Instant now = cases.now(c.id());
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            long id = dao.insertChange(c.id(), sp.id(), sp.language(), base, kind, description, yaml, who, now,
                    origin.source(), origin.suggestion());
            timeline.append(h, TimelineEvent.of(c.id(), EventCode.PLAYBOOK_CHANGE_PROPOSED, who, now)
                    .with("changeId", id).with("kind", kind).with("description", description)
                    .with("playbook", sp.name()).with("version", base));
            return dao.change(id).orElseThrow();
        });
    }

    /**
     * The proposed YAML line by line against the playbook's current version (a change still proposed),
     * or against the version it was proposed on (one accepted or rejected).
     */
    public List<DiffLine> diff(long changeId) {
        PlaybookChange ch = change(changeId);
        String before = ch.state() == ChangeState.PROPOSED ? playbooks.current(ch.playbookId()).yaml()
                : playbooks.version(ch.playbookId(), ch.baseVersion()).yaml();
        return PlaybookService.diffLines(before, ch.yaml());
    }

    /**
     * Makes the proposed YAML the playbook's next version, with a note naming the case: "Debrief of
     * case #…" for a change proposed in the debrief, "Review of case #…" for one suggested by the review.
     *
     * @throws ConcurrentChangeException when the playbook got another version since the proposal
     *         (reject it and propose it again against the current version)
     */
    public PlaybookChange accept(long changeId, String author) {
        String who = CaseService.checkAuthor(author);
        PlaybookChange ch = undecided(changeId);
        CrisisCase c = cases.get(ch.caseId());
        StoredPlaybook sp = playbooks.get(ch.playbookId());
        if (sp.currentVersion() != ch.baseVersion()) {
            throw stale(ch, sp);
        }
        String note = shorten((ch.source() == ChangeSource.REVIEW ? "Review" : "Debrief") + " of case #" + c.id() + " '" + c.title() + "': " + ch.description());
        Instant now = cases.now(ch.caseId());
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            StoredPlaybook saved = playbooks.saveVersion(h, sp.id(), ch.baseVersion(), ch.yaml(), who, note);
            if (saved.currentVersion() == ch.baseVersion()) {
                throw new ValidationException("change", "change #" + changeId + " proposes exactly version "
                        + saved.currentVersion() + " of playbook " + sp.name() + "; reject it, there is nothing to accept");
            }
            if (dao.decide(changeId, ChangeState.ACCEPTED, saved.currentVersion(), who, now) != 1) {
                throw decided(dao.change(changeId).orElseThrow());
            }
            timeline.append(h, TimelineEvent.of(c.id(), EventCode.PLAYBOOK_CHANGE_ACCEPTED, who, now)
                    .with("changeId", changeId).with("description", ch.description()).with("playbook", sp.name())
                    .with("version", saved.currentVersion()));
            return dao.change(changeId).orElseThrow();
        });
    }

    public PlaybookChange reject(long changeId, String author) {
        String who = CaseService.checkAuthor(author);
        PlaybookChange ch = undecided(changeId);
        StoredPlaybook sp = playbooks.get(ch.playbookId());
        Instant now = cases.now(ch.caseId());
        return jdbi.inTransaction(h -> {
            DebriefDao dao = h.attach(DebriefDao.class);
            if (dao.decide(changeId, ChangeState.REJECTED, null, who, now) != 1) {
                throw decided(dao.change(changeId).orElseThrow());
            }
            timeline.append(h, TimelineEvent.of(ch.caseId(), EventCode.PLAYBOOK_CHANGE_REJECTED, who, now)
                    .with("changeId", changeId).with("description", ch.description()).with("playbook", sp.name()));
            return dao.change(changeId).orElseThrow();
        });
    }

    /** Whether the playbook got another version since the change was proposed (accepting it is refused). */
    public boolean isStale(PlaybookChange ch) {
        return ch.state() == ChangeState.PROPOSED && playbooks.get(ch.playbookId()).currentVersion() != ch.baseVersion();
    }

    private PlaybookChange undecided(long changeId) {
        PlaybookChange ch = change(changeId);
        if (ch.state() != ChangeState.PROPOSED) {
            throw decided(ch);
        }
        return ch;
    }

    private static ValidationException decided(PlaybookChange ch) {
        return new ValidationException("change", "change #" + ch.id() + " was already "
                + ch.state().name().toLowerCase(Locale.ROOT) + " by " + ch.decidedBy() + "; there is nothing to decide");
    }

    private static ConcurrentChangeException stale(PlaybookChange ch, StoredPlaybook sp) {
        return new ConcurrentChangeException("playbook " + sp.name() + " was changed since change #" + ch.id()
                + " was proposed (proposed against version " + ch.baseVersion() + ", now version "
                + sp.currentVersion() + "); reject it and propose it again against the current version");
    }

    /** The playbook the case follows, whose current version a change is proposed against. */
    public StoredPlaybook playbookOf(long caseId) {
        return playbookOf(cases.get(caseId));
    }

    private StoredPlaybook playbookOf(CrisisCase c) {
        return casePlaybooks.of(c.id()).orElseThrow(() -> new ValidationException("playbook", "case #" + c.id()
                + " follows no playbook; choose its playbook first, then propose a change to it"));
    }

    private Playbook read(StoredPlaybook sp, String yaml) {
        PlaybookReader.Parsed parsed = reader.read("playbook " + sp.name() + " (proposed)", yaml);
        if (!parsed.ok() || !parsed.problems().isEmpty()) {
            throw new PlaybookInvalidException(parsed.problems());
        }
        return parsed.playbook();
    }

    private static Playbook withWhen(Playbook p, Playbook.When when) {
        return new Playbook(p.format(), p.id(), p.language(), p.title(), p.summary(), when, p.who(), p.how(), p.where());
    }

    private static Playbook withHow(Playbook p, Playbook.How how) {
        return new Playbook(p.format(), p.id(), p.language(), p.title(), p.summary(), p.when(), p.who(), how, p.where());
    }

    private static String shorten(String note) {
        return note.length() <= PlaybookService.MAX_NOTE ? note : note.substring(0, PlaybookService.MAX_NOTE - 1) + "…";
    }
}
