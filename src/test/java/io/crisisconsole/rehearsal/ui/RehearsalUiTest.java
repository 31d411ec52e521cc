package io.crisisconsole.rehearsal.ui;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.app.AppContext;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.rehearsal.Exercise;
import io.crisisconsole.rehearsal.ExerciseState;
import io.crisisconsole.rehearsal.ExpectationState;
import io.crisisconsole.rehearsal.FeedItem;
import io.crisisconsole.rehearsal.ScenarioReader;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.ScriptedFilePicker;
import io.crisisconsole.testsupport.TestScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Rehearsal area as a facilitator and a PR lead use it, headless, on a clock the test moves:
 * start an exercise from a scenario file, see EXERCISE, let the first inject fire into the simulated
 * channels and the exercise case's inbox, answer it there, see the expectation pass, pause (the
 * exercise minute stands while the clock moves on), open the Debrief tab. And the Cases list never
 * mixes an exercise into the real cases.
 */
@Tag("ui")
class RehearsalUiTest extends MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    final ScriptedFilePicker files = new ScriptedFilePicker();

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock, files);
    }

    static String scenarioYaml() {
        return TestScenarios.yaml(TestScenarios.CHECKOUT_DRILL);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** Moves the test's clock on and lets the window's ticker read it (one tick: the engine moves on). */
    private void advance(FxRobot robot, Duration d) {
        clock.advance(d);
        robot.interact(() -> context.ticker().tick());
    }

    private Exercise onlyExercise() {
        List<Exercise> all = context.services().exercises().list();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Opens the Rehearsal area, opens {@code file} as a scenario there and opens the start dialog with it chosen. */
    @SuppressWarnings("unchecked")
    private void openStartDialog(FxRobot robot, Path file) throws Exception {
        files.next = file;
        robot.clickOn("#navRehearsal");
        waitUntil(() -> robot.lookup("#openScenarioButton").tryQuery().isPresent());
        robot.clickOn("#openScenarioButton");
        waitUntil(() -> robot.lookup("#scenarioList").queryAs(ListView.class).getItems().stream()
                .anyMatch(x -> ((RehearsalViewModel.ScenarioSource) x).file() != null));
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#startExerciseButton").tryQuery().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void startAnInjectArrivesAnswerItPauseAndDebrief(FxRobot robot) throws Exception {
        Path file = tmp.resolve("checkout-drill.en.yaml");
        Files.writeString(file, scenarioYaml(), StandardCharsets.UTF_8);
        openStartDialog(robot, file);
        robot.clickOn("#startRunning");
        robot.clickOn("#startExerciseButton");
        waitUntil(() -> robot.lookup("#exercisePane").query().isVisible());
        Exercise started = onlyExercise();
        assertThat(started.state()).isEqualTo(ExerciseState.RUNNING);
        assertThat(started.facilitator()).isEqualTo(context.services().exercises().get(started.caseId()).facilitator());
        long caseId = started.caseId();

        // the band says EXERCISE; the clock stands at 00:00, the inject at minute 2 waits
        assertThat(robot.lookup("#exerciseBand").query().isVisible()).isTrue();
        assertThat(robot.lookup("#exerciseBand .exercise-band-mark").queryAs(Label.class).getText()).isEqualTo("EXERCISE");
        waitUntil(() -> text(robot, "#injectState-first-post").equals("Pending"));
        assertThat(text(robot, "#injectState-reporter-call")).isEqualTo("Waits: by hand");
        assertThat(text(robot, "#minuteLabel")).isEqualTo("00:00");

        // three minutes on: the first inject fires into the microblog feed and the case's inbox
        advance(robot, Duration.ofMinutes(3));
        waitUntil(() -> text(robot, "#injectState-first-post").equals("Fired"));
        waitUntil(() -> text(robot, "#minuteLabel").equals("03:00"));
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") != null
                && "Channels".equals(((Label) n.lookup(".tab-label")).getText())).queryAs(javafx.scene.Node.class));
        ListView<FeedItem> microblog = robot.lookup("#microblogList").queryAs(ListView.class);
        waitUntil(() -> microblog.getItems().size() == 1);
        assertThat(microblog.getItems().get(0).body()).isEqualTo(
                "@ExampleShop my payment failed twice, is checkout down? Fix by 14:00?");
        assertThat(microblog.getItems().get(0).author()).isEqualTo("Anna K.");
        List<Mention> inbox = context.services().inbox().list(caseId, InboxQuery.all());
        assertThat(inbox).singleElement().satisfies(m -> assertThat(m.text()).contains("payment failed twice"));

        // the case workspace of the exercise: the Cases area in its Exercises scope, the badge in the header
        robot.clickOn("#openCaseButton");
        waitUntil(() -> robot.lookup("#exerciseScopeButton").tryQuery().isPresent()
                && ((javafx.scene.control.ToggleButton) robot.lookup("#exerciseScopeButton").query()).isSelected());
        waitUntil(() -> robot.lookup("#exerciseBadge").query().isVisible());
        ListView<CrisisCase> cases = robot.lookup("#caseList").queryAs(ListView.class);
        assertThat(cases.getItems()).extracting(CrisisCase::id).containsExactly(caseId);

        // answer it in the exercise case's inbox
        robot.clickOn("#navInbox");
        ListView<Long> mentions = robot.lookup("#mentionList").queryAs(ListView.class);
        waitUntil(() -> mentions.getItems().size() == 1);
        robot.interact(() -> mentions.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#replyText").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#replyText").queryAs(TextArea.class)
                .setText("We are sorry, Anna: checkout fails for some of you. We are on it and update here."));
        waitUntil(() -> !robot.lookup("#recordButton").queryButton().isDisabled());
        robot.clickOn("#recordButton");
        waitUntil(() -> context.services().inbox().get(inbox.get(0).id()).state() == MentionState.ANSWERED_PUBLIC);

        // back in the facilitator view, the expectation passed
        robot.clickOn("#navRehearsal");
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        advance(robot, Duration.ofSeconds(5));
        waitUntil(() -> text(robot, "#expectationState-answer-first").equals("Passed"));
        assertThat(context.services().exercises().view(caseId).expectations()).singleElement()
                .satisfies(x -> assertThat(x.row().state()).isEqualTo(ExpectationState.PASSED));

        // pause: the exercise minute stands still while the clock moves on
        waitUntil(() -> robot.lookup("#runButton").queryButton().getText().equals("Pause"));
        robot.clickOn("#runButton");
        waitUntil(() -> context.services().exercises().get(caseId).state() == ExerciseState.PAUSED);
        waitUntil(() -> text(robot, "#stateLabel").equals("Paused"));
        String minute = text(robot, "#minuteLabel");
        advance(robot, Duration.ofMinutes(10));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#minuteLabel")).isEqualTo(minute);
        assertThat(robot.lookup("#runButton").queryButton().getText()).isEqualTo("Resume");

        // the Debrief tab holds the exercise case's debrief: a hot-wash typed there is stored for that case
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(3));
        waitUntil(() -> robot.lookup("#wentWellArea").query().isVisible());
        robot.clickOn("#wentWellArea").write("The first answer went out in three minutes");
        robot.clickOn("#saveHotWashButton");
        waitUntil(() -> "The first answer went out in three minutes".equals(
                context.services().debriefs().hotWash(caseId).wentWell()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedStartIsShownInTheDialogAndMakesNothing(FxRobot robot) throws Exception {
        // a scenario for a playbook the store does not hold, then one the reader cannot read
        Path file = tmp.resolve("unknown-playbook.en.yaml");
        Files.writeString(file, scenarioYaml().replace("playbook: service-outage", "playbook: volcano-eruption"),
                StandardCharsets.UTF_8);
        openStartDialog(robot, file);
        robot.clickOn("#startExerciseButton");
        waitUntil(() -> text(robot, "#startProblems").contains("volcano-eruption.en"));
        assertThat(text(robot, "#startProblems")).contains("not in the store");
        assertThat(context.services().exercises().list()).isEmpty();
        assertThat(context.services().cases().exercises()).isEmpty();

        Path broken = tmp.resolve("broken.en.yaml");
        Files.writeString(broken, "format: 1\nid: broken\nlanguage: en\ntitle: [unclosed\n", StandardCharsets.UTF_8);
        files.next = broken;
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && "Open scenario file\u2026".equals(b.getText())).queryButton());
        waitUntil(() -> robot.lookup("#scenarioList").queryAs(ListView.class).getItems().stream()
                .filter(x -> ((RehearsalViewModel.ScenarioSource) x).file() != null).count() == 2);
        robot.clickOn("#startExerciseButton");
        waitUntil(() -> text(robot, "#startProblems").startsWith("broken.en.yaml:"));
        assertThat(context.services().exercises().list()).isEmpty();
        assertThat(robot.lookup("#startExerciseButton").tryQuery()).as("the dialog stays open").isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCasesScopeShowsNoExerciseAndTheExercisesScopeOnlyThem(FxRobot robot) throws Exception {
        CrisisCase real = context.services().cases().open(new CaseDetails("Real outage", 2, "Ada", null, null), "Ada");
        var parsed = new ScenarioReader().read("checkout-drill.en.yaml", scenarioYaml());
        Exercise e = context.services().exercises().start(parsed.scenario(), scenarioYaml(), null, "Ada", 1, false);
        robot.interact(() -> {
        });
        robot.clickOn("#navInbox");
        robot.clickOn("#navCases");
        ListView<CrisisCase> cases = robot.lookup("#caseList").queryAs(ListView.class);
        robot.interact(() -> robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class).setText(""));
        // the list was loaded before the cases were made: a scope switch there and back reads it again
        robot.clickOn("#exerciseScopeButton");
        waitUntil(() -> cases.getItems().size() == 1 && cases.getItems().get(0).id() == e.caseId());
        assertThat(cases.getItems()).allMatch(CrisisCase::exercise);
        robot.clickOn("#realScopeButton");
        waitUntil(() -> cases.getItems().size() == 1 && cases.getItems().get(0).id() == real.id());
        assertThat(cases.getItems()).noneMatch(CrisisCase::exercise);
    }
}
