package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T17:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    ExerciseService exercises;
    CaseService cases;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        BundledPlaybooks.importOnFirstRun(services.playbooks(), "test");
        exercises = services.exercises();
        cases = services.cases();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String drillYaml() {
        try (var in = ExerciseServiceTest.class.getResourceAsStream("drill.en.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario drill() {
        ScenarioReader.Parsed p = new ScenarioReader().read("drill.en.yaml", drillYaml());
        assertThat(p.problems()).isEmpty();
        return p.scenario();
    }

    private Exercise start() {
        return exercises.start(drill(), drillYaml(), null, "Fiona Facilitator", 1, true);
    }

    private Map<String, ExpectationState> states(long caseId) {
        return exercises.view(caseId).expectations().stream()
                .collect(Collectors.toMap(x -> x.expectation().id(), x -> x.row().state()));
    }

    private long minuteOf(Instant at, Exercise e) {
        return Duration.between(e.startedAt(), at).toMinutes();
    }

    @Test
    void anExerciseHasItsOwnCaseMarkedExerciseAndKeptOutOfTheRealCases() {
        CrisisCase real = cases.open(new io.crisisconsole.cases.CaseDetails("Real outage", 2, null, null, null), "anna");
        Exercise e = start();
        CrisisCase c = cases.get(e.caseId());
        assertThat(c.exercise()).isTrue();
        assertThat(cases.list()).extracting(CrisisCase::id).containsExactly(real.id());
        assertThat(cases.exercises()).extracting(CrisisCase::id).containsExactly(e.caseId());
        assertThat(services.casePlaybooks().of(e.caseId())).get().extracting(p -> p.key()).isEqualTo("service-outage");
        List<TimelineEntry> t = cases.timeline(e.caseId());
        assertThat(t.get(0).eventCode()).isEqualTo(EventCode.EXERCISE_OPENED.code());
        assertThat(t).extracting(TimelineEntry::eventCode).contains(EventCode.EXERCISE_STARTED.code());
        assertThat(exercises.now(real.id(), T0)).isEmpty();
    }

    @Test
    void injectsFireOnTheExerciseClockIntoTheInboxAndTheSimulatedChannels() {
        Exercise e = start();
        long id = e.caseId();
        assertThat(services.inbox().list(id, InboxQuery.all())).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        exercises.tick(id);
        List<Mention> inbox = services.inbox().list(id, InboxQuery.all());
        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("App down again? I was told it would work by 18:00.");
            assertThat(m.author()).isEqualTo("@anna_k");
            assertThat(m.publishedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        });
        assertThat(exercises.feed(id)).singleElement().satisfies(f -> {
            assertThat(f.feed()).isEqualTo(Feed.MICROBLOG);
            assertThat(f.author()).isEqualTo("Anna Kowalska");
        });

        // ×10 from minute 3: one wall minute later it is minute 13
        exercises.setSpeed(id, 10, "Fiona Facilitator");
        clock.advance(Duration.ofMinutes(1));
        assertThat(cases.now(id)).isEqualTo(T0.plus(Duration.ofMinutes(13)));
        exercises.tick(id);
        ExerciseView v = exercises.view(id);
        ExerciseView.InjectView wave = v.injects().stream().filter(i -> i.inject().id().equals("wave")).findFirst()
                .orElseThrow();
        // ten posts over nine minutes from minute 5: minutes 5..13 have come, 14 not yet
        assertThat(wave.row().posts()).isEqualTo(9);
        assertThat(wave.row().state()).isEqualTo(InjectState.PENDING);
        assertThat(wave.total()).isEqualTo(10);
        List<Mention> now = services.inbox().list(id, InboxQuery.all());
        assertThat(now).hasSize(1 + 9 + 1);
        assertThat(now).filteredOn(m -> m.type() == InboxType.MEDIA_INQUIRY).singleElement()
                .satisfies(m -> assertThat(m.author()).isEqualTo("Jo Byrne"));
        assertThat(exercises.feed(id)).filteredOn(f -> f.feed() == Feed.MAILBOX).extracting(FeedItem::injectId)
                .containsExactly("press", "ceo-question");
    }

    @Test
    void pauseHoldsExerciseTimeAndResumeGoesOnFromThere() {
        Exercise e = start();
        long id = e.caseId();
        clock.advance(Duration.ofMinutes(4));
        exercises.pause(id, "Fiona");
        clock.advance(Duration.ofMinutes(30));
        assertThat(cases.now(id)).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        exercises.tick(id);
        assertThat(exercises.view(id).injects()).filteredOn(i -> i.inject().id().equals("wave"))
                .extracting(i -> i.row().state()).containsExactly(InjectState.PENDING);
        exercises.resume(id, "Fiona");
        clock.advance(Duration.ofMinutes(2));
        assertThat(cases.now(id)).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        // stamps of the exercise case are exercise time: a note written now is dated minute 6
        TimelineEntry note = cases.addEntry(id, io.crisisconsole.timeline.EntryKind.NOTE, "Drafting the holding line",
                null, "anna");
        assertThat(note.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(note.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    }

    @Test
    void expectationsPassExpireAndTriggerTheInjectsThatWaitForThem() {
        Exercise e = start();
        long id = e.caseId();
        clock.advance(Duration.ofMinutes(3));
        exercises.tick(id);
        Mention anna = services.inbox().list(id, InboxQuery.all()).get(0);
        services.inbox().recordAnswer(anna.id(), Visibility.PUBLIC, cases.now(id), "Sorry Anna, we are on it.",
                "anna");
        exercises.tick(id);
        assertThat(states(id)).containsEntry("answer-anna", ExpectationState.PASSED);
        ExpectationRow passed = exercises.view(id).expectations().stream()
                .filter(x -> x.expectation().id().equals("answer-anna")).findFirst().orElseThrow().row();
        assertThat(passed.decidedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));

        // step on to minute 30 (fix-moves): legal never called (15 min SLA), no holding statement (30 min)
        exercises.stepToNext(id, "Fiona");
        assertThat(exercises.view(id).minute()).isEqualTo(5);
        clock.set(T0.plus(Duration.ofMinutes(3 + 27)));
        exercises.tick(id);
        Map<String, ExpectationState> s = states(id);
        assertThat(s).containsEntry("legal-called", ExpectationState.EXPIRED)
                .containsEntry("holding", ExpectationState.EXPIRED)
                .containsEntry("holding-step", ExpectationState.EXPIRED)
                .containsEntry("approved", ExpectationState.PENDING)
                .containsEntry("tone", ExpectationState.PENDING);
        ExerciseView v = exercises.view(id);
        ExerciseView.InjectView story = v.injects().stream().filter(i -> i.inject().id().equals("silence-story"))
                .findFirst().orElseThrow();
        // waits 5 minutes after the holding statement expired at minute 30
        assertThat(story.row().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(35)));
        assertThat(exercises.view(id).injects()).filteredOn(i -> i.inject().id().equals("fix-moves"))
                .singleElement().satisfies(i -> {
                    assertThat(i.row().state()).isEqualTo(InjectState.FIRED);
                    assertThat(i.text()).isEqualTo("Engineering: the fix is now expected at 20:00.");
                });

        // a publication written down by hand went out without approval: failed at that time
        clock.set(T0.plus(Duration.ofMinutes(36)));
        cases.addEntry(id, io.crisisconsole.timeline.EntryKind.MESSAGE_PUBLISHED, "Posted on X: we are looking into it",
                null, "anna");
        exercises.tick(id);
        assertThat(states(id)).containsEntry("approved", ExpectationState.FAILED)
                .containsEntry("answer-anna", ExpectationState.PASSED);
        assertThat(exercises.feed(id)).filteredOn(f -> f.feed() == Feed.NEWSWIRE).extracting(FeedItem::injectId)
                .containsExactly("silence-story");

        exercises.judge(id, "tone", Scenario.Result.PASSED, "Warm and direct", "Fiona");
        assertThat(states(id)).containsEntry("tone", ExpectationState.PASSED);
        exercises.end(id, "Fiona");
        assertThat(exercises.get(id).state()).isEqualTo(ExerciseState.ENDED);
        assertThatThrownBy(() -> exercises.resume(id, "Fiona")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("is over");
        TimelineEntry last = cases.timeline(id).get(cases.timeline(id).size() - 1);
        assertThat(last.eventCode()).isEqualTo(EventCode.EXERCISE_ENDED.code());
        assertThat(last.eventArgs()).containsEntry("passed", 2).containsEntry("failed", 1)
                .containsEntry("expired", 3);
    }

    @Test
    void theFacilitatorFiresSkipsAndEditsInjects() {
        Exercise e = start();
        long id = e.caseId();
        exercises.fire(id, "leak", "Fiona");
        assertThat(services.inbox().list(id, InboxQuery.all())).extracting(Mention::text)
                .containsExactly("Ops knew about this bug last week.");
        assertThatThrownBy(() -> exercises.fire(id, "leak", "Fiona")).hasMessage("inject 'leak' already fired");
        exercises.skip(id, "ceo-question", "Fiona");
        exercises.edit(id, "first-post", 1, "Is the app down?", "Fiona");
        clock.advance(Duration.ofMinutes(1));
        exercises.tick(id);
        assertThat(services.inbox().list(id, InboxQuery.all())).extracting(Mention::text)
                .contains("Is the app down?");
        clock.advance(Duration.ofMinutes(20));
        exercises.tick(id);
        assertThat(exercises.feed(id)).extracting(FeedItem::injectId).doesNotContain("ceo-question");
        assertThat(cases.timeline(id)).extracting(TimelineEntry::eventCode).contains(
                EventCode.EXERCISE_INJECT_SKIPPED.code(), EventCode.EXERCISE_INJECT_EDITED.code());
        assertThat(cases.get(id).status()).isEqualTo(CaseStatus.OPEN);
    }
}
