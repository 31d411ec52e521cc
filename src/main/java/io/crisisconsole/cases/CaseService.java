package io.crisisconsole.cases;

import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.DiskSync;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Cases and their timelines. Every change to a case writes a timeline entry (through
 * {@link TimelineService}) in the same transaction, so the timeline always explains the case as it
 * stands.
 */
public final class CaseService {

    /**
     * What must be true before a case is resolved, checked by a feature that knows it (the
     * checklist's required steps) without this package knowing that feature. Every registered check
     * runs inside the transaction that would close the case.
     */
    @FunctionalInterface
    public interface CloseCheck {

        /**
         * What stops {@code c} from being closed, one English sentence each (naming the step, person
         * or thing), or an empty list.
         */
        List<String> blockers(Handle h, CrisisCase c);
    }

    public static final int MAX_BODY = TimelineService.MAX_BODY;
    /** Entries may be dated by hand, but not into the future beyond small clock differences. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);
    /** No crisis this app logs happened before this: an earlier date is a typing error (year 1, 1970). */
    public static final Instant EARLIEST_ENTRY = Instant.parse("2000-01-01T00:00:00Z");

    private final Jdbi jdbi;
    private final TimelineService timeline;
    private final AutosaveService autosave;
    private final Clock clock;
    private final DiskSync disk;
    private final List<CloseCheck> closeChecks = new CopyOnWriteArrayList<>();
    private volatile CaseTime caseTime;

