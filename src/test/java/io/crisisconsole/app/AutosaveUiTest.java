package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.list;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.CaseDetailViewModel;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.AutosavedText;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Autosave of the timeline composer in the real window (headless), including a restart. */
@Tag("ui")
class AutosaveUiTest extends MainWindowTestBase {

    CrisisCase outage;

    @Override
    protected void seed() {
        outage = context.services().cases()
                .open(new CaseDetails("Payment outage", 2, "Anna Nowak", null, null), "anna");
    }

    @SuppressWarnings("unchecked")
    private void selectTheCase(FxRobot robot) throws TimeoutException {
        ListView<CrisisCase> list = robot.lookup("#caseList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        ListView<TimelineEntry> timeline = robot.lookup("#timelineList").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().size() >= 1);
    }

    private Optional<AutosavedText> stored() {
        return new AutosaveService(context.store().jdbi(), Clock.systemUTC())
                .find(CaseDetailViewModel.composerKey(outage.id()));
    }

    private String storedText() {
        return stored().map(AutosavedText::content).orElse("");
    }

    private TextArea composer(FxRobot robot) {
        return robot.lookup("#entryText").queryAs(TextArea.class);
    }

    @Test
    void typingIsStoredWithinTwoSecondsAndRestoredAfterACrash(FxRobot robot) throws Exception {
        selectTheCase(robot);
        robot.interact(() -> robot.lookup("#kindChoice").<ComboBox<EntryKind>>query().setValue(EntryKind.DECISION));
        robot.clickOn("#entryText");

        // Type steadily for about three seconds, never pausing a full second. After each key, see
        // how long the oldest character not yet in the store has been typed: the typing at risk.
        String text = "Pause all paid social until the fix is live";
        long[] typedAt = new long[text.length()];
        long worstAtRisk = 0;
        for (int i = 0; i < text.length(); i++) {
            robot.write(text.charAt(i));
            typedAt[i] = System.nanoTime();
            String stored = storedText();
            int storedLength = stored.length();
            assertThat(text).startsWith(stored);
            if (storedLength <= i) {
                worstAtRisk = Math.max(worstAtRisk, System.nanoTime() - typedAt[storedLength]);
            }
            Thread.sleep(60);
        }
        assertThat(storedText()).as("stored while typing went on").isNotEmpty();
        for (String stored = storedText(); !stored.equals(text); stored = storedText()) {
            // read the store once per round: it may catch up between two reads
            worstAtRisk = Math.max(worstAtRisk, System.nanoTime() - typedAt[stored.length()]);
            assertThat(System.nanoTime() - typedAt[text.length() - 1]).isLessThan(TimeUnit.SECONDS.toNanos(5));
            Thread.sleep(20);
        }
        long worstMs = TimeUnit.NANOSECONDS.toMillis(worstAtRisk);
        System.out.println("Autosave: worst typing at risk measured " + worstMs + " ms");
        assertThat(worstMs).as("typing at risk").isLessThan(2000);
        assertThat(stored().orElseThrow().kind()).isEqualTo("DECISION");
        Thread.sleep(1600); // nothing else pending

        // "Crash": stop the store thread and close the store without the view-model's flush.
        context.tasks().close();
        context.store().close();
        context = null;
        FxToolkit.cleanupStages();

        context = AppContext.open(home, Clock.systemUTC());
        robot.interact(this::showMainWindow);
        // the case selected before the restart is selected again by itself (kept in the settings)
        @SuppressWarnings("unchecked")
        ListView<CrisisCase> list = robot.lookup("#caseList").queryAs(ListView.class);
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null);
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(outage.id());
        waitUntil(() -> text.equals(composer(robot).getText()));
        assertThat(robot.lookup("#kindChoice").<ComboBox<EntryKind>>query().getValue()).isEqualTo(EntryKind.DECISION);
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText())
                .startsWith("Restored text you had not added yet (autosaved ");
    }

    @Test
    void closingCleanlyWritesTextTypedJustBefore(FxRobot robot) throws Exception {
        selectTheCase(robot);
        robot.interact(() -> composer(robot).setText("Legal approved the holding statement"));
        context.close(); // at once, well within the one-second countdown
        context = null;

        try (Store store = Store.open(home)) {
            assertThat(new AutosaveService(store.jdbi(), Clock.systemUTC())
                    .find(CaseDetailViewModel.composerKey(outage.id())))
                    .map(AutosavedText::content).contains("Legal approved the holding statement");
        }
    }

    @Test
    void addingTheEntryClearsTheAutosave(FxRobot robot) throws Exception {
        selectTheCase(robot);
        robot.clickOn("#entryText").write("Status page updated");
        waitUntil(() -> storedText().equals("Status page updated"));

        robot.clickOn("#addButton");
        ListView<?> timeline = robot.lookup("#timelineList").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().size() == 2);

        assertThat(composer(robot).getText()).isEmpty();
        assertThat(stored()).isEmpty();
        Thread.sleep(1500); // and no late save brings it back
        assertThat(stored()).isEmpty();
    }
}
