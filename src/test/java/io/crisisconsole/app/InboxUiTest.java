package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.inbox.InboxFixture;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The inbox area driven from the keyboard like a person triaging a busy case, headless (Monocle). */
@Tag("ui")
class InboxUiTest extends io.crisisconsole.testsupport.MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    CrisisCase outage;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        outage = InboxFixture.caseWithPlaybook(context.services());
        List<IncomingMention> rows = new ArrayList<>();
        // 30 mentions, one a minute from 08:00: the newest 08:29, so every clock of 60 min runs at 09:00
        for (int i = 0; i < 30; i++) {
            String at = NOW.minus(Duration.ofMinutes(60 - i)).toString();
            rows.add(InboxFixture.row(i + 2, "s" + i, "https://x.com/u" + i + "/status/" + i, "x", "@user" + i, at,
                    i % 3 == 0 ? "Where is my refund for order " + i + "?" : "Checkout fails again, post " + i));
        }
        inbox().importMentions(outage.id(), "export.csv", rows, "anna");
    }

    private InboxService inbox() {
        return context.services().inbox();
    }

    @SuppressWarnings("unchecked")
    private ListView<Long> list(FxRobot robot) {
        return robot.lookup("#mentionList").queryAs(ListView.class);
    }

    private void openInbox(FxRobot robot, int expected) throws TimeoutException {
        robot.clickOn("#navInbox");
        waitUntil(() -> robot.lookup("#mentionList").tryQuery().isPresent());
        waitUntil(() -> list(robot).getItems().size() == expected);
    }

    /** The mention in the list's row {@code index}, read from the store. */
    private Mention at(FxRobot robot, int index) {
        return inbox().get(list(robot).getItems().get(index));
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theInboxFollowsTheCaseAndListsItsMentionsDueSoonestFirst(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        ComboBox<?> chooser = robot.lookup("#caseChoice").queryAs(ComboBox.class);
        assertThat(((CrisisCase) chooser.getValue()).id()).isEqualTo(outage.id());
        // due soonest: the oldest waiting mention first
        assertThat(at(robot, 0).sourceId()).isEqualTo("s0");
        assertThat(robot.lookup("#shownLabel").queryAs(Label.class).getText()).isEqualTo("30 mentions shown");
        assertThat(robot.lookup("#waitingLabel").queryAs(Label.class).getText()).isEqualTo("30 waiting for an answer");
    }

    @Test
    void keysSetTheTypeMoveHideEscalateAndAssignInTheStore(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.clickOn("#mentionList .list-cell");
        Mention first = at(robot, 0);
        press(robot, KeyCode.DIGIT2);
        waitUntil(() -> inbox().get(first.id()).type() == InboxType.QUESTION);
        assertThat(inbox().get(first.id()).typeSuggested()).as("set by a person").isFalse();

        press(robot, KeyCode.J);
        assertThat(list(robot).getSelectionModel().getSelectedIndex()).isEqualTo(1);
        Mention second = at(robot, 1);
        press(robot, KeyCode.H);
        waitUntil(() -> inbox().get(second.id()).state() == MentionState.HIDDEN);
        // the list shows mentions waiting for an answer: the hidden one left it, the next took its place
        waitUntil(() -> list(robot).getItems().size() == 29);
        assertThat(list(robot).getItems()).doesNotContain(second.id());
        assertThat(list(robot).getSelectionModel().getSelectedIndex()).isEqualTo(1);

        Mention third = at(robot, 1);
        press(robot, KeyCode.E);
        waitUntil(() -> inbox().get(third.id()).state() == MentionState.ESCALATED);

        press(robot, KeyCode.K);
        assertThat(list(robot).getSelectionModel().getSelectedIndex()).isZero();
        press(robot, KeyCode.A);
        waitUntil(() -> robot.lookup("#assigneeField").tryQuery().isPresent());
        TextField who = robot.lookup("#assigneeField").queryAs(TextField.class);
        // it offers the person at the console, as the sidebar names them, and the key's "a" is not typed into it
        assertThat(who.getText()).isEqualTo(robot.lookup("#authorButton").queryButton().getText());
        robot.interact(() -> who.setText("Olga Smirnova"));
        press(robot, KeyCode.ENTER);
        waitUntil(() -> inbox().get(first.id()).state() == MentionState.ASSIGNED);
        assertThat(inbox().get(first.id()).assignedTo()).isEqualTo("Olga Smirnova");
    }

    @Test
    void aSelectionOfSeveralIsTriagedAtOnce(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.clickOn("#mentionList .list-cell");
        press(robot, KeyCode.SHIFT, KeyCode.DOWN);
        press(robot, KeyCode.SHIFT, KeyCode.DOWN);
        assertThat(list(robot).getSelectionModel().getSelectedIndices()).hasSize(3);
        assertThat(robot.lookup("#selectionLabel").queryAs(Label.class).getText()).isEqualTo("3 selected");
        List<Long> chosen = List.copyOf(list(robot).getSelectionModel().getSelectedItems());
        press(robot, KeyCode.DIGIT6);
        waitUntil(() -> chosen.stream().allMatch(id -> inbox().get(id).type() == InboxType.PRAISE));
        robot.clickOn("#hideButton");
        waitUntil(() -> chosen.stream().allMatch(id -> inbox().get(id).state() == MentionState.HIDDEN));
        waitUntil(() -> list(robot).getItems().size() == 27);
        // hidden, never deleted: still in the store and one filter away
        assertThat(inbox().list(outage.id(), InboxQuery.all())).hasSize(30);
    }

    @Test
    void theSearchAndTheFiltersNarrowTheList(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.clickOn("#searchField").write("refund");
        waitUntil(() -> list(robot).getItems().size() == 10);
        assertThat(list(robot).getItems()).allMatch(id -> inbox().get(id).text().contains("refund"));
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).setText("@user7"));
        waitUntil(() -> list(robot).getItems().size() == 1);
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).setText("nothing-like-this"));
        waitUntil(() -> list(robot).getItems().isEmpty());
        assertThat(robot.lookup("#emptyHeading").queryAs(Label.class).getText()).isEqualTo("Nothing matches");
    }

    @Test
    void theClockCountsDownTurnsAmberInTheLastQuarterAndRedAfterTheTarget(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.interact(() -> list(robot).getSelectionModel().select(29)); // published 08:29
        Mention newest = at(robot, 29);
        assertThat(newest.publishedAt()).isEqualTo(Instant.parse("2026-03-14T08:29:00Z"));
        int target = inbox().replyMinutes(outage.id()).get(newest.type());
        Label clockLabel = robot.lookup("#clockLabel").queryAs(Label.class);
        // the clock the detail shows is the mention's own: due at published + target
        Instant due = newest.publishedAt().plus(Duration.ofMinutes(target));
        clock.set(due.minus(Duration.ofMinutes(target / 2)));
        String half = expectedLeft(Duration.ofMinutes(target / 2));
        try {
            waitUntil(() -> clockLabel.getText().equals(half));
        } catch (TimeoutException e) {
            throw new AssertionError("clock shows '" + clockLabel.getText() + "', not '" + half + "'", e);
        }
        assertThat(clockLabel.getStyleClass()).doesNotContain("warning", "danger");
        clock.set(due.minus(Duration.ofSeconds(90)));
        waitUntil(() -> clockLabel.getText().equals("1:30 left"));
        assertThat(clockLabel.getStyleClass()).contains("warning");
        clock.set(due.plus(Duration.ofSeconds(5)));
        waitUntil(() -> clockLabel.getText().equals("0:05 late"));
        assertThat(clockLabel.getStyleClass()).contains("danger").doesNotContain("warning");
    }

    private static String expectedLeft(Duration d) {
        return d.toMinutes() >= 60 ? d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min left"
                : d.toMinutes() + ":00 left";
    }

    @Test
    void aMentionAddedByHandIsStoredAndShown(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.clickOn("#addButton");
        waitUntil(() -> robot.lookup("#addText").tryQuery().isPresent());
        robot.clickOn("#addText").write("Your app charged me twice");
        robot.clickOn("#addUrl").write("https://facebook.com/post/77");
        robot.clickOn("#addPlatform").write("facebook");
        robot.clickOn("#addAuthor").write("Maria Lopez");
        robot.interact(() -> robot.lookup("#addTime").queryAs(TextField.class).setText("08:50"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.isDefaultButton()).queryButton());
        waitUntil(() -> list(robot).getItems().size() == 31);
        Mention added = inbox().list(outage.id(), InboxQuery.all()).stream()
                .filter(m -> "Maria Lopez".equals(m.author())).findFirst().orElseThrow();
        assertThat(added.text()).isEqualTo("Your app charged me twice");
        assertThat(added.importedFrom()).isNull();
        assertThat(added.publishedAt().atZone(context.formats().zone()).toLocalTime().toString()).isEqualTo("08:50");
    }

    @Test
    void theShortcutSheetListsTheKeys(FxRobot robot) throws TimeoutException {
        openInbox(robot, 30);
        robot.clickOn("#mentionList .list-cell");
        robot.write('?');
        waitUntil(() -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        assertThat(robot.lookup("#shortcutSheet .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Hide (never deleted)", "Escalate", "Write the reply");
        press(robot, KeyCode.ESCAPE);
    }
}
