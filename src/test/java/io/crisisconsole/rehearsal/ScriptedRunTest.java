package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole exercise run headless against a script, and its score checked against answers worked out by hand. */
class ScriptedRunTest {

    static final Instant T0 = Instant.parse("2026-11-24T17:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    Services services;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        services = Services.create(store, new MutableClock(T0));
        BundledPlaybooks.importOnFirstRun(services.playbooks(), "test");
        contact("Anna Nowak", "anna@example.com", ContactGroup.CRISIS_TEAM);
        contact("Lena Legal", "lena@example.com", ContactGroup.LEGAL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Contact contact(String name, String email, ContactGroup group) {
        return services.contacts().create(new ContactDetails(name, null, null, List.of(new Phone("mobile",
                "+48 600 100 200")), List.of(email), List.of(), null, null, null, Set.of(group), null));
    }

    private static String resource(String name) {
        try (var in = ScriptedRunTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long run(ExerciseScript script) throws InterruptedException {
        String yaml = resource("drill.en.yaml");
        Scenario s = new ScenarioReader().read("drill.en.yaml", yaml).scenario();
        List<String> progress = new ArrayList<>();
        long id = services.exerciseRuns().run(s, yaml, null, script, "Fiona Facilitator", 0, progress::add);
        assertThat(progress).isNotEmpty();
        return id;
    }

    @Test
    void theScriptedTeamScoresWhatWasWorkedOutByHand() throws InterruptedException {
        long id = run(ScriptedRun.readScript("drill-team.yaml", resource("drill-team.yaml")));
        ExerciseScore s = services.exerciseScores().score(id);

        assertThat(s.state()).isEqualTo(ExerciseState.ENDED);
        // the last thing to happen is the judgement at minute 45
        assertThat(s.minute()).isEqualTo(45);
        Map<String, String> results = s.expectations().each().stream()
                .collect(Collectors.toMap(ExerciseScore.ExpectationResult::id, x -> String.valueOf(x.result())));
        assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of("answer-anna", "passed", "legal-called", "passed",
                "holding", "passed", "holding-step", "passed", "approved", "failed", "tone", "passed"));
        assertThat(s.expectations().each()).filteredOn(x -> x.id().equals("approved")).singleElement()
                .satisfies(x -> assertThat(x.minute()).isEqualTo(40L));
        assertThat(s.expectations().each()).filteredOn(x -> x.id().equals("holding")).singleElement()
                .satisfies(x -> assertThat(x.minute()).isEqualTo(12L));
        assertThat(s.expectations().passed()).isEqualTo(5);
        assertThat(s.expectations().failed()).isEqualTo(1);
        assertThat(s.expectations().expired()).isZero();

        // 1 first post + 10 wave posts + 1 media inquiry; Anna's answered a minute after she posted
        assertThat(s.firstResponse().mentions()).isEqualTo(12);
        assertThat(s.firstResponse().answered()).isEqualTo(1);
        assertThat(s.firstResponse().withinTarget()).isEqualTo(1);
        assertThat(s.firstResponse().medianSeconds()).isEqualTo(60L);
        assertThat(s.firstResponse().p90Seconds()).isEqualTo(60L);
        assertThat(s.firstResponse().shareInTime()).isEqualTo(1 / 12.0);

        assertThat(s.holdingStatementMinutes()).isEqualTo(12L);
        assertThat(s.holdingStatementTargetMinutes()).isEqualTo(30);
        // one update at minute 12 and none until minute 45: a 33-minute gap against every 20 minutes
        assertThat(s.rhythm()).extracting(ExerciseScore.Rhythm::channel).containsExactly("x", "website");
        assertThat(s.rhythm()).allSatisfy(r -> {
            assertThat(r.publications()).isEqualTo(1);
            assertThat(r.longestGapMinutes()).isEqualTo(33L);
            assertThat(r.late()).isEqualTo(1);
            assertThat(r.kept()).isFalse();
        });
        assertThat(s.steps().done()).isEqualTo(1);
        assertThat(s.steps().doneLate()).isZero();
        assertThat(s.findings().publications()).isEqualTo(2);
        assertThat(s.publishedWithoutApproval()).singleElement()
                .satisfies(u -> assertThat(u.text()).isEqualTo("Posted from a phone on X: still working on it"));
        assertThat(s.objectives()).extracting(ExerciseScore.ObjectiveScore::id, ExerciseScore.ObjectiveScore::suggested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first-hour", Rating.PERFORMED),
                        org.assertj.core.groups.Tuple.tuple("escalate", Rating.PERFORMED));

        // the team's publications went to the simulated channels
        assertThat(services.exercises().feed(id)).filteredOn(FeedItem::fromTeam).extracting(FeedItem::feed)
                .containsExactlyInAnyOrder(Feed.NEWSWIRE, Feed.MICROBLOG);
    }

    @Test
    void aTeamThatDoesNothingLetsEveryDeadlinePass() throws InterruptedException {
        long id = run(ExerciseScript.none());
        ExerciseScore s = services.exerciseScores().score(id);
        assertThat(s.expectations().passed()).isZero();
        assertThat(s.expectations().expired()).isEqualTo(5);
        // the manual expectation has no deadline: nobody judged it
        assertThat(s.expectations().open()).isEqualTo(1);
        // the holding statement expired at minute 30, so the news story fired at 35
        assertThat(services.exercises().view(id).injects()).filteredOn(i -> i.inject().id().equals("silence-story"))
                .singleElement().satisfies(i -> assertThat(i.row().state()).isEqualTo(InjectState.FIRED));
        assertThat(s.minute()).isEqualTo(60);
        assertThat(s.objectives()).extracting(ExerciseScore.ObjectiveScore::suggested)
                .containsOnly(Rating.NOT_PERFORMED);
    }

    @Test
    void aScriptWithAnUnknownInjectSaysWhichActionIsWrong() {
        ExerciseScript bad = ScriptedRun.readScript("bad.yaml", """
                format: 1
                actions:
                  - at_minutes: 3
                    do: answer
                    inject: nobody
                    text: hello
                """);
        assertThatThrownBy(() -> run(bad)).isInstanceOf(ValidationException.class)
                .hasMessage("actions[0] (answer at minute 3): the scenario has no inject 'nobody'");
        assertThatThrownBy(() -> ScriptedRun.readScript("bad.yaml", "format: 1\nactions:\n  - at_minutes: 3\n    do: dance\n"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("bad.yaml:4:");
        // hostile YAML is refused before it is mapped, as for playbooks
        assertThatThrownBy(() -> ScriptedRun.readScript("bad.yaml", "format: 1\nactions:\n  - &a {at_minutes: 1, do: note, "
                + "text: x}\n  - *a\n")).isInstanceOf(ValidationException.class).hasMessageStartingWith("bad.yaml:3:");
    }
}
