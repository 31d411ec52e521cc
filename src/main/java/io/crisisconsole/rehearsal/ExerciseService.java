package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs exercises (issue #12): starts one on its own case from a scenario, keeps its clock (pause,
 * resume, speed, a step to the next inject), fires the injects when they are due (into the case's
 * inbox and the simulated channels), and decides each expectation from what the team did, read
 * through the other features' services. The clock is lent to the cases ({@link CaseService.CaseTime})
 * so that every event of the exercise's case is stamped in exercise time.
 *
 * <p>Nothing here runs by itself: {@link #tick} does the work that is due, and the window calls it
 * every second while an exercise is open (the command line calls it as it steps through).
 */
public final class ExerciseService implements CaseService.CaseTime {

    /** Where the generated mentions come from (their source id starts with it; a repeat is a duplicate). */
    public static final String SOURCE = "exercise";
    public static final int MAX_NOTE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineService timeline;
    private final CaseService cases;
    private final PlaybookService playbooks;
    private final CasePlaybookService casePlaybooks;
    private final InboxService inbox;
    private final DraftService drafts;
    private final ExpectationChecks checks;
    private final ReplayFiles replays;
    /** Each case's clock, or empty for a real case: asked at every stamp, so kept in memory. */
    private final Map<Long, Optional<ExerciseClock>> clocks = new ConcurrentHashMap<>();
    private final Map<String, Scenario> parsed = new ConcurrentHashMap<>();

    public ExerciseService(Jdbi jdbi, Clock clock, TimelineService timeline, CaseService cases,
            PlaybookService playbooks, CasePlaybookService casePlaybooks, InboxService inbox, DraftService drafts,
            ExpectationChecks checks, ReplayFiles replays) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.playbooks = Objects.requireNonNull(playbooks);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.inbox = Objects.requireNonNull(inbox);
        this.drafts = Objects.requireNonNull(drafts);
        this.checks = Objects.requireNonNull(checks);
        this.replays = Objects.requireNonNull(replays);
    }

    // ------------------------------------------------------------------ the clock lent to the cases

    @Override
    public Optional<Instant> now(long caseId, Instant wall) {
        return clocks.computeIfAbsent(caseId, id -> jdbi.withExtension(ExerciseDao.class, d -> d.find(id))
                .map(Exercise::clock)).map(c -> c.now(wall));
    }

    private Instant wall() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ------------------------------------------------------------------ reading

    public Optional<Exercise> find(long caseId) {
        return jdbi.withExtension(ExerciseDao.class, d -> d.find(caseId));
    }

    public Exercise get(long caseId) {
        return find(caseId).orElseThrow(() -> new ValidationException("case", "case #" + caseId
                + " is not an exercise (no exercise runs on it)"));
    }

    /** Every exercise, newest first. */
    public List<Exercise> list() {
        return jdbi.withExtension(ExerciseDao.class, ExerciseDao::list);
    }

    /** The scenario an exercise runs, as stored at its start. */
    public Scenario scenario(Exercise e) {
        return parsed.computeIfAbsent(e.caseId() + ":" + e.scenarioYaml().hashCode(), k -> {
            ScenarioReader.Parsed p = new ScenarioReader().read(e.scenarioId() + "." + e.language() + ".yaml",
                    e.scenarioYaml());
            if (p.scenario() == null) {
                throw new IllegalStateException("the stored scenario of exercise #" + e.caseId()
                        + " cannot be read: " + p.problems());
            }
            return p.scenario();
        });
    }

    /** Where the exercise stands now. */
    public ExerciseView view(long caseId) {
        Exercise e = get(caseId);
        Scenario s = scenario(e);
        Map<String, String> facts = facts(e);
        ExerciseDao dao = jdbi.onDemand(ExerciseDao.class);
        List<ExerciseView.InjectView> injects = new ArrayList<>();
        for (InjectRow r : dao.injects(caseId)) {
            s.inject(r.injectId()).ifPresent(i -> injects.add(new ExerciseView.InjectView(i, r,
                    fill(r.textOverride() != null ? r.textOverride() : baseText(i), facts), total(e, i))));
        }
        List<ExerciseView.ExpectationView> expectations = new ArrayList<>();
        for (ExpectationRow r : dao.expectations(caseId)) {
            s.expectation(r.expectationId()).ifPresent(x -> expectations.add(new ExerciseView.ExpectationView(x, r)));
        }
        return new ExerciseView(e, s, e.clock().now(wall()), injects, expectations);
    }

    /**
     * The simulated channels: what the injects put there and what the team published from the
     * composer (each publication with the text of the version that went out), oldest first.
     */
    public List<FeedItem> feed(long caseId) {
        List<FeedItem> all = new ArrayList<>(jdbi.withExtension(ExerciseDao.class, d -> d.feed(caseId)));
        Map<Long, List<io.crisisconsole.composer.DraftVersion>> versions = new java.util.HashMap<>();
        for (var p : drafts.publicationsOfCase(caseId)) {
            String text = versions.computeIfAbsent(p.draftId(), drafts::versions).stream()
                    .filter(v -> v.version() == p.draftVersion()).findFirst()
                    .map(v -> v.content().text(p.channel())).orElse("");
            all.add(new FeedItem(-p.id(), Feed.of(p.channel()), p.publishedAt(), null, true, p.channel(), p.markedBy(),
                    null, null, null, null, text, null));
        }
        all.sort(Comparator.comparing(FeedItem::postedAt).thenComparingLong(FeedItem::id));
        return all;
    }

    public List<ObjectiveRating> ratings(long caseId) {
        return jdbi.withExtension(ExerciseDao.class, d -> d.ratings(caseId));
    }

    // ------------------------------------------------------------------ starting

    /**
     * Starts {@code scenario} on a new exercise case at minute 0 (now, on the clock): the case is
     * marked exercise, gets the scenario's playbook, and the injects due at minute 0 fire at once.
     *
     * @param yaml the scenario's text as read (stored with the exercise)
     * @param file where it was read from (replays are found beside it), or null
     * @param running false to start paused at minute 0
     * @throws ValidationException when the playbook is not in the store, or the scenario does not fit it
     */
    public Exercise start(Scenario scenario, String yaml, Path file, String facilitator, int speed, boolean running) {
        String who = CaseService.checkAuthor(facilitator);
        ExerciseClock.checkSpeed(speed);
        StoredPlaybook stored = playbooks.find(scenario.playbook(), scenario.language())
                .orElseThrow(() -> new ValidationException("playbook", "the scenario rehearses the playbook '"
                        + scenario.playbook() + "." + scenario.language() + "', which is not in the store; import it "
                        + "first (playbook import FILE)"));
        Playbook p = playbooks.currentPlaybook(stored.id());
        List<String> unfit = new ArrayList<>();
        ScenarioValidator.validate(scenario, (path, message) -> unfit.add(path + ": " + message));
        ScenarioValidator.againstPlaybook(scenario, p, (path, message) -> unfit.add(path + ": " + message));
        if (!unfit.isEmpty()) {
            throw new ValidationException("scenario", "the scenario does not fit the playbook "
                    + stored.name() + ": " + String.join("; ", unfit));
        }
        Instant wall = wall();
        ExerciseClock c = ExerciseClock.start(wall, speed, running);
        int severity = p.when().triggers().stream().mapToInt(Playbook.Trigger::severity).min().orElse(3);
        CaseDetails details = new CaseDetails(cut(scenario.title(), CaseDetails.MAX_TITLE), severity, who,
                p.where().hashtag(), p.where().hub() == null ? null : p.where().hub().url());
        String facts = json(scenario.variables());
        CrisisCase opened = cases.openExercise(details, who, wall, (h, caseId) -> {
            ExerciseDao dao = h.attach(ExerciseDao.class);
            dao.insert(caseId, scenario.id(), scenario.language(), scenario.title(),
                    file == null ? null : file.toAbsolutePath().toString(), yaml, c.state(), speed, wall, wall, wall,
                    facts, who);
            int seq = 0;
            for (Scenario.Inject i : scenario.injects()) {
                dao.insertInject(caseId, i.id(), seq++, i.trigger() == Scenario.Trigger.AT ? c.atMinute(i.atMinutes())
                        : null);
            }
            seq = 0;
            for (Scenario.Expectation x : scenario.expectations()) {
                Instant starts = x.after() == null ? wall : null;
                dao.insertExpectation(caseId, x.id(), seq++, starts,
                        starts == null ? null : deadline(x, starts, scenario, p));
            }
            timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_STARTED, who, wall)
                    .with("scenario", scenario.title()).with("scenarioId", scenario.id())
                    .with("language", scenario.language()).with("playbook", scenario.playbook())
                    .with("injects", scenario.injects().size()).with("expectations", scenario.expectations().size()));
        });
        clocks.remove(opened.id());
        casePlaybooks.assign(opened.id(), stored.id(), who);
        tick(opened.id());
        return get(opened.id());
    }

    // ------------------------------------------------------------------ the clock

    public Exercise pause(long caseId, String by) {
        return moveClock(caseId, by, c -> c.pause(wall()), EventCode.EXERCISE_PAUSED, Map.of());
    }

    public Exercise resume(long caseId, String by) {
        Exercise e = get(caseId);
        return moveClock(caseId, by, c -> c.resume(wall()), EventCode.EXERCISE_RESUMED, Map.of("speed", e.speed()));
    }

    public Exercise setSpeed(long caseId, int speed, String by) {
        ExerciseClock.checkSpeed(speed);
        Exercise e = get(caseId);
        if (e.speed() == speed) {
            return e;
        }
        return moveClock(caseId, by, c -> c.withSpeed(wall(), speed), EventCode.EXERCISE_SPEED_CHANGED,
                Map.of("from", e.speed(), "to", speed));
    }

    /** Moves exercise time on to the next inject due (nothing when none is), and fires it. */
    public Exercise stepToNext(long caseId, String by) {
        Exercise e = get(caseId);
        Instant now = e.clock().now(wall());
        Optional<Instant> next = jdbi.withExtension(ExerciseDao.class, d -> d.injects(caseId)).stream()
                .filter(r -> r.state() == InjectState.PENDING && r.dueAt() != null && r.dueAt().isAfter(now))
                .map(InjectRow::dueAt).min(Comparator.naturalOrder());
        if (next.isEmpty()) {
            return e;
        }
        long minutes = Duration.between(now, next.get()).toMinutes();
        Exercise moved = moveClock(caseId, by, c -> c.advanceTo(wall(), next.get()), EventCode.EXERCISE_STEPPED,
                Map.of("minutes", minutes));
        tick(caseId);
        return moved;
    }

    /** Moves exercise time on to {@code at} (never back), for a headless run stepping through its events. */
    Exercise advanceTo(long caseId, Instant at) {
        Exercise e = get(caseId);
        return writeClock(e, e.clock().advanceTo(wall(), at));
    }

    /** Ends the exercise: the clock stops for good; expectations still open stay undecided. */
    public Exercise end(long caseId, String by) {
        String who = CaseService.checkAuthor(by);
        tick(caseId);
        Exercise e = get(caseId);
        if (e.state() == ExerciseState.ENDED) {
            return e;
        }
        ExerciseClock c = e.clock().end(wall());
        jdbi.useTransaction(h -> {
            write(h, e, c);
            Map<ExpectationState, Long> n = new java.util.EnumMap<>(ExpectationState.class);
            for (ExpectationRow r : h.attach(ExerciseDao.class).expectations(caseId)) {
                n.merge(r.state(), 1L, Long::sum);
            }
            timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_ENDED, who, c.anchorAt())
                    .with("passed", n.getOrDefault(ExpectationState.PASSED, 0L))
                    .with("failed", n.getOrDefault(ExpectationState.FAILED, 0L))
                    .with("expired", n.getOrDefault(ExpectationState.EXPIRED, 0L))
                    .with("open", n.getOrDefault(ExpectationState.PENDING, 0L)));
        });
        return get(caseId);
    }

    private Exercise moveClock(long caseId, String by, java.util.function.UnaryOperator<ExerciseClock> change,
            EventCode code, Map<String, Object> args) {
        String who = CaseService.checkAuthor(by);
        Exercise e = get(caseId);
        requireRunning(e);
        ExerciseClock c = change.apply(e.clock());
        jdbi.useTransaction(h -> {
            write(h, e, c);
            TimelineEvent ev = TimelineEvent.of(caseId, code, who, c.now(wall()));
            for (Map.Entry<String, Object> a : args.entrySet()) {
                ev = ev.with(a.getKey(), a.getValue());
            }
            timeline.append(h, ev);
        });
        return get(caseId);
    }

    private Exercise writeClock(Exercise e, ExerciseClock c) {
        jdbi.useTransaction(h -> write(h, e, c));
        return get(e.caseId());
    }

    private void write(Handle h, Exercise e, ExerciseClock c) {
        int rows = h.attach(ExerciseDao.class).updateClock(e.caseId(), e.version(), c.state(), c.speed(),
                c.anchorWall(), c.anchorAt(), c.state() == ExerciseState.ENDED ? c.anchorAt() : null);
        if (rows != 1) {
            throw new ConcurrentChangeException("the clock of exercise #" + e.caseId()
                    + " was moved by someone else just now; look again");
        }
        clocks.put(e.caseId(), Optional.of(c));
    }

    private static void requireRunning(Exercise e) {
        if (e.state() == ExerciseState.ENDED) {
            throw new ValidationException("exercise", "exercise #" + e.caseId() + " is over: its clock no longer moves");
        }
    }

    // ------------------------------------------------------------------ the facilitator

    /** Fires an inject now, whatever its trigger (the facilitator's hand). */
    public void fire(long caseId, String injectId, String by) {
        String who = CaseService.checkAuthor(by);
        Exercise e = get(caseId);
        requireRunning(e);
        InjectRow row = pendingInject(caseId, injectId);
        Instant now = e.clock().now(wall());
        fireDue(e, scenario(e), new InjectRow(row.caseId(), row.injectId(), row.seq(), row.state(),
                row.dueAt() == null || row.dueAt().isAfter(now) ? now : row.dueAt(), row.textOverride(),
                row.firedAt(), row.posts()), now, true, who);
        tick(caseId);
    }

    public void skip(long caseId, String injectId, String by) {
        String who = CaseService.checkAuthor(by);
        Exercise e = get(caseId);
        requireRunning(e);
        pendingInject(caseId, injectId);
        Scenario.Inject i = scenario(e).inject(injectId).orElseThrow();
        jdbi.useTransaction(h -> {
            if (h.attach(ExerciseDao.class).skipped(caseId, injectId) == 1) {
                timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_INJECT_SKIPPED, who,
                        e.clock().now(wall())).with("injectId", injectId).with("type", i.type().yamlName()));
            }
        });
    }

    /**
     * Changes a pending inject: its minute (null keeps it) and its text (null keeps it; blank is refused).
     */
    public void edit(long caseId, String injectId, Integer minute, String text, String by) {
        String who = CaseService.checkAuthor(by);
        Exercise e = get(caseId);
        requireRunning(e);
        InjectRow row = pendingInject(caseId, injectId);
        if (minute != null && (minute < 0 || minute > 24 * 60)) {
            throw new ValidationException("minute", "an inject's minute is 0 to 1440, not " + minute);
        }
        if (text != null && text.isBlank()) {
            throw new ValidationException("text", "an inject needs its text");
        }
        if (text != null && text.length() > InboxService.MAX_TEXT) {
            throw new ValidationException("text", "the text is longer than " + InboxService.MAX_TEXT + " characters");
        }
        Scenario.Inject i = scenario(e).inject(injectId).orElseThrow();
        Instant due = minute == null ? row.dueAt() : e.clock().atMinute(minute);
        String newText = text == null ? row.textOverride() : text;
        jdbi.useTransaction(h -> {
            h.attach(ExerciseDao.class).edit(caseId, injectId, due, newText);
            timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_INJECT_EDITED, who, e.clock().now(wall()))
                    .with("injectId", injectId).with("type", i.type().yamlName()).with("minutes", minute)
                    .with("textChanged", text != null));
        });
        tick(caseId);
    }

    /** The facilitator's judgement of an expectation (any, decided or not): passed, failed or expired. */
    public void judge(long caseId, String expectationId, Scenario.Result result, String note, String by) {
        String who = CaseService.checkAuthor(by);
        Objects.requireNonNull(result, "result");
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw new ValidationException("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        Exercise e = get(caseId);
        Scenario s = scenario(e);
        Scenario.Expectation x = s.expectation(expectationId).orElseThrow(() -> new ValidationException("expectation",
                "the scenario has no expectation '" + expectationId + "' (it has " + String.join(", ",
                        s.expectations().stream().map(Scenario.Expectation::id).toList()) + ")"));
        Instant now = e.clock().now(wall());
        jdbi.useTransaction(h -> decide(h, e, s, x, ExpectationState.of(result), now, true, why, who));
        tick(caseId);
    }

    /** Sets the facilitator's rating of an objective (null clears it: the prefilled one shows again). */
    public void rate(long caseId, String objectiveId, Rating rating, String note, String by) {
        String who = CaseService.checkAuthor(by);
        Exercise e = get(caseId);
        Scenario s = scenario(e);
        if (s.objectives().stream().noneMatch(o -> o.id().equals(objectiveId))) {
            throw new ValidationException("objective", "the scenario has no objective '" + objectiveId + "'");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw new ValidationException("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        jdbi.useTransaction(h -> {
            ExerciseDao dao = h.attach(ExerciseDao.class);
            dao.deleteRating(caseId, objectiveId);
            if (rating != null) {
                dao.insertRating(caseId, objectiveId, rating, why, who, wall());
            }
        });
    }

    private InjectRow pendingInject(long caseId, String injectId) {
        List<InjectRow> rows = jdbi.withExtension(ExerciseDao.class, d -> d.injects(caseId));
        InjectRow row = rows.stream().filter(r -> r.injectId().equals(injectId)).findFirst()
                .orElseThrow(() -> new ValidationException("inject", "the scenario has no inject '" + injectId
                        + "' (it has " + String.join(", ", rows.stream().map(InjectRow::injectId).toList()) + ")"));
        if (row.state() != InjectState.PENDING) {
            throw new ValidationException("inject", "inject '" + injectId + "' already "
                    + (row.state() == InjectState.FIRED ? "fired" : "was skipped"));
        }
        return row;
    }

    // ------------------------------------------------------------------ the work that is due

    /**
     * Does what is due at the exercise's time now: fires the injects due (in order; a wave or a
     * replay posts what is due of it), then decides the expectations from what the team did, which
     * may make more injects due; until nothing changes. Nothing for an exercise that is over.
     *
     * @return how many injects fired or posted, and expectations were decided
     */
    public int tick(long caseId) {
        int done = 0;
        for (int round = 0; round < 10_000; round++) {
            Exercise e = get(caseId);
            if (e.state() == ExerciseState.ENDED) {
                return done;
            }
            Scenario s = scenario(e);
            Instant now = e.clock().now(wall());
            Optional<InjectRow> due = jdbi.withExtension(ExerciseDao.class, d -> d.injects(caseId)).stream()
                    .filter(r -> r.state() == InjectState.PENDING && r.dueAt() != null && !r.dueAt().isAfter(now)
                            && postsDue(e, s.inject(r.injectId()).orElseThrow(), r, now) > 0)
                    .min(Comparator.comparing(InjectRow::dueAt).thenComparingInt(InjectRow::seq));
            if (due.isPresent()) {
                fireDue(e, s, due.get(), now, false, e.facilitator());
                done++;
                continue;
            }
            int decided = decideDue(e, s, now);
            if (decided == 0) {
                return done;
            }
            done += decided;
        }
        throw new IllegalStateException("exercise #" + caseId + " did not settle: a trigger loop in its scenario");
    }

    /** The exercise time of the next thing that will happen by itself: an inject or a post due, or a deadline. */
    public Optional<Instant> nextEvent(long caseId) {
        Exercise e = get(caseId);
        if (e.state() == ExerciseState.ENDED) {
            return Optional.empty();
        }
        Scenario s = scenario(e);
        Instant now = e.clock().now(wall());
        List<Instant> times = new ArrayList<>();
        ExerciseDao dao = jdbi.onDemand(ExerciseDao.class);
        for (InjectRow r : dao.injects(caseId)) {
            if (r.state() == InjectState.PENDING && r.dueAt() != null) {
                Scenario.Inject i = s.inject(r.injectId()).orElseThrow();
                nextPostAt(e, i, r).filter(t -> t.isAfter(now)).ifPresent(times::add);
            }
        }
        for (ExpectationRow r : dao.expectations(caseId)) {
            if (r.state() == ExpectationState.PENDING && r.deadlineAt() != null && r.deadlineAt().isAfter(now)) {
                times.add(r.deadlineAt());
            }
        }
        return times.stream().min(Comparator.naturalOrder());
    }

    /** How many posts of {@code i} are due by {@code now} and not yet made (1 for a single inject). */
    private int postsDue(Exercise e, Scenario.Inject i, InjectRow r, Instant now) {
        List<Instant> times = postTimes(e, i, r.dueAt());
        if (times.isEmpty()) {
            return r.dueAt().isAfter(now) ? 0 : 1;
        }
        int due = 0;
        for (Instant t : times) {
            if (!t.isAfter(now)) {
                due++;
            }
        }
        return Math.max(0, due - r.posts());
    }

    private Optional<Instant> nextPostAt(Exercise e, Scenario.Inject i, InjectRow r) {
        List<Instant> times = postTimes(e, i, r.dueAt());
        if (times.isEmpty()) {
            return Optional.of(r.dueAt());
        }
        return r.posts() < times.size() ? Optional.of(times.get(r.posts())) : Optional.empty();
    }

    /** The times of a wave's or a replay's posts from {@code start}; empty for a single inject. */
    private List<Instant> postTimes(Exercise e, Scenario.Inject i, Instant start) {
        if (i.type() == Scenario.InjectType.SOCIAL_WAVE) {
            int n = i.count();
            long spread = Duration.ofMinutes(i.overMinutes()).toMillis();
            List<Instant> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(start.plusMillis(n == 1 ? 0 : spread * k / (n - 1)));
            }
            return out;
        }
        if (i.type() == Scenario.InjectType.REPLAY) {
            List<IncomingMention> rows = replays.rows(e, i);
            return rows.stream().map(m -> ReplayFiles.replayedAt(m, rows.get(0), start, i.compress())).toList();
        }
        return List.of();
    }

    private int total(Exercise e, Scenario.Inject i) {
        return switch (i.type()) {
            case SOCIAL_WAVE -> i.count();
            case REPLAY -> replays.rows(e, i).size();
            case SOCIAL_POST, STAFF_LEAK, MEDIA_INQUIRY -> 1;
            default -> 0;
        };
    }

    /** Fires (or continues) one inject whose time has come. */
    private void fireDue(Exercise e, Scenario s, InjectRow row, Instant now, boolean manual, String who) {
        Scenario.Inject i = s.inject(row.injectId()).orElseThrow();
        Map<String, String> facts = facts(e);
        Map<String, String> own = new LinkedHashMap<>(facts);
        // a fact change says the new facts
        own.putAll(i.facts());
        String text = fill(row.textOverride() != null ? row.textOverride() : baseText(i), own);
        Scenario.Persona persona = i.persona() == null ? null : s.persona(i.persona()).orElse(null);
        List<Instant> times = postTimes(e, i, row.dueAt());
        long caseId = e.caseId();
        // the posts first (a repeat after a crash is a duplicate the inbox skips), then the inject's state
        List<IncomingMention> posts = new ArrayList<>();
        List<Instant> postedAt = new ArrayList<>();
        int total;
        if (times.isEmpty()) {
            total = i.type().toInbox() ? 1 : 0;
            if (total == 1) {
                posts.add(mention(caseId, i, 0, persona, text, row.dueAt()));
            }
            postedAt.add(row.dueAt());
        } else {
            total = times.size();
            List<IncomingMention> replayRows = i.type() == Scenario.InjectType.REPLAY ? replays.rows(e, i) : null;
            for (int k = row.posts(); k < times.size() && (manual || !times.get(k).isAfter(now)); k++) {
                Instant at = manual && times.get(k).isAfter(now) ? now : times.get(k);
                if (replayRows != null) {
                    IncomingMention m = replayRows.get(k);
                    posts.add(new IncomingMention(0, SOURCE + ":" + caseId + ":" + i.id() + ":" + k, m.url(),
                            i.platform() != null ? i.platform() : m.platform(), m.author(), at, m.text(), m.language(),
                            m.sentiment(), m.reach(), null));
                } else {
                    String t = i.texts().isEmpty() ? text : fill(i.texts().get(k % i.texts().size()), facts);
                    posts.add(mention(caseId, i, k, persona, t, at));
                }
                postedAt.add(at);
            }
        }
        if (!posts.isEmpty()) {
            inbox.importMentions(caseId, SOURCE + ":" + i.id(), posts, who);
            if (i.type() == Scenario.InjectType.MEDIA_INQUIRY || persona != null
                    && persona.type() == Scenario.PersonaType.TROLL) {
                InboxType type = i.type() == Scenario.InjectType.MEDIA_INQUIRY ? InboxType.MEDIA_INQUIRY : InboxType.TROLL;
                for (Mention m : mentionsOf(caseId, i.id())) {
                    if (m.type() != type && m.typeSuggested()) {
                        inbox.setType(m.id(), type, who);
                    }
                }
            }
        }
        int madeBefore = row.posts();
        int made = madeBefore + (times.isEmpty() ? total : posts.size());
        boolean complete = times.isEmpty() || made >= times.size();
        Instant firedAt = times.isEmpty() ? row.dueAt() : postedAt.isEmpty() ? row.dueAt() : postedAt.get(0);
        jdbi.useTransaction(h -> {
            ExerciseDao dao = h.attach(ExerciseDao.class);
            Feed feed = Feed.of(i.type());
            boolean feedEach = !times.isEmpty();
            if (feedEach) {
                for (int k = 0; k < posts.size(); k++) {
                    IncomingMention m = posts.get(k);
                    dao.insertFeed(caseId, i.id(), feed, postedAt.get(k), m.author(), persona == null ? null
                            : persona.handle(), persona == null ? null : persona.type().yamlName(), m.platform(), null,
                            m.text(), null);
                }
            } else {
                dao.insertFeed(caseId, i.id(), feed, row.dueAt(), persona == null ? null : persona.name(),
                        persona == null ? null : persona.handle(), persona == null ? null : persona.type().yamlName(),
                        i.platform(), i.via() == null ? null : i.via().yamlName(), text, null);
            }
            if (complete) {
                if (dao.fired(caseId, i.id(), madeBefore == 0 ? firedAt : firstFired(dao, caseId, i.id(), firedAt),
                        made) != 1) {
                    throw new ConcurrentChangeException("inject '" + i.id() + "' fired just now elsewhere");
                }
            } else {
                h.createUpdate("UPDATE exercise_inject SET posts = :posts, fired_at = COALESCE(fired_at, :at) "
                        + "WHERE case_id = :caseId AND inject_id = :injectId").bind("posts", made).bind("at", firedAt)
                        .bind("caseId", caseId).bind("injectId", i.id()).execute();
            }
            if (madeBefore == 0) {
                timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_INJECT_FIRED, who, now)
                        .occurredAt(firedAt).with("injectId", i.id()).with("type", i.type().yamlName())
                        .with("persona", persona == null ? null : persona.name()).with("posts", total)
                        .with("manual", manual));
            }
            if (i.type() == Scenario.InjectType.FACT_CHANGE && !i.facts().isEmpty()) {
                Map<String, String> changed = new LinkedHashMap<>(facts);
                changed.putAll(i.facts());
                dao.updateFacts(caseId, json(changed));
            }
            if (madeBefore == 0) {
                // the expectations that follow this inject open now
                Playbook p = casePlaybooks.currentPlaybook(caseId).orElse(null);
                for (ExpectationRow r : dao.expectations(caseId)) {
                    Scenario.Expectation x = s.expectation(r.expectationId()).orElseThrow();
                    if (i.id().equals(x.after()) && r.state() == ExpectationState.PENDING && r.startsAt() == null) {
                        dao.window(caseId, x.id(), firedAt, deadline(x, firedAt, s, p));
                    }
                }
            }
        });
    }

    private static Instant firstFired(ExerciseDao dao, long caseId, String injectId, Instant fallback) {
        return dao.injects(caseId).stream().filter(r -> r.injectId().equals(injectId)).map(InjectRow::firedAt)
                .filter(Objects::nonNull).findFirst().orElse(fallback);
    }

    private IncomingMention mention(long caseId, Scenario.Inject i, int k, Scenario.Persona persona, String text,
            Instant at) {
        String author = persona == null ? null : persona.handle() != null ? persona.handle() : persona.name();
        String platform = i.platform() != null ? i.platform() : "news";
        Sentiment sentiment = persona != null && persona.type() == Scenario.PersonaType.TROLL ? Sentiment.NEGATIVE
                : Sentiment.UNKNOWN;
        return new IncomingMention(0, SOURCE + ":" + caseId + ":" + i.id() + ":" + k, null, platform, author, at, text,
                null, sentiment, persona == null || persona.reach() == null ? null : persona.reach().longValue(), null);
    }

    /** The inbox mentions an inject made. */
    public List<Mention> mentionsOf(long caseId, String injectId) {
        String prefix = SOURCE + ":" + caseId + ":" + injectId + ":";
        return inbox.list(caseId, InboxQuery.all()).stream()
                .filter(m -> m.sourceId() != null && m.sourceId().startsWith(prefix)).toList();
    }

    private int decideDue(Exercise e, Scenario s, Instant now) {
        List<ExpectationRow> rows = jdbi.withExtension(ExerciseDao.class, d -> d.expectations(e.caseId()));
        if (rows.stream().noneMatch(r -> r.state() == ExpectationState.PENDING && r.startsAt() != null)) {
            return 0;
        }
        // the inbox read once per inject in a round, however many expectations follow it
        Map<String, List<Mention>> mentions = new java.util.HashMap<>();
        ExpectationChecks.Facts facts = checks.facts(e.caseId(),
                id -> mentions.computeIfAbsent(id, k -> mentionsOf(e.caseId(), k)));
        int decided = 0;
        for (ExpectationRow r : rows) {
            if (r.state() != ExpectationState.PENDING || r.startsAt() == null) {
                continue;
            }
            Scenario.Expectation x = s.expectation(r.expectationId()).orElseThrow();
            Optional<ExpectationChecks.Decision> d = checks.decide(x, r, facts, now);
            if (d.isPresent()) {
                jdbi.useTransaction(h -> decide(h, e, s, x, d.get().state(), d.get().at(), false, null, e.facilitator()));
                decided++;
            }
        }
        return decided;
    }

    private void decide(Handle h, Exercise e, Scenario s, Scenario.Expectation x, ExpectationState state, Instant at,
            boolean manual, String note, String who) {
        ExerciseDao dao = h.attach(ExerciseDao.class);
        long caseId = e.caseId();
        dao.decide(caseId, x.id(), state, at, manual, note);
        timeline.append(h, TimelineEvent.of(caseId, EventCode.EXERCISE_EXPECTATION_DECIDED, who, e.clock().now(wall()))
                .occurredAt(at).with("expectationId", x.id()).with("text", x.text()).with("result", state.name())
                .with("manual", manual).with("note", note));
        // the injects that wait for this result are due now (plus their minutes)
        for (InjectRow r : dao.injects(caseId)) {
            Scenario.Inject i = s.inject(r.injectId()).orElseThrow();
            if (r.state() == InjectState.PENDING && r.dueAt() == null && i.trigger() == Scenario.Trigger.AFTER
                    && x.id().equals(i.whenExpectation()) && i.whenResult() != null
                    && ExpectationState.of(i.whenResult()) == state) {
                dao.edit(caseId, i.id(), at.plus(Duration.ofMinutes(i.atMinutes())), r.textOverride());
            }
        }
    }

    /**
     * The deadline of {@code x} from {@code start}: its own minutes; else, for an answer to a media
     * inquiry, the inquiry's own deadline; else the playbook's SLA for its type
     * ({@link ScenarioValidator#defaultDeadlineMinutes}); none for a manual one.
     */
    static Instant deadline(Scenario.Expectation x, Instant start, Scenario s, Playbook p) {
        Integer minutes = x.deadlineMinutes();
        if (minutes == null && x.type() == Scenario.ExpectationType.RESPOND && x.after() != null) {
            minutes = s.inject(x.after()).map(Scenario.Inject::deadlineMinutes).orElse(null);
        }
        if (minutes == null && p != null) {
            minutes = ScenarioValidator.defaultDeadlineMinutes(x, p);
        }
        return minutes == null ? null : start.plus(Duration.ofMinutes(minutes));
    }

    // ------------------------------------------------------------------ texts

    private static String baseText(Scenario.Inject i) {
        if (i.text() != null) {
            return i.text();
        }
        return i.texts().isEmpty() ? "" : i.texts().get(0);
    }

    /** {@code {{name}}} filled from the facts; an unknown name stays as written. */
    static String fill(String text, Map<String, String> facts) {
        if (text == null) {
            return "";
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = facts.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The scenario's variables as they stand now. */
    public Map<String, String> facts(Exercise e) {
        try {
            return JSON.readValue(e.facts(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the facts of exercise #" + e.caseId() + " cannot be read", ex);
        }
    }

    private static String json(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
