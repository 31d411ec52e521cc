package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.list;
import static io.crisisconsole.testsupport.UiTests.text;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.LengthOnlyChecker;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The composer driven from the case workspace, with a test-only checker that counts characters. */
@Tag("ui")
class ComposerUiTest extends MainWindowTestBase {

    CrisisCase outage;
    Contact anna;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, Clock.systemUTC(), new LengthOnlyChecker());
    }

    @Override
    protected void seed() {
        Services services = context.services();
        outage = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak",
                "CheckoutStatus", "https://status.example.com"), "anna");
        long playbook = services.playbooks().find("service-outage", "en").orElseThrow().id();
        services.casePlaybooks().assign(outage.id(), playbook, "anna");
        anna = services.contacts().create(new ContactDetails("Anna Nowak", "Head of PR", null,
                List.of(), List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM),
                null));
    }

    @SuppressWarnings("unchecked")
    @Test
    void composeCheckApprovePublishAndSeeItInTheTimeline(FxRobot robot) throws TimeoutException {
        ListView<CrisisCase> cases = list(robot, "#caseList");
        waitUntil(() -> cases.getItems().size() == 1);
        robot.clickOn(robot.lookup("Checkout outage").queryLabeled());
        waitUntil(() -> robot.lookup("#composeButton").tryQuery().map(n -> n.isVisible()).orElse(false));

        robot.clickOn("#composeButton");
        waitUntil(() -> robot.lookup("#newDraftButton").tryQuery().isPresent());
        Button approve = robot.lookup("#approveButton").queryButton();
        assertThat(label(robot, "#draftStatusLabel")).startsWith("No draft yet");

        robot.clickOn("#newDraftButton");
        waitUntil(() -> robot.lookup("#draftTitleField").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        waitUntil(() -> !text(robot, "#variant-x").isEmpty());

        // the X variant starts from the playbook's template, with the case's hub and hashtag filled in
        assertThat(text(robot, "#variant-x")).startsWith("We know {{issue}}.")
                .contains("https://status.example.com #CheckoutStatus");
        assertThat(label(robot, "#draftStatusLabel")).startsWith("Draft");
        ComboBox<Draft> draftChoice = robot.lookup("#draftChoice").queryComboBox();
        assertThat(draftChoice.getValue()).as("the new draft is shown in the box").isNotNull();

        robot.clickOn("#whatHappenedText").write("Card payments fail at checkout");
        robot.clickOn("#whatYouShouldDoText").write("Pay by bank transfer meanwhile.");
        robot.clickOn("#fillButton");
        waitUntil(() -> text(robot, "#variant-x").startsWith("We know card payments fail at checkout."));
        String x = text(robot, "#variant-x");
        waitUntil(() -> label(robot, "#counter-x").equals(x.length() + " / 280"));
        assertThat(label(robot, "#counter-sms")).matches("\\d+ / 160 GSM-7 \u00b7 1 SMS part of 1");
        // every channel and its state in one list, the call-centre script too, without scrolling a tab strip
        VBox channels = robot.lookup("#channelList").queryAs(VBox.class);
        assertThat(channels.getChildren()).extracting(javafx.scene.Node::getId)
                .containsExactly(Arrays.stream(Channel.values()).map(c -> "channel-" + c.yamlName()).toArray(String[]::new));
        javafx.scene.Node callCentre = robot.lookup("#channel-call-centre").query();
        assertThat(callCentre.localToScene(callCentre.getBoundsInLocal()).getMaxY())
                .as("the last channel is in view at 1280x800").isLessThanOrEqualTo(callCentre.getScene().getHeight());
        // choosing a channel shows its editor; Down moves to the next
        robot.clickOn("#channel-sms");
        // (the editor of each channel is the text area's parent, shown or hidden whole)
        assertThat(robot.lookup("#variant-sms").query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#variant-x").query().getParent().isVisible()).isFalse();
        robot.type(javafx.scene.input.KeyCode.DOWN);
        assertThat(robot.lookup("#variant-email").query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#variant-sms").query().getParent().isVisible()).isFalse();
        robot.clickOn("#channel-x");

        // over the limit: an error under the variant, approval blocked; clicking it selects the extra text
        TextArea xArea = robot.lookup("#variant-x").queryAs(TextArea.class);
        robot.interact(() -> xArea.appendText(" " + "More details follow on the hub. ".repeat(6)));
        ListView<Finding> xFindings = list(robot, "#findings-x");
        waitUntil(() -> xFindings.getItems().size() == 1);
        assertThat(label(robot, "#checkSummaryLabel")).contains("1 error").contains("approval is blocked");
        robot.clickOn("#submitButton");
        waitUntil(() -> label(robot, "#draftStatusLabel").startsWith("In review"));
        ComboBox<Contact> approver = robot.lookup("#approverChoice").queryComboBox();
        robot.interact(() -> approver.getSelectionModel().select(0));
        assertThat(approve.isDisabled()).as("errors block approval").isTrue();
        robot.interact(() -> xFindings.getSelectionModel().select(0));
        assertThat(xArea.getSelection().getStart()).isEqualTo(280);
        assertThat(xArea.getSelection().getEnd()).isEqualTo(xArea.getLength());

        robot.interact(() -> xArea.setText(x));
        waitUntil(() -> xFindings.getItems().isEmpty() && !approve.isDisabled());
        assertThat(label(robot, "#checkSummaryLabel")).isEqualTo("Checks clean");

        robot.clickOn("#copy-x");
        robot.interact(() -> assertThat(Clipboard.getSystemClipboard().getString()).isEqualTo(x));

        robot.clickOn(approve);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).startsWith("Approve version 2 of \u201cHolding statement").endsWith("\u201d as Anna Nowak?");
        robot.clickOn((Button) confirm.lookupButton(ButtonType.OK));
        waitUntil(() -> label(robot, "#draftStatusLabel").startsWith("Approved by Anna Nowak"));
        assertThat(draftChoice.getValue().status()).isEqualTo(DraftStatus.APPROVED);

        robot.clickOn("#publishButton"); // X, at the time shown (now)
        waitUntil(() -> label(robot, "#publishedLabel").startsWith("Published: X "));

        // the case workspace shows it
        ListView<TimelineEntry> timeline = list(robot, "#timelineList");
        waitUntil(() -> timeline.getItems().stream().anyMatch(e -> e.kind() == EntryKind.MESSAGE_PUBLISHED));
        TimelineEntry published = timeline.getItems().stream().filter(e -> e.kind() == EntryKind.MESSAGE_PUBLISHED)
                .findFirst().orElseThrow();
        assertThat(published.body()).startsWith("X (").endsWith("): " + x);
        assertThat(timeline.getItems()).extracting(TimelineEntry::body)
                .anyMatch(b -> b.startsWith("Message \u201cHolding statement") && b.contains("approved by Anna Nowak"));

        DraftService drafts = context.services().drafts();
        Draft stored = drafts.list(outage.id()).get(0);
        assertThat(stored.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(drafts.content(stored.id()).core().whatHappened()).isEqualTo("Card payments fail at checkout");
        assertThat(drafts.versions(stored.id())).hasSizeGreaterThanOrEqualTo(2);
    }
}
