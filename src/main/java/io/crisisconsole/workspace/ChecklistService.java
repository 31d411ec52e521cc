package io.crisisconsole.workspace;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The checklist of a case: the HOW steps of its playbook, each due at the case's opening plus its
 * due minutes, owned by a role and assigned to a person of the call list. Done, skipped (with a
 * reason), reopened and reassigned steps are written to the timeline in the same transaction.
 * Steps the playbook marks {@code required} must be done or skipped before the case can be
 * resolved: this service is registered with {@link CaseService} as a {@link CaseService.CloseCheck}.
 */
public final class ChecklistService implements CaseService.CloseCheck {

    /** The longest reason for skipping a step. */
    public static final int MAX_REASON = 2000;
    /** A step may be marked done a little ahead of the clock (clock differences), not more. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineService timeline;
    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final ContactService contacts;

    public ChecklistService(Jdbi jdbi, Clock clock, TimelineService timeline, CaseService cases,
            CasePlaybookService casePlaybooks, ContactService contacts) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.contacts = Objects.requireNonNull(contacts);
    }

    /** The checklist of the case; empty when the case follows no playbook. */
    public Optional<Checklist> checklist(long caseId) {
        return run(caseId).map(CaseRun::checklist);
    }

    /**
     * The case with its playbook, call list and checklist, each read once (the workspace shows
     * all of them); empty when the case follows no playbook.
     */
    public Optional<CaseRun> run(long caseId) {
        CrisisCase c = cases.get(caseId);
        return casePlaybooks.currentPlaybook(caseId).map(p -> {
            CallList callList = CallList.resolve(p, contacts::findByEmail, contacts::membersOf);
            return new CaseRun(c, p, callList,
                    build(c, p, jdbi.withExtension(WorkspaceDao.class, dao -> dao.steps(caseId)), callList));
        });
    }

    /** A case as the workspace runs it: its playbook (the current version), call list and checklist. */
    public record CaseRun(CrisisCase crisisCase, Playbook playbook, CallList callList, Checklist checklist) {
    }