    public CaseService(Jdbi jdbi, TimelineService timeline, AutosaveService autosave, Clock clock, DiskSync disk) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.timeline = Objects.requireNonNull(timeline);
        this.autosave = Objects.requireNonNull(autosave);
        this.clock = Objects.requireNonNull(clock);
        this.disk = Objects.requireNonNull(disk);
    }

    /**
     * Adds a check that must pass before a case is resolved or reviewed (the checklist's required
     * steps); the composition root registers them once, after building the services.
     */
    public void addCloseCheck(CloseCheck check) {
        closeChecks.add(Objects.requireNonNull(check, "check"));
    }

    public CrisisCase open(CaseDetails details, String author) {
        return open(details, author, false, now(), (h, id) -> { });
    }

    /**
     * Opens the case of an exercise at {@code at} (the exercise's start) and, in the same
     * transaction, runs {@code alsoInTransaction} with its id (the rehearsal stores its own rows
     * there): the case is marked exercise for good, and {@link #list()} never shows it.
     */
    public CrisisCase openExercise(CaseDetails details, String author, Instant at,
            java.util.function.ObjLongConsumer<Handle> alsoInTransaction) {
        return open(details, author, true, at.truncatedTo(ChronoUnit.MILLIS), alsoInTransaction);
    }

    private CrisisCase open(CaseDetails details, String author, boolean exercise, Instant at,
            java.util.function.ObjLongConsumer<Handle> alsoInTransaction) {
        String who = checkAuthor(author);
        details.checkPlainText();
        return jdbi.inTransaction(h -> {
            long id = h.attach(CaseDao.class).insert(details, CaseStatus.OPEN, at, exercise);
            timeline.append(h, TimelineEvent.of(id, exercise ? EventCode.EXERCISE_OPENED : EventCode.CASE_OPENED,
                            who, at)
                    .with("severity", details.severity()).with("owner", details.owner()));
            alsoInTransaction.accept(h, id);
            return caseOrFail(h, id);
        });
    }

    /** The real cases, newest first: never an exercise's case. */
    public List<CrisisCase> list() {
        return jdbi.withExtension(CaseDao.class, dao -> dao.listNewestFirst(false));
    }

    /** The cases of exercises, newest first. */
    public List<CrisisCase> exercises() {
        return jdbi.withExtension(CaseDao.class, dao -> dao.listNewestFirst(true));
    }

    /**
     * The time of a case's events: an exercise runs on its own clock (paused, sped up), which the
     * rehearsal lends the cases through {@link #setCaseTime}; every other case runs on the clock.
     */
    @FunctionalInterface
    public interface CaseTime {
        /** The exercise time of case {@code caseId} when the clock reads {@code wall}; empty for a real case. */
        Optional<Instant> now(long caseId, Instant wall);
    }

    /** Set once by the composition root, after building the services. */
    public void setCaseTime(CaseTime time) {
        this.caseTime = Objects.requireNonNull(time, "time");
    }

    /**
     * A clock that reads the time of case {@code caseId} ({@link #now(long)}: an exercise's own time,
     * else the clock), in the clock's zone: for code that takes a {@link Clock}, such as the composer.
     */
    public Clock clockOf(long caseId) {
        return new CaseTimeClock(caseId, clock.getZone());
    }

    private final class CaseTimeClock extends Clock {
        private final long caseId;
        private final java.time.ZoneId zone;

        CaseTimeClock(long caseId, java.time.ZoneId zone) {
            this.caseId = caseId;
            this.zone = zone;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId z) {
            return new CaseTimeClock(caseId, z);
        }

        @Override
        public Instant instant() {
            return now(caseId);
        }
    }

    /**
     * Now, for the events of case {@code caseId}: its exercise time when it is an exercise, else
     * the clock (milliseconds). Every service that stamps something of a case asks here.
     */
    public Instant now(long caseId) {
        Instant wall = now();
        CaseTime t = caseTime;
        return t == null ? wall : t.now(caseId, wall).map(i -> i.truncatedTo(ChronoUnit.MILLIS)).orElse(wall);
    }

    public Optional<CrisisCase> find(long id) {
        return jdbi.withExtension(CaseDao.class, dao -> dao.find(id));
    }

    public CrisisCase get(long id) {
        return find(id).orElseThrow(() -> noSuchCase(id));
    }

    /**
     * Changes the descriptive fields. Writes one {@link EntryKind#CASE_UPDATED} entry listing what
     * changed; does nothing when nothing changed.
     *
     * @throws ConcurrentChangeException when the case changed since {@code expectedVersion}
     */
    public CrisisCase update(long id, int expectedVersion, CaseDetails details, String author) {
        String who = checkAuthor(author);
        details.checkPlainText();
        Instant now = now(id);
        return jdbi.inTransaction(h -> {
            CrisisCase current = caseOrFail(h, id);
            checkVersion(current, expectedVersion);
            List<Map<String, Object>> changes = describeChanges(current.details(), details);
            if (changes.isEmpty()) {
                return current;
            }
            writeCase(h, current, details, current.status(), current.closedAt(), now);
            timeline.append(h, TimelineEvent.of(id, EventCode.CASE_UPDATED, who, now).withList("changes", changes));
            return caseOrFail(h, id);
        });
    }

    /**
     * Moves the case to another status. Entering resolved/reviewed from an open status sets the
     * closed time; going back to an open status clears it (a reopen).
     */
    public CrisisCase changeStatus(long id, int expectedVersion, CaseStatus to, String reason, String author) {
        String who = checkAuthor(author);
        Objects.requireNonNull(to, "status");
        String why = PlainText.text("reason", "the reason", CaseDetails.blankToNull(reason));
        Instant now = now(id);
        CrisisCase changed = jdbi.inTransaction(h -> {
            CrisisCase current = caseOrFail(h, id);
            checkVersion(current, expectedVersion);
            if (current.status() == to) {
                return current;
            }
            if (to.isClosed() && !current.status().isClosed()) {
                List<String> blockers = new ArrayList<>();
                for (CloseCheck check : closeChecks) {
                    blockers.addAll(check.blockers(h, current));
                }
                if (!blockers.isEmpty()) {
                    throw new CaseCloseRefusedException(to, blockers);
                }
            }
            Instant closedAt;
            if (to.isClosed()) {
                closedAt = current.closedAt() != null ? current.closedAt() : now;
            } else {
                closedAt = null;
            }
            writeCase(h, current, current.details(), to, closedAt, now);
            EventCode code = current.status().isClosed() && !to.isClosed() ? EventCode.CASE_REOPENED
                    : EventCode.CASE_STATUS_CHANGED;
            timeline.append(h, TimelineEvent.of(id, code, who, now).with("from", current.status()).with("to", to)
                    .with("reason", why));
            return caseOrFail(h, id);
        });
        if (changed.status().isClosed()) {
            forceSync();
        }
        return changed;
    }

    /**
     * Pushes everything committed so far down to the disk device. Commits already reach the file
     * at once (WRITE_DELAY=0); at important points (a case closed) this also survives a power cut.
     */
    private void forceSync() {
        disk.sync();
    }

    /**
     * Appends an entry a person wrote. {@code occurredAt} may be null (now) or a past time, for
     * example when a post went out before it was logged; not before the case was opened (see
     * {@link #addEntry(long, EntryKind, String, Instant, String, String, boolean)}).
     */
    public TimelineEntry addEntry(long caseId, EntryKind kind, String body, Instant occurredAt, String author) {
        return addEntry(caseId, kind, body, occurredAt, author, null, false);
    }

    /** As {@link #addEntry(long, EntryKind, String, Instant, String, String, boolean)}, not before the opening. */
    public TimelineEntry addEntry(long caseId, EntryKind kind, String body, Instant occurredAt, String author,
            String clearAutosaveKey) {
        return addEntry(caseId, kind, body, occurredAt, author, clearAutosaveKey, false);
    }

    /**
     * Appends an entry a person wrote and, in the same transaction, deletes the autosaved text of
     * the editor it came from, so that after a crash the text is either still autosaved and not in
     * the timeline, or in the timeline and no longer autosaved: never lost, never offered again as
     * a duplicate.
     *
     * @param occurredAt when it happened: null for now; refused before {@link #EARLIEST_ENTRY} or in
     *                   the future
     * @param clearAutosaveKey the editor's autosave key ({@link AutosaveService}),
     *                         or null to leave autosaves alone
     * @param beforeOpening the person confirmed that it happened before the case was opened;
     *                      without it such a date is an {@link EntryBeforeOpeningException}
     */
    public TimelineEntry addEntry(long caseId, EntryKind kind, String body, Instant occurredAt, String author,
            String clearAutosaveKey, boolean beforeOpening) {
        String who = checkAuthor(author);
        Objects.requireNonNull(kind, "kind");
        if (!kind.isUserEntered()) {
            throw new ValidationException("kind", "'" + kind.cliName()
                    + "' entries are written by the app; add a note, decision, message-published, mention-handled or escalation");
        }
        String text = TimelineService.checkText(body);
        Instant now = now(caseId);
        Instant when = occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MILLIS);
        checkDate(when, now);
        return jdbi.inTransaction(h -> {
            CrisisCase c = caseOrFail(h, caseId);
            checkOpening(c, when, beforeOpening);
            TimelineEntry added = timeline.append(h, TimelineEvent.of(caseId, EventCode.ofUserEntry(kind), who, now)
                    .occurredAt(when).with("text", text));
            if (clearAutosaveKey != null) {
                autosave.discard(h, clearAutosaveKey);
            }
            return added;
        });
    }

    /** The rule every dated entry follows, corrections too: not before 2000, not in the future. */
    private static void checkDate(Instant when, Instant now) {
        if (when.isBefore(EARLIEST_ENTRY)) {
            throw new ValidationException("occurredAt", "an entry cannot be dated " + when
                    + ": that is before the year 2000; check the date");
        }
        if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("occurredAt", "an entry cannot be dated in the future (" + when + ")");
        }
    }

    private static void checkOpening(CrisisCase c, Instant when, boolean beforeOpening) {
        if (!beforeOpening && c.openedAt() != null && when.isBefore(c.openedAt())) {
            throw new EntryBeforeOpeningException(c.id(), when, c.openedAt());
        }
    }

    /** Corrects an entry by appending a correction that points at it; the original stays as written. */
    public TimelineEntry correct(long entryId, String correctedText, String author) {
        String who = checkAuthor(author);
        String text = TimelineService.checkText(correctedText);
        return jdbi.inTransaction(h -> {
            TimelineEntry original = timeline.find(h, entryId)
                    .orElseThrow(() -> new ValidationException("entry", "no timeline entry #" + entryId));
            Instant now = now(original.caseId());
            // a correction is dated when it is written, under the same rule as any entry (a clock set
            // to 1970 or set back before the case was opened is refused, not written down)
            checkDate(now, now);
            checkOpening(caseOrFail(h, original.caseId()), now, false);
            return timeline.correct(h, original, text, who, now);
        });
    }

    /** The case's timeline, as of one moment (it is read in pages: see {@link TimelineService#list(Handle, long)}). */
    public List<TimelineEntry> timeline(long caseId) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            caseOrFail(h, caseId);
            return timeline.list(h, caseId);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void writeCase(Handle h, CrisisCase current, CaseDetails d, CaseStatus status, Instant closedAt,
            Instant now) {
        int rows = h.attach(CaseDao.class).update(current.id(), current.version(), d, status, closedAt, now);
        if (rows != 1) {
            throw new ConcurrentChangeException(current.id());
        }
    }

    private static void checkVersion(CrisisCase current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw new ConcurrentChangeException(current.id());
        }
    }

    private static CrisisCase caseOrFail(Handle h, long id) {
        return h.attach(CaseDao.class).find(id).orElseThrow(() -> noSuchCase(id));
    }

    private static ValidationException noSuchCase(long id) {
        return new ValidationException("case", "no case #" + id);
    }

    /** What changed, as the {@code changes} of a {@code case.updated} event: field, from, to. */
    static List<Map<String, Object>> describeChanges(CaseDetails before, CaseDetails after) {
        List<Map<String, Object>> changes = new ArrayList<>();
        change(changes, "title", before.title(), after.title());
        change(changes, "severity", before.severity(), after.severity());
        change(changes, "owner", before.owner(), after.owner());
        change(changes, "hashtag", before.hashtag(), after.hashtag());
        change(changes, "hubUrl", before.hubUrl(), after.hubUrl());
        return changes;
    }

    private static void change(List<Map<String, Object>> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", field);
            change.put("from", before);
            change.put("to", after);
            changes.add(change);
        }
    }

    public static String checkAuthor(String author) {
        String a = CaseDetails.blankToNull(author);
        if (a == null) {
            throw new ValidationException("author", "every timeline entry needs an author");
        }
        if (a.length() > 200) {
            throw new ValidationException("author", "the author name is longer than 200 characters");
        }
        return PlainText.line("author", "the author name", a);
    }

}
