package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.debrief.ChangeKind;
import io.crisisconsole.debrief.ChangeSource;
import io.crisisconsole.debrief.LessonInput;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.Suggestion;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.UiTests;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Lessons into the plan in the window: the Playbooks area flags a playbook due for a review (badge,
 * count, banner naming the reason) until "Mark as reviewed"; the debrief form lists the case's
 * suggestions, each with Propose.
 */
@Tag("ui")
class PlanReviewUiTest extends MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    CrisisCase outage;
    StoredPlaybook playbook;

    @Override
    protected AppContext open(io.crisisconsole.store.DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        var s = context.services();
        BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
        outage = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        playbook = s.playbooks().find("service-outage", "en").orElseThrow();
        s.casePlaybooks().assign(outage.id(), playbook.id(), "anna");
        s.debriefs().addLesson(outage.id(), LessonInput.of("Pre-approve a status page text", "Piotr",
                LocalDate.of(2026, 3, 21)), "anna");
        // half a year and a day after the bundled playbooks were imported
        clock.advance(Duration.ofDays(181));
    }

    @Test
    void aPlaybookNotReviewedIn181DaysIsFlaggedUntilMarkedReviewed(FxRobot robot) throws Exception {
        robot.clickOn("#navPlaybooks");
        int all = context.services().playbooks().list().size();
        waitUntil(() -> UiTests.label(robot, "#reviewCountLabel").equals(all + " playbooks due for a review"));
        waitUntil(() -> robot.lookup(".plan-review-badge").queryAll().stream().filter(Node::isVisible).count() == all);

        robot.clickOn("Service outage");
        waitUntil(() -> robot.lookup("#reviewBanner").query().isVisible());
        assertThat(UiTests.label(robot, "#reviewReason")).startsWith("Not reviewed in 181 days (last ")
                .endsWith("the plan is due every 180 days.");

        robot.clickOn("#markReviewedButton");
        waitUntil(() -> !robot.lookup("#reviewBanner").query().isVisible());
        assertThat(context.services().playbookReviews().marks(playbook.id())).hasSize(1);
        waitUntil(() -> UiTests.label(robot, "#reviewCountLabel").equals((all - 1) + " playbooks due for a review"));
        waitUntil(() -> robot.lookup(".plan-review-badge").queryAll().stream().filter(Node::isVisible).count()
                == all - 1);
    }

    @Test
    void theDebriefFormListsSuggestionsAndProposesOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ViewLoader.Loaded<Parent> pane = context.views().load(FxmlView.DEBRIEF_FORM);
            pane.controller(DebriefController.class).show(outage.id());
            stage.setScene(new Scene(pane.root(), 1280, 800));
        });
        @SuppressWarnings("unchecked")
        ListView<Suggestion> list = robot.lookup("#suggestionList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).reason()).isEqualTo(Suggestion.Reason.OPEN_LESSON);
        waitUntil(() -> robot.lookup("Open lesson: Pre-approve a status page text").tryQuery().isPresent());

        // a free edit opens seeded with the YAML and the lesson, for the person to edit first
        robot.clickOn(robot.lookup(".suggestion-propose").queryAs(Button.class));
        waitUntil(() -> robot.lookup("#freeYaml").tryQuery().isPresent());
        robot.clickOn("#proposeOk");

        waitUntil(() -> context.services().debriefs().changes(outage.id()).size() == 1);
        PlaybookChange ch = context.services().debriefs().changes(outage.id()).get(0);
        assertThat(ch.kind()).isEqualTo(ChangeKind.FREE_EDIT);
        assertThat(ch.source()).isEqualTo(ChangeSource.REVIEW);
        assertThat(ch.yaml()).startsWith("# TODO Lesson: Pre-approve a status page text\n");
        waitUntil(() -> list.getItems().isEmpty());
    }
}