    /**
     * Marks a step done at {@code at} (null: now; not in the future, not before the case opened).
     *
     * @throws ValidationException naming the step when the case has no such step
     */
    public Checklist markDone(long caseId, String stepId, Instant at, String author) {
        String who = CaseService.checkAuthor(author);
        Instant now = cases.now(caseId);
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.MILLIS);
        CrisisCase c = cases.get(caseId);
        if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("doneAt", "a step cannot be marked done in the future");
        }
        if (when.isBefore(c.openedAt())) {
            throw new ValidationException("doneAt", "a step cannot be done before the case was opened");
        }
        return change(c, stepId, who, now, (h, step, row) -> {
            if (row != null && row.state() == StepState.DONE) {
                return null;
            }
            store(h, c.id(), step.id(), row, StepState.DONE, null, assigneeOf(row), when, who, now);
            return TimelineEvent.of(c.id(), EventCode.STEP_DONE, who, now).occurredAt(when).with("stepId", step.id())
                    .with("title", step.title()).with("late", String.valueOf(when.isAfter(due(c, step))));
        });
    }

    /** Skips a step, with the reason written down (required). */
    public Checklist skip(long caseId, String stepId, String reason, String author) {
        String who = CaseService.checkAuthor(author);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ValidationException("reason", "a step is skipped with a reason: say why it is not done");
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason", "the reason is longer than " + MAX_REASON + " characters");
        }
        String checked = PlainText.text("reason", "the reason", why);
        Instant now = cases.now(caseId);
        CrisisCase c = cases.get(caseId);
        return change(c, stepId, who, now, (h, step, row) -> {
            if (row != null && row.state() == StepState.SKIPPED && checked.equals(row.reason())) {
                return null;
            }
            store(h, c.id(), step.id(), row, StepState.SKIPPED, checked, assigneeOf(row), now, who, now);
            return TimelineEvent.of(c.id(), EventCode.STEP_SKIPPED, who, now).with("stepId", step.id())
                    .with("title", step.title()).with("reason", checked);
        });
    }

    /** Opens a done or skipped step again (a mistake, or it has to be done again). */
    public Checklist reopen(long caseId, String stepId, String author) {
        String who = CaseService.checkAuthor(author);
        Instant now = cases.now(caseId);
        CrisisCase c = cases.get(caseId);
        return change(c, stepId, who, now, (h, step, row) -> {
            if (row == null || row.state() == StepState.OPEN) {
                return null;
            }
            store(h, c.id(), step.id(), row, StepState.OPEN, null, assigneeOf(row), null, who, now);
            return TimelineEvent.of(c.id(), EventCode.STEP_REOPENED, who, now).with("stepId", step.id())
                    .with("title", step.title()).with("from", row.state());
        });
    }

    /** Gives a step to another person (a contact of the call list, or anyone in the contacts). */
    public Checklist assign(long caseId, String stepId, long contactId, String author) {
        String who = CaseService.checkAuthor(author);
        Contact person = contacts.find(contactId)
                .orElseThrow(() -> new ValidationException("assignee", "no contact #" + contactId));
        Instant now = cases.now(caseId);
        CrisisCase c = cases.get(caseId);
        return change(c, stepId, who, now, (h, step, row) -> {
            if (row != null && Objects.equals(row.assigneeContactId(), contactId)) {
                return null;
            }
            StepState state = row == null ? StepState.OPEN : row.state();
            store(h, c.id(), step.id(), row, state, row == null ? null : row.reason(), contactId,
                    row == null ? null : row.doneAt(), who, now);
            return TimelineEvent.of(c.id(), EventCode.STEP_ASSIGNED, who, now).with("stepId", step.id())
                    .with("title", step.title()).with("contactId", contactId).with("name", person.name());
        });
    }

    @Override
    public List<String> blockers(Handle h, CrisisCase c) {
        Optional<Playbook> playbook = casePlaybooks.currentPlaybook(c.id());
        if (playbook.isEmpty()) {
            return List.of();
        }
        Map<String, StepRow> rows = h.attach(WorkspaceDao.class).steps(c.id()).stream()
                .collect(Collectors.toMap(StepRow::stepId, r -> r));
        List<String> open = new ArrayList<>();
        for (Playbook.Step step : playbook.get().how().steps()) {
            StepRow row = rows.get(step.id());
            if (step.required() && (row == null || row.state() == StepState.OPEN)) {
                open.add("'" + step.title() + "' (" + step.id() + ")");
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        return List.of((open.size() == 1 ? "the required step " : "the required steps ") + String.join(", ", open)
                + (open.size() == 1 ? " is" : " are") + " neither done nor skipped with a reason");
    }

    // ------------------------------------------------------------------ internals

    @FunctionalInterface
    private interface Change {
        /** Writes the change and returns its timeline event, or null when nothing changes. */
        TimelineEvent apply(Handle h, Playbook.Step step, StepRow row);
    }

    private Checklist change(CrisisCase c, String stepId, String who, Instant now, Change change) {
        Playbook playbook = casePlaybooks.currentPlaybook(c.id()).orElseThrow(() -> new ValidationException("step",
                "case #" + c.id() + " follows no playbook, so it has no checklist: choose a playbook first"));
        Playbook.Step step = playbook.how().steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new ValidationException("step", "the playbook '" + playbook.title()
                        + "' has no step '" + stepId + "' (its steps: " + playbook.how().steps().stream()
                                .map(Playbook.Step::id).collect(Collectors.joining(", ")) + ")"));
        List<StepRow> rows = jdbi.inTransaction(h -> {
            WorkspaceDao dao = h.attach(WorkspaceDao.class);
            TimelineEvent event = change.apply(h, step, dao.step(c.id(), step.id()).orElse(null));
            if (event != null) {
                timeline.append(h, event);
            }
            return dao.steps(c.id());
        });
        return build(c, playbook, rows, CallList.resolve(playbook, contacts::findByEmail, contacts::membersOf));
    }

    private static Long assigneeOf(StepRow row) {
        return row == null ? null : row.assigneeContactId();
    }

    private static void store(Handle h, long caseId, String stepId, StepRow row, StepState state, String reason,
            Long assignee, Instant doneAt, String who, Instant now) {
        WorkspaceDao dao = h.attach(WorkspaceDao.class);
        if (row == null) {
            dao.insertStep(caseId, stepId, state, reason, assignee, doneAt, who, now);
        } else {
            dao.updateStep(caseId, stepId, state, reason, assignee, doneAt, who, now);
        }
    }

    private Checklist build(CrisisCase c, Playbook playbook, List<StepRow> stored, CallList callList) {
        Map<String, StepRow> rows = stored.stream().collect(Collectors.toMap(StepRow::stepId, r -> r));
        Map<String, CallList.Entry> byRole = callList.entries().stream()
                .collect(Collectors.toMap(e -> e.role().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ChecklistItem> items = new ArrayList<>();
        for (Playbook.Step step : playbook.how().steps()) {
            CallList.Entry entry = byRole.get(step.owner());
            List<Contact> candidates = new ArrayList<>();
            if (entry != null) {
                candidates.addAll(entry.primary());
                candidates.addAll(entry.backups());
            }
            StepRow row = rows.get(step.id());
            Contact assignee = null;
            if (row != null && row.assigneeContactId() != null) {
                long id = row.assigneeContactId();
                assignee = candidates.stream().filter(p -> p.id() == id).findFirst()
                        .or(() -> contacts.find(id)).orElse(null);
            }
            if (assignee == null && !candidates.isEmpty()) {
                assignee = candidates.get(0);
            }
            String ownerName = entry != null ? entry.role().name() : step.owner();
            items.add(new ChecklistItem(step, ownerName, assignee, candidates, due(c, step),
                    row == null ? StepState.OPEN : row.state(), row == null ? null : row.reason(),
                    row == null ? null : row.doneAt(), row == null ? null : row.updatedBy()));
        }
        return new Checklist(c.id(), playbook.title(), items);
    }

    static Instant due(CrisisCase c, Playbook.Step step) {
        return c.openedAt().plus(Duration.ofMinutes(step.dueMinutes()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
