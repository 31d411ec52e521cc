package io.crisisconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.StatusFilter;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.UiTests;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Search and filters of the case list, over cases that exist before the window opens. */
@Tag("ui")
class CaseListUiTest extends MainWindowTestBase {

    @Override
    protected void seed() {
        CaseService cases = context.services().cases();
        CrisisCase outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna", "#CheckoutStatus", null), "t");
        for (int i = 1; i <= 40; i++) {
            cases.addEntry(outage.id(), EntryKind.NOTE, "Outage note " + i + (i % 3 == 0
                    ? " with a longer text that wraps over more than one line in the timeline of the case workspace" : ""),
                    null, "t", null, false);
        }
        CrisisCase closed = cases.open(new CaseDetails("Old troll wave", 3, null, null, null), "t");
        cases.changeStatus(closed.id(), closed.version(), CaseStatus.RESOLVED, null, "t");
        CrisisCase post = cases.open(new CaseDetails("Offensive post", 1, "Marek", null, null), "t");
        for (int i = 1; i <= 25; i++) {
            cases.addEntry(post.id(), EntryKind.NOTE, "Post note " + i, null, "t", null, false);
        }
    }

    /** The cell of the newest entry is fully inside the timeline's viewport. */
    private boolean newestShown(FxRobot robot) {
        ListView<TimelineEntry> timeline = UiTests.list(robot, "#timelineList");
        if (timeline.getItems().isEmpty()) {
            return false;
        }
        TimelineEntry newest = timeline.getItems().get(timeline.getItems().size() - 1);
        Bounds view = timeline.localToScene(timeline.getLayoutBounds());
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getListView() == timeline && c.getItem() == newest && shown(c))
                .anyMatch(c -> {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
                });
    }

    @Test
    void afterARestartTheCaseSelectedLastIsShownAtItsNewestEntry(FxRobot robot) throws Exception {
        UiTests.waitUntil(() -> list(robot).getItems().size() == 2);
        robot.interact(() -> list(robot).getSelectionModel().select(1));
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 41);
        context.close(); // writes what is pending, the settings too
        context = null;
        org.testfx.api.FxToolkit.cleanupStages();

        context = AppContext.open(home, java.time.Clock.systemUTC());
        robot.interact(this::showMainWindow);
        UiTests.waitUntil(() -> list(robot).getSelectionModel().getSelectedItem() != null);
        assertThat(list(robot).getSelectionModel().getSelectedItem().title()).isEqualTo("Checkout outage");
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 41);
        UiTests.waitUntil(() -> newestShown(robot));
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theTimelineOpensAtTheNewestEntry(FxRobot robot) throws TimeoutException {
        UiTests.waitUntil(() -> list(robot).getItems().size() == 2);
        robot.interact(() -> list(robot).getSelectionModel().select(1)); // first show: Checkout outage
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 41);
        UiTests.waitUntil(() -> newestShown(robot));
        robot.interact(() -> UiTests.list(robot, "#timelineList").scrollTo(0));
        assertThat(newestShown(robot)).as("the check sees a timeline scrolled to the top").isFalse();
        robot.interact(() -> list(robot).getSelectionModel().select(0)); // case switch: Offensive post
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 26);
        UiTests.waitUntil(() -> newestShown(robot));
        for (int i = 0; i < 3; i++) { // added one after the other: each new one in view, not one short
            String text = "Added note " + i + ", long enough to wrap over two lines in the timeline of the case "
                    + "workspace at this window size, so its height is only known after layout";
            robot.interact(() -> robot.lookup("#entryText").queryAs(javafx.scene.control.TextArea.class).setText(text));
            robot.clickOn("#addButton");
            int size = 27 + i;
            UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == size);
            UiTests.waitUntil(() -> newestShown(robot));
        }
        robot.interact(() -> list(robot).getSelectionModel().select(1)); // and back
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 41);
        UiTests.waitUntil(() -> newestShown(robot));

        // chosen in the inbox while the Cases area is not shown, then Cases opened: at the newest too
        robot.clickOn("#navInbox");
        UiTests.waitUntil(() -> robot.lookup("#caseChoice").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<CrisisCase> choice = robot.lookup("#caseChoice").queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue(choice.getItems().stream()
                .filter(c -> c.title().equals("Offensive post")).findFirst().orElseThrow()));
        robot.clickOn("#navCases");
        UiTests.waitUntil(() -> UiTests.list(robot, "#timelineList").getItems().size() == 29);
        UiTests.waitUntil(() -> newestShown(robot));
    }

    @SuppressWarnings("unchecked")
    private ListView<CrisisCase> list(FxRobot robot) {
        return robot.lookup("#caseList").queryAs(ListView.class);
    }

    private String[] titles(FxRobot robot) {
        return list(robot).getItems().stream().map(CrisisCase::title).toArray(String[]::new);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchAndFiltersNarrowTheList(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == 2);
        assertThat(titles(robot)).as("closed cases hidden by default, newest first")
                .containsExactly("Offensive post", "Checkout outage");

        robot.clickOn("#searchField").write("checkout");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles(robot)).containsExactly("Checkout outage");

        robot.doubleClickOn("#searchField").eraseText(8).write("marek");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles(robot)).as("search covers the owner").containsExactly("Offensive post");

        robot.doubleClickOn("#searchField").eraseText(5);
        ComboBox<StatusFilter> status = robot.lookup("#statusFilter").queryAs(ComboBox.class);
        robot.interact(() -> status.setValue(StatusFilter.ALL));
        assertThat(titles(robot)).containsExactly("Offensive post", "Old troll wave", "Checkout outage");

        ComboBox<Integer> severity = robot.lookup("#severityFilter").queryAs(ComboBox.class);
        robot.interact(() -> severity.setValue(3));
        assertThat(titles(robot)).containsExactly("Old troll wave");

        robot.interact(() -> status.setValue(StatusFilter.NOT_CLOSED));
        assertThat(titles(robot)).isEmpty();
        assertThat(robot.lookup("No cases match. Clear the search or filters, or open a new case.").tryQuery())
                .isPresent();
    }
}
