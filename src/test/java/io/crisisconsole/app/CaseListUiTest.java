package io.crisisconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.StatusFilter;
import io.crisisconsole.testsupport.MainWindowTestBase;
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
        cases.open(new CaseDetails("Checkout outage", 2, "Anna", "#CheckoutStatus", null), "t");
        CrisisCase closed = cases.open(new CaseDetails("Old troll wave", 3, null, null, null), "t");
        cases.changeStatus(closed.id(), closed.version(), CaseStatus.RESOLVED, null, "t");
        cases.open(new CaseDetails("Offensive post", 1, "Marek", null, null), "t");
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
