package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.testsupport.MainWindowTestBase;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Tab moves the focus out of a multi-line field, Shift+Tab back, Ctrl+Tab types a tab: on every screen. */
@Tag("ui")
class TabKeysUiTest extends MainWindowTestBase {

    @Override
    protected void seed() {
        context.services().cases().open(new CaseDetails("Checkout outage", 2, "Anna", null, null), "t");
    }

    private static Node focused(FxRobot robot) {
        return robot.targetWindow().getScene().getFocusOwner();
    }

    private void tabLeavesAndComesBack(FxRobot robot, String areaId) {
        TextArea area = robot.lookup(areaId).queryAs(TextArea.class);
        robot.clickOn(area).write("one");
        robot.targetWindow(area.getScene().getWindow());
        assertThat(focused(robot)).isSameAs(area);

        robot.type(KeyCode.TAB);
        assertThat(area.getText()).as("Tab types nothing").isEqualTo("one");
        assertThat(focused(robot)).as("Tab moves the focus on").isNotSameAs(area).isNotNull();

        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focused(robot)).as("Shift+Tab comes back").isSameAs(area);
        assertThat(area.getText()).isEqualTo("one");

        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        assertThat(area.getText()).as("Ctrl+Tab types a tab").isEqualTo("one\t");
        assertThat(focused(robot)).isSameAs(area);
    }

    @Test
    void tabMovesTheFocusInTheTimelineEntryField(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#caseList").tryQuery().isPresent());
        robot.clickOn("Checkout outage");
        waitUntil(() -> !robot.lookup("#entryText").queryAs(TextArea.class).isDisabled());
        tabLeavesAndComesBack(robot, "#entryText");
    }

    @Test
    void tabMovesTheFocusInTheContactFormDialog(FxRobot robot) throws TimeoutException {
        robot.clickOn("#navContacts");
        waitUntil(() -> robot.lookup("#newContactButton").tryQuery().isPresent());
        robot.clickOn("#newContactButton");
        waitUntil(() -> robot.lookup("#phonesField").tryQuery().isPresent());
        tabLeavesAndComesBack(robot, "#phonesField");
        TextArea phones = robot.lookup("#phonesField").queryAs(TextArea.class);
        robot.type(KeyCode.TAB);
        assertThat(focused(robot)).as("the next field of the form")
                .isSameAs(robot.lookup("#emailsField").queryAs(TextArea.class));
        assertThat(phones.getText()).isEqualTo("one\t");
    }
}
