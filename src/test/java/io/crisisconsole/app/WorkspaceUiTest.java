package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.StepState;
import io.crisisconsole.workspace.ui.WorkspaceViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The case workspace on a clock the test moves: the checklist from the playbook with its due times,
 * the channel clocks counting down to amber and red, a step done and one skipped with a reason, a
 * refused resolve that names the open required steps, and a call down the call list.
 */
@Tag("ui")
class WorkspaceUiTest extends MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    CrisisCase outage;
    Contact carla;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        var s = context.services();
        BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
        outage = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        s.casePlaybooks().assign(outage.id(), s.playbooks().find("service-outage", "en").orElseThrow().id(), "anna");
        s.contacts().create(new ContactDetails("Anna Nowak", null, null, List.of(), List.of("anna@example.com"),
                List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
        carla = s.contacts().create(new ContactDetails("Carla Ruiz", null, null, List.of(new Phone("mobile", "+34 600 100 202")),
                List.of("carla@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CUSTOMER_CARE), null));
    }

    /** Moves the clock and lets the app's one ticker read it (as its timeline does every second). */
    private void advance(FxRobot robot, Duration d) {
        clock.advance(d);
        robot.interact(() -> context.ticker().tick());
    }

    /** The label's text read on the FX thread (null while it is not there). */
    private String text(FxRobot robot, String query) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse(null));
        return out[0];
    }

    private boolean hasStyle(FxRobot robot, String query, String style) {
        Node n = robot.lookup(query).query();
        return n.getStyleClass().contains(style);
    }

    @SuppressWarnings("unchecked")
    private ListView<ChecklistItem> steps(FxRobot robot) {
        return robot.lookup("#stepList").queryAs(ListView.class);
    }

    private Checklist stored() {
        return context.services().checklist().checklist(outage.id()).orElseThrow();
    }

    private void select(FxRobot robot, String stepId) {
        robot.interact(() -> {
            ListView<ChecklistItem> list = steps(robot);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).step().id().equals(stepId)) {
                    list.getSelectionModel().clearAndSelect(i);
                    list.scrollTo(i);
                }
            }
        });
    }

    @Test
    void theChecklistAndTheChannelClocksRunThePlaybookOnTheClock(FxRobot robot) throws Exception {
        robot.clickOn("#caseList .list-cell");
        waitUntil(() -> steps(robot).getItems().size() == 7);
        waitUntil(() -> robot.lookup("#clock-due-website").tryQuery().isPresent());

        // at the opening: nothing late, the hub's first message due in 30 minutes, staff in 15
        assertThat(text(robot, "#checklistSummary")).isEqualTo("0 of 7 done \u00b7 4 required steps open");
        assertThat(text(robot, "#checklistNext")).startsWith("Next: Open the case, set the severity, alert the crisis team");
        waitUntil(() -> "30:00 left".equals(text(robot, "#clock-due-website"))
                && "15:00 left".equals(text(robot, "#clock-due-staff-memo")));

        // T+20: open-case (due T+15) is late; the hub's countdown runs; the staff memo is late, in red
        advance(robot, Duration.ofMinutes(20));
        waitUntil(() -> "0 of 7 done \u00b7 1 late \u00b7 4 required steps open".equals(text(robot, "#checklistSummary")));
        assertThat(text(robot, "#clock-due-website")).isEqualTo("10:00 left");
        assertThat(hasStyle(robot, "#clock-due-website", "warning")).isFalse();
        assertThat(text(robot, "#clock-due-staff-memo")).isEqualTo("5:00 late");
        assertThat(hasStyle(robot, "#clock-due-staff-memo", "danger")).isTrue();
        assertThat(hasStyle(robot, "#clock-staff-memo", "late")).isTrue();
        // T+25: the last quarter of the hub's 30 minutes is amber
        advance(robot, Duration.ofMinutes(5));
        waitUntil(() -> "5:00 left".equals(text(robot, "#clock-due-website")));
        assertThat(hasStyle(robot, "#clock-due-website", "warning")).isTrue();

        // done: stored, in the timeline, counted
        select(robot, "open-case");
        robot.clickOn("#doneButton");
        waitUntil(() -> stored().items().get(0).state() == StepState.DONE);
        assertThat(stored().items().get(0).doneLate()).isTrue();
        waitUntil(() -> text(robot, "#checklistSummary").startsWith("1 of 7 done"));
        waitUntil(() -> context.services().cases().timeline(outage.id()).stream()
                .anyMatch(e -> EventCode.STEP_DONE.code().equals(e.eventCode())));

        // skipped with a reason typed into the dialog; the button stays off while it is empty
        select(robot, "brief-front-line");
        robot.clickOn("#skipButton");
        waitUntil(() -> robot.lookup("#skipReasonField").tryQuery().isPresent());
        robot.clickOn("#skipReasonField").write("The call centre is closed on Sundays");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> stored().items().stream().anyMatch(i -> i.step().id().equals("brief-front-line")
                && i.state() == StepState.SKIPPED && "The call centre is closed on Sundays".equals(i.reason())));

        // resolving is refused while required steps are open, and the refusal names them
        robot.clickOn("#statusMenu");
        robot.clickOn("#status-RESOLVED");
        waitUntil(() -> robot.lookup("#statusReason").tryQuery().isPresent());
        robot.push(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText()
                .contains("'Publish a holding statement on the hub and on X' (holding-statement)"));
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText())
                .contains("(resolved-statement)").doesNotContain("(brief-front-line)");
        assertThat(context.services().cases().get(outage.id()).status()).isEqualTo(CaseStatus.OPEN);

        // the call list: Carla is reached, her phone copied
        robot.clickOn("#callsTab");
        @SuppressWarnings("unchecked")
        ListView<WorkspaceViewModel.CallRow> calls = robot.lookup("#callList").queryAs(ListView.class);
        waitUntil(() -> calls.getItems().stream().anyMatch(r -> r.person() != null && r.person().id() == carla.id()));
        robot.interact(() -> {
            for (int i = 0; i < calls.getItems().size(); i++) {
                if (calls.getItems().get(i).person() != null && calls.getItems().get(i).person().id() == carla.id()) {
                    calls.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        robot.clickOn("#reachedButton");
        waitUntil(() -> context.services().calls().calls(outage.id()).size() == 1);
        assertThat(context.services().calls().calls(outage.id()).get(0).outcome()).isEqualTo(CallOutcome.REACHED);
        assertThat(context.services().calls().calls(outage.id()).get(0).calledAt()).isEqualTo(clock.instant());
        waitUntil(() -> calls.getItems().stream().filter(r -> r.person() != null && r.person().id() == carla.id())
                .allMatch(r -> r.latest() != null && r.latest().outcome() == CallOutcome.REACHED));
        robot.clickOn("#copyPhoneButton");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo("+34 600 100 202");
    }
}
