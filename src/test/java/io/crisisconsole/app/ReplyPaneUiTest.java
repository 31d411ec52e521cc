package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.list;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionResponse;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.inbox.SavedReply;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.inbox.ui.ReplyStart;
import io.crisisconsole.inbox.ui.ReplyViewModel;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The reply pane of the inbox, driven in a 1280×800 window with the real message checks: for an X
 * mention typed in by hand on a case whose core message is approved. (The inbox list is built
 * elsewhere; the test sets the mention the list would select.)
 */
@Tag("ui")
class ReplyPaneUiTest extends MainWindowTestBase {

    /** The clock of the app, at a whole minute (the time field shows minutes). */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    ReplyPaneFixture fixture;
    ReplyViewModel vm;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        fixture = ReplyPaneFixture.seed(context.services(), ReplyPaneFixture.minutesBefore(clock, 40));
    }

    private void showPane(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            vm = ReplyPaneFixture.viewModel(context, clock);
            stage.setScene(ReplyPaneFixture.scene(context, vm));
            vm.mentionProperty().set(fixture.mention);
        });
        waitUntil(() -> vm.loadedProperty().get());
    }

    private void type(FxRobot robot, String reply) {
        TextArea area = robot.lookup("#replyText").queryAs(TextArea.class);
        robot.interact(() -> area.setText(reply));
    }

    private static List<String> codes(ListView<Finding> findings) {
        List<String> out = new ArrayList<>();
        findings.getItems().forEach(f -> out.add(f.code()));
        return out;
    }

    @Test
    void checksAsTypedBlockRecordingOnErrorsOnly(FxRobot robot) throws TimeoutException {
        showPane(robot);
        ListView<Finding> findings = list(robot, "#findingsList");
        Button record = robot.lookup("#recordButton").queryButton();
        assertThat(label(robot, "#planLabel"))
                .isEqualTo("Plan: answer in public first, then move to private · first answer within 1 h 00 min");
        assertThat(label(robot, "#guidanceLabel")).startsWith("Answer within 60 minutes in public");
        assertThat(robot.lookup("#factsNoteLabel").queryLabeled().isVisible()).as("a core message is approved")
                .isFalse();
        assertThat(record.isDisabled()).as("no text yet").isTrue();

        // over the X limit: the finding under the text, the counter in red, Record blocked
        String sorry = "@jane_doe We're sorry for the trouble. ";
        type(robot, sorry + "Please pay by bank transfer meanwhile. ".repeat(8));
        waitUntil(() -> codes(findings).contains("over-limit"));
        assertThat(label(robot, "#counterLabel")).matches("\\d+ / 280");
        assertThat(robot.lookup("#counterLabel").queryLabeled().getStyleClass()).contains("danger");
        assertThat(label(robot, "#checkSummaryLabel")).contains("1 error").endsWith("fix the errors to record");
        assertThat(record.isDisabled()).isTrue();

        // a forbidden phrase of the playbook
        type(robot, sorry + "But it is not our fault, please pay by bank transfer meanwhile.");
        waitUntil(() -> codes(findings).contains("forbidden-phrase"));
        assertThat(findings.getItems()).filteredOn(f -> f.code().equals("forbidden-phrase")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("'not our fault' is a forbidden phrase in this playbook"));
        assertThat(record.isDisabled()).isTrue();

        // a fact the approved core message does not have (it says 5 working days); the author's handle is known
        type(robot, sorry + "You get a refund within 10 working days; please pay by bank transfer meanwhile.");
        waitUntil(() -> codes(findings).contains("fact-mismatch"));
        assertThat(findings.getItems()).filteredOn(f -> f.code().equals("fact-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("'10' is not in the core message (numbers there: 5)"));
        assertThat(record.isDisabled()).isTrue();

        // no apology for a complaint, under a playbook that requires one: an error too
        type(robot, "@jane_doe You get a refund within 5 working days; please pay by bank transfer meanwhile.");
        waitUntil(() -> codes(findings).equals(List.of("missing-apology")));

        // facts and apology right: no errors (a warning would not block), Record enabled
        type(robot, sorry + "You get a refund within 5 working days; please pay by bank transfer meanwhile.");
        waitUntil(() -> findings.getItems().stream().noneMatch(f -> f.level() == Finding.Level.ERROR));
        assertThat(codes(findings)).doesNotContain("missing-hub-link", "missing-hashtag");
        waitUntil(() -> !record.isDisabled());

        // no approved core message any more: facts are not checked, and the pane says so
        Draft approved = context.services().drafts().list(fixture.outage.id()).get(0);
        context.services().drafts().reopen(approved.id(), approved.version(), "legal wants another look", "anna");
        robot.interact(() -> {
            vm.mentionProperty().set(null);
            vm.mentionProperty().set(fixture.mention);
        });
        waitUntil(() -> vm.loadedProperty().get());
        assertThat(label(robot, "#factsNoteLabel")).isEqualTo("No core message is approved yet: facts are not checked");
        type(robot, sorry + "You get a refund within 10 working days; please pay by bank transfer meanwhile.");
        waitUntil(() -> !record.isDisabled());
        assertThat(codes(findings)).doesNotContain("fact-mismatch");
    }

    @Test
    void aSavedReplyInsertsItsFilledTextAndTheRecordedPublicAnswerStopsTheClock(FxRobot robot)
            throws TimeoutException {
        showPane(robot);
        Formats formats = context.formats();
        InboxService inbox = context.services().inbox();
        Button record = robot.lookup("#recordButton").queryButton();
        RadioButton inPublic = robot.lookup("#publicChoice").queryAs(RadioButton.class);
        assertThat(inPublic.isSelected()).as("public first: no public answer yet").isTrue();
        assertThat(list(robot, "#answersList").getItems()).isEmpty();

        // saved replies of the playbook for complaints first, then the playbook's X templates
        ComboBox<ReplyStart> starts = robot.lookup("#startChoice").queryComboBox();
        assertThat(starts.getItems()).first().satisfies(s -> assertThat(s.saved().name())
                .isEqualTo(ReplyPaneFixture.SAVED_NAME));
        assertThat(starts.getItems()).filteredOn(s -> !s.isSaved()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.template().channel().yamlName()).isEqualTo("x"));
        robot.interact(() -> starts.getSelectionModel().select(0));
        robot.clickOn("#insertButton");
        String filled = "We're sorry for the trouble. The latest is on " + ReplyPaneFixture.HUB + " #CheckoutStatus";
        assertThat(text(robot, "#replyText")).isEqualTo(filled);

        // private with no public answer: the pane says public first
        robot.clickOn("#privateChoice");
        assertThat(robot.lookup("#privateFirstLabel").queryLabeled().isVisible()).isTrue();
        assertThat(label(robot, "#privateFirstLabel")).isEqualTo("Answer in public first, then move to private");
        robot.clickOn("#publicChoice");
        assertThat(robot.lookup("#privateFirstLabel").queryLabeled().isVisible()).isFalse();

        // the time it went out: refused in the future and before the mention, with what to do
        TextField sentAt = robot.lookup("#sentAtField").queryAs(TextField.class);
        assertThat(sentAt.getText()).as("now by default").isEqualTo(formats.dayClock(clock.instant()));
        robot.interact(() -> sentAt.setText(formats.dayClock(clock.instant().plus(Duration.ofMinutes(30)))));
        assertThat(label(robot, "#timeProblemLabel")).startsWith("That is in the future");
        assertThat(record.isDisabled()).isTrue();
        robot.interact(() -> sentAt.setText(formats.dayClock(fixture.mention.publishedAt().minus(Duration.ofMinutes(5)))));
        assertThat(label(robot, "#timeProblemLabel")).startsWith("That is before the mention was published");
        robot.interact(() -> sentAt.setText("half past"));
        assertThat(label(robot, "#timeProblemLabel")).startsWith("\u2018half past\u2019 is not a time like ");

        Instant sent = fixture.mention.publishedAt().plus(Duration.ofMinutes(12));
        robot.interact(() -> sentAt.setText(formats.dayClock(sent)));
        assertThat(robot.lookup("#timeProblemLabel").queryLabeled().isVisible()).isFalse();
        waitUntil(() -> !record.isDisabled());
        List<Mention> answered = new ArrayList<>();
        robot.interact(() -> vm.setOnAnswered(answered::add));
        robot.clickOn(record);

        ListView<MentionResponse> answers = list(robot, "#answersList");
        waitUntil(() -> answers.getItems().size() == 1);
        assertThat(answers.getItems().get(0).visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(answers.getItems().get(0).sentAt()).isEqualTo(sent);
        assertThat(answers.getItems().get(0).text()).isEqualTo(filled);
        assertThat(answers.getItems().get(0).sentBy()).isEqualTo("anna");
        assertThat(text(robot, "#replyText")).as("cleared after recording").isEmpty();
        assertThat(robot.lookup("#privateChoice").queryAs(RadioButton.class).isSelected())
                .as("next: move to private").isTrue();
        assertThat(robot.lookup("#privateFirstLabel").queryLabeled().isVisible()).isFalse();
        assertThat(answered).singleElement().satisfies(m -> assertThat(m.state()).isEqualTo(MentionState.ANSWERED_PUBLIC));

        Mention stored = inbox.get(fixture.mention.id());
        ResponseClock clockOfMention = inbox.clock(stored);
        assertThat(clockOfMention.phase()).isEqualTo(ResponseClock.Phase.STOPPED);
        assertThat(clockOfMention.firstResponse()).isEqualTo(Duration.ofMinutes(12));
        assertThat(stored.firstResponseAt()).isEqualTo(sent);
        assertThat(label(robot, "#statusLine")).startsWith("Answer recorded (in public, went out ");
    }

    @Test
    void theReplyIsSavedForThePlaybookUnderANameAndDeletedAgain(FxRobot robot) throws TimeoutException {
        showPane(robot);
        type(robot, "Thanks for your patience, {{hub_url}} has every update.");
        robot.clickOn("#saveReplyButton");
        waitUntil(() -> robot.lookup("#savedReplyNameField").tryQuery().isPresent());
        robot.clickOn("#savedReplyNameField").write("Patience");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));

        ComboBox<ReplyStart> starts = robot.lookup("#startChoice").queryComboBox();
        waitUntil(() -> starts.getItems().stream().anyMatch(s -> s.isSaved() && s.saved().name().equals("Patience")));
        List<SavedReply> stored = context.services().savedReplies().list(fixture.playbookId);
        assertThat(stored).extracting(SavedReply::name).containsExactly("Patience", ReplyPaneFixture.SAVED_NAME);
        assertThat(stored.get(0).text()).isEqualTo("Thanks for your patience, {{hub_url}} has every update.");

        // the same name again: refused, the reason in the status line
        robot.clickOn("#saveReplyButton");
        waitUntil(() -> robot.lookup("#savedReplyNameField").tryQuery().isPresent());
        robot.clickOn("#savedReplyNameField").write("patience");
        robot.clickOn((Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitUntil(() -> label(robot, "#statusLine").contains("already has a saved reply named 'patience'"));

        ReplyStart patience = starts.getItems().stream().filter(s -> s.isSaved() && s.saved().name().equals("Patience"))
                .findFirst().orElseThrow();
        robot.interact(() -> starts.getSelectionModel().select(patience));
        robot.clickOn("#deleteSavedButton");
        robot.clickOn((Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitUntil(() -> starts.getItems().stream().noneMatch(s -> s.isSaved() && s.saved().name().equals("Patience")));
        assertThat(context.services().savedReplies().list(fixture.playbookId)).extracting(SavedReply::name)
                .containsExactly(ReplyPaneFixture.SAVED_NAME);
    }
}
