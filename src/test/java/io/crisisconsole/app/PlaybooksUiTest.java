package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.list;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.timeline.TimelineEntry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The playbook editor and a case's call list, driven headless. */
@Tag("ui")
class PlaybooksUiTest extends MainWindowTestBase {

    @Override
    protected double windowWidth() {
        return 1400;
    }

    @Override
    protected double windowHeight() {
        return 900;
    }

    private void openServiceOutage(FxRobot robot) throws TimeoutException {
        robot.clickOn("#navPlaybooks");
        waitUntil(() -> robot.lookup("#playbookList").tryQuery().isPresent()
                && list(robot, "#playbookList").getItems().size() == 8);
        ListView<StoredPlaybook> playbooks = list(robot, "#playbookList");
        StoredPlaybook outage = playbooks.getItems().stream()
                .filter(p -> p.key().equals("service-outage") && p.language().equals("en")).findFirst().orElseThrow();
        robot.interact(() -> playbooks.getSelectionModel().select(outage));
        waitUntil(() -> "Service outage".equals(robot.lookup("#playbook-title").queryAs(TextField.class).getText()));
    }

    @Test
    void editInTheFormSaveAVersionAndSeeWhatChanged(FxRobot robot) throws TimeoutException {
        openServiceOutage(robot);
        TextField title = robot.lookup("#playbook-title").queryAs(TextField.class);
        TextArea yaml = robot.lookup("#yamlText").queryAs(TextArea.class);
        String before = yaml.getText();
        robot.interact(() -> title.setText("Checkout outage"));

        waitUntil(() -> yaml.getText().contains("title: Checkout outage"));
        assertThat(yaml.getText()).as("only the title's line changed (the comment and the folded summary stay)")
                .isEqualTo(before.replace("title: Service outage\n", "title: Checkout outage\n"));
        assertThat(before).startsWith("# Crisis Console playbook").contains("summary: >-\n");
        assertThat(robot.lookup("#stateLabel").queryAs(Label.class).getText()).isEqualTo("Unsaved changes");

        robot.clickOn("#saveButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(robot.from(pane).lookup(".text-field").queryAs(TextField.class))
                .write("Name the service in the title");
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        waitUntil(() -> robot.lookup("#metaLabel").queryAs(Label.class).getText().contains("version 2"));
        assertThat(robot.lookup("#stateLabel").queryAs(Label.class).getText()).isEqualTo("Saved");

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        ListView<PlaybookVersion> versions = list(robot, "#versionList");
        waitUntil(() -> versions.getItems().size() == 2);
        robot.interact(() -> versions.getSelectionModel().select(
                versions.getItems().stream().filter(v -> v.version() == 2).findFirst().orElseThrow()));
        ListView<DiffLine> diff = list(robot, "#diffList");
        waitUntil(() -> !diff.getItems().isEmpty());
        assertThat(diff.getItems()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DiffLine.Kind.ADDED);
            assertThat(d.text()).contains("title: Checkout outage");
        });
        assertThat(diff.getItems()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DiffLine.Kind.REMOVED);
            assertThat(d.text()).isEqualTo("title: Service outage");
        });
        assertThat(diff.getItems()).filteredOn(d -> d.kind() != DiffLine.Kind.SAME).as("nothing else changed").hasSize(2);
        assertThat(versions.getItems()).anySatisfy(v -> assertThat(v.note()).isEqualTo("Name the service in the title"));
    }

    @Test
    void yamlProblemsShowLiveWithTheirPlaceAndBlockSaving(FxRobot robot) throws TimeoutException {
        openServiceOutage(robot);
        TextArea yaml = robot.lookup("#yamlText").queryAs(TextArea.class);
        robot.interact(() -> yaml.setText(yaml.getText().replaceFirst("severity: 2", "severity: high")));
        ListView<PlaybookProblem> problems = list(robot, "#problemList");
        waitUntil(() -> !problems.getItems().isEmpty());

        PlaybookProblem p = problems.getItems().get(0);
        assertThat(p.message()).contains("whole number").contains("high");
        assertThat(p.line()).isEqualTo(15);
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> yaml.setText(yaml.getText().replace("severity: high", "severity: 2")));
        waitUntil(problems.getItems()::isEmpty);
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled())
                .as("back to the saved text: nothing to save").isTrue();
    }

    @Test
    void aCaseFollowsAPlaybookAndShowsWhoToCall(FxRobot robot) throws TimeoutException {
        new ContactService(context.store().jdbi(), Clock.systemUTC()).create(new ContactDetails("Anna Nowak",
                "Head of Communications", "Acme", List.of(new Phone("mobile", "+48 600 100 200")),
                List.of("anna@example.com"), List.of(), "Europe/Warsaw", "pl", "any time for SEV1",
                Set.of(ContactGroup.CRISIS_TEAM), null));
        robot.clickOn("#newCaseButton");
        waitUntil(() -> robot.lookup("#titleField").tryQuery().isPresent());
        robot.clickOn("#titleField").write("Checkout down");
        robot.clickOn((Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        @SuppressWarnings("unchecked")
        ComboBox<StoredPlaybook> choice = robot.lookup("#playbookChoice").queryAs(ComboBox.class);
        waitUntil(() -> choice.getItems().size() == 8);

        StoredPlaybook outage = choice.getItems().stream()
                .filter(p -> p.key().equals("service-outage") && p.language().equals("en")).findFirst().orElseThrow();
        robot.interact(() -> choice.setValue(outage));
        ListView<TimelineEntry> timeline = list(robot, "#timelineList");
        waitUntil(() -> timeline.getItems().stream().anyMatch(e -> e.body().startsWith("Playbook chosen: Service outage")));

        Label cadence = robot.lookup("#cadenceLabel").queryAs(Label.class);
        waitUntil(() -> cadence.getText().startsWith("No public message yet \u2014 first one due by"));
        assertThat(cadence.getText()).as("the playbook's 30 min target").containsPattern("\\(in (29|30) min\\)");

        robot.clickOn("#callListButton");
        waitUntil(() -> robot.lookup("#callList").tryQuery().isPresent());
        Node callList = robot.lookup("#callList").query();
        assertThat(robot.from(callList).lookup((Label l) -> l.getText() != null
                && l.getText().startsWith("Anna Nowak")).tryQuery()).isPresent();
        assertThat(robot.from(callList).lookup((Label l) -> l.getText() != null
                && l.getText().contains("+48 600 100 200")).tryQuery()).isPresent();
        assertThat(robot.from(callList).lookup((Label l) -> l.getText() != null
                && l.getText().contains("nobody is in the group spokespeople")).tryQuery())
                .as("gaps are shown").isPresent();
        assertThat(context.services().cases().list()).hasSize(1);
    }
}
