package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.list;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.services.Services;
import io.crisisconsole.testsupport.MainWindowTestBase;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The composer with the real checks: a core-message change shows up at once in the variants' findings. */
@Tag("ui")
class ComposerChecksUiTest extends MainWindowTestBase {

    @Override
    protected void seed() {
        Services services = context.services();
        CrisisCase outage = services.cases().open(new CaseDetails("Checkout outage", 2,
                "Anna Nowak", "CheckoutStatus", "https://status.example.com"), "anna");
        long playbook = services.playbooks().find("service-outage", "en").orElseThrow().id();
        services.casePlaybooks().assign(outage.id(), playbook, "anna");
    }

    @Test
    void changingTheCoreMessageFlagsTheVariantThatNoLongerAgrees(FxRobot robot) throws TimeoutException {
        ListView<CrisisCase> cases = list(robot, "#caseList");
        waitUntil(() -> cases.getItems().size() == 1);
        robot.clickOn(robot.lookup("Checkout outage").queryLabeled());
        waitUntil(() -> robot.lookup("#composeButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#composeButton");
        waitUntil(() -> robot.lookup("#newDraftButton").tryQuery().isPresent());
        robot.clickOn("#newDraftButton");
        waitUntil(() -> robot.lookup("#draftTitleField").tryQuery().isPresent());
        robot.clickOn((Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitUntil(() -> !text(robot, "#variant-x").isEmpty());

        robot.clickOn("#whatHappenedText").write("card payments fail for about 3,000 customers");
        robot.clickOn("#whatYouShouldDoText").write("Please pay by bank transfer meanwhile.");
        robot.clickOn("#nextUpdateField").write("16:30");
        robot.clickOn("#fillButton");
        waitUntil(() -> text(robot, "#variant-x").contains("3,000") && text(robot, "#variant-x").contains("16:30"));
        ListView<Finding> xFindings = list(robot, "#findings-x");
        waitUntil(() -> xFindings.getItems().stream().noneMatch(f -> f.code().equals("fact-mismatch")));

        // the core message moves the next update; the X post still says 16:30
        TextField nextUpdate = robot.lookup("#nextUpdateField").queryAs(TextField.class);
        robot.doubleClickOn(nextUpdate).eraseText(5).write("17:00");
        waitUntil(() -> xFindings.getItems().stream().anyMatch(f -> f.code().equals("fact-mismatch")));
        String x = text(robot, "#variant-x");
        Finding wrong = xFindings.getItems().stream().filter(f -> f.code().equals("fact-mismatch")).findFirst()
                .orElseThrow();
        assertThat(x.substring(wrong.start(), wrong.end())).isEqualTo("16:30");
        assertThat(wrong.level()).isEqualTo(Finding.Level.ERROR);

        // what was typed is autosaved within about a second, without pressing Save
        io.crisisconsole.store.AutosaveService autosave = new io.crisisconsole.store.AutosaveService(
                context.store().jdbi(), Clock.systemUTC());
        waitUntil(() -> autosave.list().stream().anyMatch(a -> a.editorKey().startsWith("draft:")
                && a.content().contains("17:00")));
    }
}
