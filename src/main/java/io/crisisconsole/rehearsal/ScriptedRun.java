package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.workspace.CallLogService;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.ChecklistService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a whole exercise without a window: the clock steps from event to event (an inject or a post
 * due, a deadline, the script's next action) instead of waiting, or waits for the time to pass at
 * a given speed; the script's team actions are done at their minutes through the same services the
 * window uses. Ends the exercise when nothing is left to happen.
 */
public final class ScriptedRun {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ExerciseService exercises;
    private final CaseService cases;
    private final InboxService inbox;
    private final DraftService drafts;
    private final ChecklistService checklist;
    private final CallLogService calls;
    private final ContactService contacts;
    private final CasePlaybookService casePlaybooks;

    public ScriptedRun(ExerciseService exercises, CaseService cases, InboxService inbox, DraftService drafts,
            ChecklistService checklist, CallLogService calls, ContactService contacts,
            CasePlaybookService casePlaybooks) {
        this.exercises = Objects.requireNonNull(exercises);
        this.cases = Objects.requireNonNull(cases);
        this.inbox = Objects.requireNonNull(inbox);
        this.drafts = Objects.requireNonNull(drafts);
        this.checklist = Objects.requireNonNull(checklist);
        this.calls = Objects.requireNonNull(calls);
        this.contacts = Objects.requireNonNull(contacts);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
    }

    /**
     * Reads a script (YAML): unknown keys and values are refused with the place.
     *
     * @throws ValidationException naming the file and what is wrong
     */
    public static ExerciseScript readScript(String fileName, String yaml) {
        // anchors, aliases, tags, duplicate keys, deep nesting: refused as in playbooks and scenarios
        List<io.crisisconsole.playbooks.PlaybookProblem> hostile = io.crisisconsole.playbooks.StrictYaml
                .structuralProblems(fileName, yaml);
        if (!hostile.isEmpty()) {
            throw new ValidationException("script", String.join("; ", hostile.stream().map(io.crisisconsole.playbooks.PlaybookProblem::format).toList()));
        }
        try {
            ExerciseScript s = MAPPER.readValue(yaml, ExerciseScript.class);
            if (s == null || s.format() != 1) {
                throw new ValidationException("script", fileName + ": a script starts with 'format: 1'");
            }
            List<ExerciseScript.Action> actions = s.actions() == null ? List.of() : s.actions();
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i) == null || actions.get(i).what() == null) {
                    throw new ValidationException("script", fileName + ": actions[" + i + "]: missing key 'do'");
                }
                if (actions.get(i).atMinutes() == null) {
                    throw new ValidationException("script", fileName + ": actions[" + i + "]: missing key 'at_minutes'");
                }
                if (actions.get(i).atMinutes() < 0) {
                    throw new ValidationException("script", fileName + ": actions[" + i + "]: at_minutes is 0 or more");
                }
            }
            return new ExerciseScript(1, actions);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ValidationException("script", fileName + ":" + (loc == null ? 1 : loc.getLineNr()) + ":"
                    + (loc == null ? 1 : loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Starts {@code scenario} and runs it to its end against {@code script}.
     *
     * @param speed 0 to step from event to event at once; else the clock's speed, and the run waits
     *        for the time to pass
     * @param progress told each step ("minute 12: inject wave fired")
     * @return the exercise's case id
     */
    public long run(Scenario scenario, String yaml, Path file, ExerciseScript script, String facilitator, int speed,
            Consumer<String> progress) throws InterruptedException {
        Exercise e = exercises.start(scenario, yaml, file, facilitator, speed == 0 ? 1 : speed, speed != 0);
        long caseId = e.caseId();
        List<ExerciseScript.Action> todo = new ArrayList<>(script.actions());
        todo.sort(Comparator.comparingInt(ExerciseScript.Action::atMinutes));
        ExerciseClock clock = e.clock();
        int done = 0;
        while (true) {
            Optional<Instant> event = exercises.nextEvent(caseId);
            Optional<Instant> action = done < todo.size() ? Optional.of(clock.atMinute(todo.get(done).atMinutes()))
                    : Optional.empty();
            Optional<Instant> next = event.isEmpty() ? action : action.isEmpty() ? event
                    : Optional.of(event.get().isBefore(action.get()) ? event.get() : action.get());
            if (next.isEmpty()) {
                break;
            }
            if (speed == 0) {
                exercises.advanceTo(caseId, next.get());
            } else {
                Instant now = cases.now(caseId);
                long wait = Duration.between(now, next.get()).toMillis() / speed;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
            Instant now = cases.now(caseId);
            ExerciseView before = exercises.view(caseId);
            while (done < todo.size() && !clock.atMinute(todo.get(done).atMinutes()).isAfter(now)) {
                ExerciseScript.Action a = todo.get(done);
                try {
                    act(caseId, scenario, a, facilitator);
                } catch (ValidationException ex) {
                    throw new ValidationException("script", "actions[" + script.actions().indexOf(a) + "] ("
                            + a.what().yamlName() + " at minute " + a.atMinutes() + "): " + ex.getMessage());
                }
                progress.accept("minute " + a.atMinutes() + ": " + a.what().yamlName());
                done++;
            }
            exercises.tick(caseId);
            report(before, exercises.view(caseId), progress);
        }
        exercises.end(caseId, facilitator);
        return caseId;
    }

    /** One line per inject that fired or posted, and per expectation decided, between two views. */
    private static void report(ExerciseView before, ExerciseView after, Consumer<String> progress) {
        long minute = after.minute();
        for (int i = 0; i < after.injects().size(); i++) {
            ExerciseView.InjectView a = after.injects().get(i);
            ExerciseView.InjectView b = before.injects().get(i);
            if (a.row().posts() != b.row().posts() || a.row().state() != b.row().state()) {
                progress.accept("minute " + minute + ": inject " + a.inject().id() + " (" + a.inject().type().yamlName()
                        + ") " + (a.total() > 1 ? a.row().posts() + " of " + a.total() + " posts" : "fired"));
            }
        }
        for (int i = 0; i < after.expectations().size(); i++) {
            ExerciseView.ExpectationView a = after.expectations().get(i);
            if (a.row().state() != before.expectations().get(i).row().state()) {
                progress.accept("minute " + minute + ": expectation " + a.expectation().id() + " "
                        + a.row().state().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private void act(long caseId, Scenario s, ExerciseScript.Action a, String who) {
        Instant now = cases.now(caseId);
        switch (a.what()) {
            case ANSWER -> {
                String injectId = required(a.inject(), "inject");
                if (s.inject(injectId).isEmpty()) {
                    throw new ValidationException("inject", "the scenario has no inject '" + injectId + "'");
                }
                List<Mention> ms = exercises.mentionsOf(caseId, injectId).stream()
                        .filter(m -> m.firstResponseAt() == null).toList();
                int n = a.count() == null ? ms.size() : Math.min(a.count(), ms.size());
                Visibility v = a.visibility() == null ? Visibility.PUBLIC
                        : Visibility.valueOf(a.visibility().toUpperCase(Locale.ROOT));
                for (int i = 0; i < n; i++) {
                    inbox.recordAnswer(ms.get(i).id(), v, now, required(a.text(), "text"), who);
                }
            }
            case PUBLISH -> publish(caseId, a, who);
            case PUBLISH_UNAPPROVED -> cases.addEntry(caseId, EntryKind.MESSAGE_PUBLISHED, required(a.text(), "text"),
                    null, who);
            case CALL -> {
                String role = required(a.role(), "role");
                Contact person = a.contact() != null ? contacts.findByEmail(a.contact()).orElseThrow(
                        () -> new ValidationException("contact", "no contact with the address " + a.contact()))
                        : personOf(caseId, role);
                CallOutcome outcome = a.outcome() == null ? CallOutcome.REACHED
                        : CallOutcome.valueOf(a.outcome().toUpperCase(Locale.ROOT).replace('-', '_'));
                calls.log(caseId, person.id(), role, outcome, now, null, who);
            }
            case STEP_DONE -> checklist.markDone(caseId, required(a.step(), "step"), now, who);
            case SKIP_STEP -> checklist.skip(caseId, required(a.step(), "step"), required(a.reason(), "reason"), who);
            case FIRE -> exercises.fire(caseId, required(a.inject(), "inject"), who);
            case JUDGE -> exercises.judge(caseId, required(a.expectation(), "expectation"),
                    Scenario.Result.fromYaml(required(a.result(), "result")), a.note(), who);
            case NOTE -> cases.addEntry(caseId, EntryKind.NOTE, required(a.text(), "text"), null, who);
        }
    }

    private void publish(long caseId, ExerciseScript.Action a, String who) {
        String text = required(a.text(), "text");
        List<String> names = a.channels() == null || a.channels().isEmpty() ? List.of() : a.channels();
        if (names.isEmpty()) {
            throw new ValidationException("channels", "say which channels it goes out on (channels: [website, x])");
        }
        List<Channel> channels = names.stream().map(Channel::fromYaml).toList();
        Contact approver = a.approver() != null ? contacts.findByEmail(a.approver()).orElseThrow(
                () -> new ValidationException("approver", "no contact with the address " + a.approver()))
                : contacts.list().stream().findFirst().orElseThrow(() -> new ValidationException("approver",
                        "publishing needs an approver: import contacts first or give 'approver'"));
        Stage stage = a.stage() == null ? Stage.INVESTIGATING : Stage.valueOf(a.stage().toUpperCase(Locale.ROOT));
        List<Variant> variants = channels.stream().map(c -> new Variant(c, text)).toList();
        DraftContent content = new DraftContent(new CoreMessage(text, "", "", "", false, List.of()), variants);
        Draft d = drafts.create(caseId, text.length() > 60 ? text.substring(0, 60) : text, stage, who);
        d = drafts.saveVersion(d.id(), d.version(), stage, content, who);
        d = drafts.submitForReview(d.id(), d.version(), who);
        Playbook p = casePlaybooks.currentPlaybook(caseId).orElse(null);
        CheckReport report = new DefaultMessageChecker().check(content.core(), variants,
                MessageContext.of(cases.get(caseId), p, false));
        List<Finding> errors = DraftService.errors(report);
        if (!errors.isEmpty()) {
            throw new ValidationException("text", "the checks refuse it: " + String.join("; ",
                    errors.stream().map(f -> f.channel() + ": " + f.message()).toList()));
        }
        d = drafts.approve(d.id(), d.version(), approver.id(), report, who);
        for (Channel c : channels) {
            drafts.markPublished(d.id(), c, cases.now(caseId), who);
        }
    }

    private Contact personOf(long caseId, String role) {
        CallList list = checklist.run(caseId).map(ChecklistService.CaseRun::callList).orElseThrow(
                () -> new ValidationException("role", "the case has no playbook"));
        return list.entries().stream().filter(en -> en.role().id().equals(role))
                .flatMap(en -> java.util.stream.Stream.concat(en.primary().stream(), en.backups().stream()))
                .findFirst().orElseThrow(() -> new ValidationException("role", "nobody fills the role '" + role
                        + "' on the call list; give 'contact'"));
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(key, "missing key '" + key + "'");
        }
        return value;
    }
}
