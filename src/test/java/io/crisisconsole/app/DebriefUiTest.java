package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.debrief.ChangeState;
import io.crisisconsole.debrief.Lesson;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.UiTests;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The debrief pane on its own (the Rehearsal area places it): a hot-wash typed and saved, a lesson
 * with owner and due date, a tighter SLA proposed with its diff shown first, and accepted as the
 * playbook's next version.
 */
@Tag("ui")
class DebriefUiTest extends MainWindowTestBase {

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
    }

    /** The debrief pane of the case, in place of the main window (as a harness; no area holds it yet). */
    private void showDebrief(FxRobot robot) {
        robot.interact(() -> {
            ViewLoader.Loaded<Parent> pane = context.views().load(FxmlView.DEBRIEF_FORM);
            pane.controller(DebriefController.class).show(outage.id());
            stage.setScene(new Scene(pane.root(), 1280, 800));
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<Lesson> lessons(FxRobot robot) {
        return robot.lookup("#lessonTable").queryAs(TableView.class);
    }

    @Test
    void aHotWashALessonAndATighterSlaAcceptedAsTheNextPlaybookVersion(FxRobot robot) throws Exception {
        showDebrief(robot);
        waitUntil(() -> "Not saved yet.".equals(UiTests.label(robot, "#hotWashStatus")));

        // the hot-wash: typed, saved as version 1
        robot.clickOn("#wentWellArea").write("Holding statement out in 12 minutes");
        robot.clickOn("#wentWrongArea").write("The status page lagged 40 minutes");
        robot.clickOn("#luckyArea").write("It happened at night");
        assertThat(UiTests.label(robot, "#hotWashStatus")).isEqualTo("Changed, not saved yet.");
        robot.clickOn("#saveHotWashButton");
        waitUntil(() -> context.services().debriefs().hotWash(outage.id()).version() == 1);
        assertThat(context.services().debriefs().hotWash(outage.id()).wentWrong())
                .isEqualTo("The status page lagged 40 minutes");
        waitUntil(() -> UiTests.label(robot, "#hotWashStatus").startsWith("Saved (version 1) by "));

        // a lesson with an owner and a due date
        robot.clickOn("#lessonText").write("Pre-approve a status page text");
        robot.clickOn("#lessonOwner").write("Piotr Zieliński");
        robot.interact(() -> robot.lookup("#lessonDue").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 21)));
        robot.clickOn("#addLessonButton");
        waitUntil(() -> lessons(robot).getItems().size() == 1);
        Lesson lesson = lessons(robot).getItems().get(0);
        assertThat(lesson.ownerName()).isEqualTo("Piotr Zieliński");
        assertThat(lesson.dueDate()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(robot.lookup("#lessonText").queryAs(TextField.class).getText()).isEmpty();

        // a tighter first public reply, proposed through its dialog
        robot.clickOn("#proposeMenu");
        robot.clickOn("Tighter SLA\u2026");
        waitUntil(() -> robot.lookup("#slaMinutes").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<SlaTarget> target = robot.lookup("#slaTarget").queryAs(ComboBox.class);
        assertThat(target.getValue()).isEqualTo(SlaTarget.FIRST_PUBLIC_REPLY);
        robot.clickOn("#slaMinutes").write("20");
        robot.clickOn("#proposeOk");

        // the diff shows first: only the changed line, removed and added
        @SuppressWarnings("unchecked")
        ListView<DiffLine> diff = robot.lookup("#diffList").queryAs(ListView.class);
        waitUntil(() -> diff.getItems().stream().anyMatch(l -> l.kind() != DiffLine.Kind.SAME));
        List<String> changed = diff.getItems().stream().filter(l -> l.kind() != DiffLine.Kind.SAME)
                .map(DiffLine::text).toList();
        assertThat(changed).containsExactly("    first_public_reply_minutes: 30", "    first_public_reply_minutes: 20");
        assertThat(UiTests.label(robot, "#diffHeading"))
                .isEqualTo("tighter first public reply (30 \u2192 20 min): against the current version (proposed on "
                        + "version 1)");
        assertThat(context.services().playbooks().get(playbook.id()).currentVersion()).isEqualTo(1);

        robot.clickOn("#acceptButton");
        waitUntil(() -> context.services().playbooks().get(playbook.id()).currentVersion() == 2);
        var v2 = context.services().playbooks().current(playbook.id());
        assertThat(v2.note()).isEqualTo("Debrief of case #" + outage.id()
                + " 'Checkout outage': tighter first public reply (30 \u2192 20 min)");
        assertThat(context.services().playbooks().currentPlaybook(playbook.id()).when().slas()
                .firstPublicReplyMinutes()).isEqualTo(20);
        @SuppressWarnings("unchecked")
        ListView<PlaybookChange> changes = robot.lookup("#changeList").queryAs(ListView.class);
        waitUntil(() -> changes.getItems().size() == 1 && changes.getItems().get(0).state() == ChangeState.ACCEPTED);
        waitUntil(() -> robot.lookup("#acceptButton").query().isDisabled());
        waitUntil(() -> Objects.equals(UiTests.label(robot, "#diffHeading"),
                "tighter first public reply (30 \u2192 20 min): version 1 \u2192 2"));
    }
}
