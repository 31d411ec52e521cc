package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The main window driven like a person would, headless (Monocle). */
@Tag("ui")
class CasesUiTest extends MainWindowTestBase {

    private Button dialogButton(FxRobot robot, ButtonType type) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return (Button) pane.lookupButton(type);
    }

    @SuppressWarnings("unchecked")
    private ListView<CrisisCase> caseList(FxRobot robot) {
        return robot.lookup("#caseList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<TimelineEntry> timeline(FxRobot robot) {
        return robot.lookup("#timelineList").queryAs(ListView.class);
    }

    private CrisisCase createCaseThroughTheForm(FxRobot robot, String title) throws TimeoutException {
        robot.clickOn("#newCaseButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button ok = dialogButton(robot, ButtonType.OK);
        assertThat(ok.isDisabled()).as("OK is off until the case has a title").isTrue();
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .as("nothing typed yet: no \"a case needs a title\"").isEmpty();
        robot.clickOn("#titleField").write(title);
        robot.clickOn("#ownerField").write("Anna Nowak");
        robot.clickOn("#hashtagField").write("bad tag");
        Label problem = robot.lookup("#problemLabel").queryAs(Label.class);
        assertThat(problem.getText()).contains("not a hashtag");
        assertThat(ok.isDisabled()).isTrue();
        robot.doubleClickOn("#hashtagField").eraseText(10).write("PayStatus");
        robot.clickOn("#hubField").write("https://status.example.com");
        assertThat(problem.getText()).isEmpty();
        robot.clickOn(ok);
        waitUntil(() -> caseList(robot).getItems().size() == 1
                && caseList(robot).getSelectionModel().getSelectedItem() != null);
        return caseList(robot).getItems().get(0);
    }

    @Test
    void createACaseAddANoteAndSeeItInTheTimeline(FxRobot robot) throws TimeoutException {
        CrisisCase created = createCaseThroughTheForm(robot, "Payment outage");

        assertThat(created.title()).isEqualTo("Payment outage");
        assertThat(created.hashtag()).isEqualTo("#PayStatus");
        assertThat(robot.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("Payment outage");
        waitUntil(() -> timeline(robot).getItems().size() == 1);
        assertThat(timeline(robot).getItems().get(0).kind()).isEqualTo(EntryKind.STATUS_CHANGE);

        Button add = robot.lookup("#addButton").queryAs(Button.class);
        assertThat(add.isDisabled()).as("nothing to add yet").isTrue();
        robot.clickOn("#entryText").write("First complaints on X about failed card payments");
        robot.clickOn(add);
        waitUntil(() -> timeline(robot).getItems().size() == 2);

        TimelineEntry note = timeline(robot).getItems().get(1);
        assertThat(note.kind()).isEqualTo(EntryKind.NOTE);
        assertThat(note.body()).isEqualTo("First complaints on X about failed card payments");
        assertThat(robot.lookup("#entryText").queryAs(TextArea.class).getText()).as("composer cleared").isEmpty();
        assertThat(robot.lookup(hasLabelText("First complaints on X about failed card payments")).tryQuery())
                .as("the note is visible in the timeline").isPresent();

        // it is in the store, not just on screen
        List<TimelineEntry> stored = context.services().cases().timeline(created.id());
        assertThat(stored).extracting(TimelineEntry::body).contains("First complaints on X about failed card payments");
    }

    @Test
    void ctrlEnterAddsAndCorrectionsKeepTheOriginal(FxRobot robot) throws TimeoutException {
        createCaseThroughTheForm(robot, "Offensive post");
        robot.clickOn("#entryText").write("Post seen by about 300 people");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> timeline(robot).getItems().size() == 2);

        robot.clickOn(robot.lookup(hasLabelText("Post seen by about 300 people")).queryAs(Node.class));
        robot.clickOn("#correctButton");
        waitUntil(() -> robot.lookup("#correctionText").tryQuery().isPresent());
        TextArea text = robot.lookup("#correctionText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("Post seen by about 30,000 people"));
        robot.clickOn(dialogButton(robot, ButtonType.OK));
        waitUntil(() -> timeline(robot).getItems().size() == 3);

        assertThat(timeline(robot).getItems()).extracting(TimelineEntry::body)
                .contains("Post seen by about 300 people", "Post seen by about 30,000 people");
        assertThat(timeline(robot).getItems().get(2).kind()).isEqualTo(EntryKind.CORRECTION);
    }

    @Test
    void statusChangeUpdatesHeaderListAndTimeline(FxRobot robot) throws TimeoutException {
        createCaseThroughTheForm(robot, "Data leak rumour");
        robot.clickOn("#statusMenu");
        robot.clickOn("Contained");
        waitUntil(() -> robot.lookup("#statusReason").tryQuery().isPresent());
        robot.clickOn("#statusReason").write("Leak confirmed false");
        robot.clickOn(dialogButton(robot, ButtonType.OK));
        waitUntil(() -> timeline(robot).getItems().size() == 2);

        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Contained");
        assertThat(caseList(robot).getItems().get(0).status().label()).isEqualTo("Contained");
        assertThat(timeline(robot).getItems().get(1).body()).isEqualTo("Status Open \u2192 Contained: Leak confirmed false");
    }

    private static java.util.function.Predicate<Node> hasLabelText(String text) {
        return n -> n instanceof Label l && text.equals(l.getText()) && l.isVisible();
    }
}
