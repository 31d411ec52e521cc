package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.inbox.InboxFixture;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.ScriptedFilePicker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole inbox as a person on shift uses it, headless: import a listening tool's export through
 * the Import button, triage from the keyboard, answer one mention in public from the reply pane,
 * and see its clock stop.
 */
@Tag("ui")
class InboxFlowUiTest extends MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    final ScriptedFilePicker files = new ScriptedFilePicker();
    CrisisCase outage;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock, files);
    }

    @Override
    protected void seed() {
        outage = InboxFixture.caseWithPlaybook(context.services());
    }

    private InboxService inbox() {
        return context.services().inbox();
    }

    @SuppressWarnings("unchecked")
    private ListView<Long> list(FxRobot robot) {
        return robot.lookup("#mentionList").queryAs(ListView.class);
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Talkwalker's CSV export: UTF-8 with a BOM, its column names, ISO dates with an offset, an embedded newline. */
    private Path talkwalkerExport() throws Exception {
        StringBuilder b = new StringBuilder("\uFEFFurl,published,title,content,lang,source_type,extra_author_attributes.name,"
                + "extra_author_attributes.short_name,sentiment,reach,engagement\r\n");
        String[] texts = {"@ExampleShop my payment failed and the money is gone, refund please",
            "Is checkout down? I cannot pay", "journalist here, can we get a statement about the outage?",
            "\"Broken again\"\nthird time this week", "thanks for the quick fix!"};
        for (int i = 0; i < 5; i++) {
            b.append("https://twitter.com/u").append(i).append("/status/").append(1000 + i).append(',')
                    .append(NOW.minus(Duration.ofMinutes(50 - i * 5))).append(",,\"")
                    .append(texts[i].replace("\"", "\"\"")).append("\",en,TWITTER,User ").append(i).append(",@u")
                    .append(i).append(',').append(i == 4 ? 5 : -3).append(',').append(100 * (i + 1)).append(",0\r\n");
        }
        Path f = tmp.resolve("talkwalker.csv");
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void importTriageWithKeysAnswerInPublicAndTheClockStops(FxRobot robot) throws Exception {
        robot.clickOn("#navInbox");
        waitUntil(() -> robot.lookup("#mentionList").tryQuery().isPresent());
        waitUntil(() -> "No mentions yet".equals(robot.lookup("#emptyHeading").queryAs(Label.class).getText()));

        // import through the Import button: the preview dialog, then Import
        files.next = talkwalkerExport();
        robot.clickOn("#importButton");
        waitUntil(() -> robot.lookup("#importMentionsButton").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#importMentionsButton").queryButton().fire());
        waitUntil(() -> list(robot).getItems().size() == 5);
        List<Mention> stored = inbox().list(outage.id(), InboxQuery.all());
        assertThat(stored).hasSize(5);
        assertThat(stored).anyMatch(m -> m.text().equals("\"Broken again\"\nthird time this week"));

        // triage from the keyboard, due soonest first
        robot.clickOn("#mentionList .list-cell");
        Mention first = inbox().get(list(robot).getItems().get(0));
        long[] due = inbox().search(outage.id(), InboxQuery.all().sortedBy(io.crisisconsole.inbox.InboxSort.DUE_SOONEST));
        assertThat(first.id()).isEqualTo(due[0]);
        press(robot, KeyCode.DIGIT1);
        waitUntil(() -> !inbox().get(first.id()).typeSuggested());
        assertThat(inbox().get(first.id()).type()).isEqualTo(InboxType.COMPLAINT);
        // its new type may have moved it (another target): the focus went with it
        waitUntil(() -> first.id() == list(robot).getSelectionModel().getSelectedItem());
        int at = list(robot).getSelectionModel().getSelectedIndex();
        press(robot, at == 0 ? KeyCode.J : KeyCode.K);
        int other = list(robot).getSelectionModel().getSelectedIndex();
        assertThat(other).isEqualTo(at == 0 ? 1 : at - 1);
        long second = list(robot).getSelectionModel().getSelectedItem();
        press(robot, KeyCode.E);
        waitUntil(() -> inbox().get(second).state() == MentionState.ESCALATED);
        press(robot, at == 0 ? KeyCode.K : KeyCode.J);
        waitUntil(() -> first.id() == list(robot).getSelectionModel().getSelectedItem());
        assertThat(inbox().clock(inbox().get(first.id())).phase()).isIn(ResponseClock.Phase.RUNNING,
                ResponseClock.Phase.AMBER, ResponseClock.Phase.BREACHED);

        // R goes to the reply
        press(robot, KeyCode.R);
        waitUntil(() -> robot.lookup("#replyText").query().isFocused());
        assertThat(robot.lookup("#replyText").queryAs(javafx.scene.control.TextArea.class).getText())
                .as("the key is not the reply's first letter").isEmpty();
        // an answer in public that went out 20 minutes after the mention: its clock stops there
        Instant sent = first.publishedAt().plus(Duration.ofMinutes(20));
        robot.write("We are sorry: payments failed for some of you. We are fixing it and will update you here.");
        TextField sentAt = robot.lookup("#sentAtField").queryAs(TextField.class);
        robot.interact(() -> sentAt.setText(context.formats().dayClock(sent)));
        waitUntil(() -> !robot.lookup("#recordButton").queryButton().isDisabled());
        assertThat(robot.lookup("#replyText").queryAs(javafx.scene.control.TextArea.class).getText())
                .startsWith("We are sorry");
        robot.clickOn("#recordButton");
        waitUntil(() -> inbox().get(first.id()).state() == MentionState.ANSWERED_PUBLIC);
        Mention answered = inbox().get(first.id());
        assertThat(answered.firstResponseAt()).isEqualTo(sent);
        ResponseClock stopped = inbox().clock(answered);
        assertThat(stopped.phase()).isEqualTo(ResponseClock.Phase.STOPPED);
        assertThat(stopped.firstResponse()).isEqualTo(Duration.ofMinutes(20));
        // answered leaves the "unanswered" list; under "any state" its row and the detail show the stopped clock
        waitUntil(() -> !list(robot).getItems().contains(first.id()));
        robot.interact(() -> robot.lookup("#stateFilter").queryAs(javafx.scene.control.ComboBox.class)
                .getSelectionModel().select(1));
        waitUntil(() -> list(robot).getItems().contains(first.id()));
        robot.interact(() -> list(robot).getSelectionModel().clearAndSelect(list(robot).getItems().indexOf(first.id())));
        waitUntil(() -> "Answered in 20 min".equals(robot.lookup("#clockLabel").queryAs(Label.class).getText()));
        // time passes: a stopped clock does not move
        clock.advance(Duration.ofHours(2));
        WaitForAsyncUtils.sleep(1200, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(robot.lookup("#clockLabel").queryAs(Label.class).getText()).isEqualTo("Answered in 20 min");
        assertThat(inbox().responses(first.id())).singleElement()
                .satisfies(r -> assertThat(r.sentAt()).isEqualTo(sent));
    }
}
