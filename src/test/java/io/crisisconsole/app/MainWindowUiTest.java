package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.Severity;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The navigation comes from the areas registry and every text on screen comes from the bundle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    @TempDir
    Path tmp;
    AppContext context;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(new DataHome(tmp.resolve("data")), Clock.systemUTC());
        context.services().cases()
                .open(new CaseDetails("Checkout outage", 2, "Anna", "#CheckoutStatus", null), "t");
        stage.setScene(MainWindow.createScene(context, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
        context.close();
    }

    @Test
    void theNavigationHasOneButtonPerAreaInOrder(FxRobot robot) {
        List<ToggleButton> nav = robot.lookup("#navBox").queryAs(Parent.class).getChildrenUnmodifiable().stream()
                .map(ToggleButton.class::cast).toList();
        assertThat(nav).extracting(Node::getId)
                .containsExactly("navCases", "navInbox", "navPlaybooks", "navContacts", "navRehearsal", "navReviews");
        assertThat(nav).extracting(ToggleButton::getText)
                .containsExactly("Cases", "Inbox", "Playbooks", "Contacts", "Rehearsal", "Reviews");
        assertThat(nav.get(0).isSelected()).as("the first area is shown at start").isTrue();
    }

    @Test
    void theBrandNameIsSetFromTheSidebarAndKeptInTheSettings(FxRobot robot) throws TimeoutException {
        assertThat(robot.lookup("#brandButton").queryButton().getText()).as("default: not set").isEqualTo("Not set");

        robot.clickOn("#brandButton");
        waitUntil(() -> robot.lookup("#brandField").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .startsWith("The brand your messages speak for: it fills {{brand}} in templates");
        robot.clickOn("#brandField").write("Northwind Rail");
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));

        waitUntil(() -> "Northwind Rail".equals(robot.lookup("#brandButton").queryButton().getText()));
        Path settings = new DataHome(tmp.resolve("data")).settingsFile();
        waitUntil(() -> "Northwind Rail".equals(new SettingsStore(settings).load().brandName()));
    }

    @Test
    void everyAreaShowsItsViewWithTextsFromTheBundle(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#caseList").queryAs(ListView.class).getItems().size() == 1);
        robot.clickOn("#caseList .list-cell");
        waitUntil(() -> "Checkout outage".equals(label(robot, "#titleLabel")));
        assertNoKeysShown();

        robot.clickOn("#navPlaybooks");
        waitUntil(() -> robot.lookup("#playbookList").tryQuery().isPresent());
        assertNoKeysShown();

        robot.clickOn("#navContacts");
        waitUntil(() -> robot.lookup("#contactTable").tryQuery().isPresent());
        assertNoKeysShown();

        robot.clickOn("#navRehearsal");
        waitUntil(() -> robot.lookup("#exerciseList").tryQuery().isPresent());
        assertThat(shownTexts()).contains("Rehearsal", "Exercises", "Scenarios");
        assertNoKeysShown();

        robot.clickOn("#navReviews");
        waitUntil(() -> robot.lookup("#reviewCaseList").tryQuery().isPresent());
        waitUntil(() -> robot.lookup("#reviewCaseList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(shownTexts()).contains("Reviews", "Choose a case to review");
        assertNoKeysShown();

        robot.clickOn("#navCases");
        waitUntil(() -> robot.lookup("#caseList").query().isVisible());
    }

    @Test
    void theCaseListShowsTheCaseWithItsOpeningTimeFromFormats(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#caseList").queryAs(ListView.class).getItems().size() == 1);
        CrisisCase c = (CrisisCase) robot.lookup("#caseList").queryAs(ListView.class).getItems().get(0);
        String opened = context.formats().dayClock(c.openedAt());
        assertThat(shownTexts()).contains("#" + c.id() + " \u00b7 " + Severity.label(2) + " \u00b7 "
                + c.status().label() + " \u00b7 opened " + opened + " \u00b7 #CheckoutStatus").contains("1 shown");
    }

    private void assertNoKeysShown() {
        assertThat(shownTexts()).as("no message key shows instead of its text")
                .noneMatch(t -> t.contains("\u27e6") || t.startsWith("%") || t.matches("[a-z]+(\\.[a-zA-Z]+){2,}"));
    }

    /** Every text of the window's controls: labels, buttons, prompts, tabs, columns, menu items. */
    private List<String> shownTexts() {
        List<String> out = new ArrayList<>();
        collect(stage.getScene().getRoot(), out);
        out.removeIf(t -> t == null || t.isEmpty());
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getPromptText());
        }
        if (n instanceof ComboBoxBase<?> b) {
            out.add(b.getPromptText());
        }
        if (n instanceof MenuButton m) {
            m.getItems().stream().map(MenuItem::getText).forEach(out::add);
        }
        if (n instanceof TabPane p) {
            p.getTabs().stream().map(Tab::getText).forEach(out::add);
        }
        if (n instanceof TableView<?> t) {
            t.getColumns().stream().map(TableColumn::getText).forEach(out::add);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
