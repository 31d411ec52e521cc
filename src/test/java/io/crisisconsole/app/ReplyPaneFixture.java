package io.crisisconsole.app;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.ui.ReplyPaneController;
import io.crisisconsole.inbox.ui.ReplyViewModel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxOneShotTimer;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Tests only: a case on the bundled service-outage playbook with an approved core message, an X
 * mention added by hand and a saved reply; and the reply pane in a 1280×800 scene at the right of a
 * stand-in for the inbox list, as {@code inbox.fxml} places it.
 */
final class ReplyPaneFixture {

    static final String HUB = "https://status.example.com";
    static final String SAVED_NAME = "Sorry, hub has the latest";
    static final String SAVED_TEXT = "We're sorry for the trouble. The latest is on {{hub_url}} {{hashtag}}";

    final CrisisCase outage;
    final Mention mention;
    final long playbookId;

    private ReplyPaneFixture(CrisisCase outage, Mention mention, long playbookId) {
        this.outage = outage;
        this.mention = mention;
        this.playbookId = playbookId;
    }

    /** @param published when the mention was published */
    static ReplyPaneFixture seed(Services services, Instant published) {
        CrisisCase c = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                HUB), "anna");
        long playbook = services.playbooks().find("service-outage", "en").orElseThrow().id();
        services.casePlaybooks().assign(c.id(), playbook, "anna");
        Contact anna = services.contacts().create(new ContactDetails("Anna Nowak", "Head of PR", null, List.of(),
                List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
        DraftService drafts = services.drafts();
        Draft d = drafts.create(c.id(), "Holding statement", Stage.INVESTIGATING, new CoreMessage(
                "Card payments fail at checkout", "Engineers are rolling back the release",
                "Pay by bank transfer meanwhile", "16:30", true, List.of("refund within 5 working days")), "anna");
        Draft inReview = drafts.submitForReview(d.id(), d.version(), "anna");
        drafts.approve(d.id(), inReview.version(), anna.id(), new CheckReport(List.of(), List.of()), "anna");
        Mention m = services.inbox().addByHand(c.id(), "My card payment failed three times at checkout, useless!",
                "https://x.com/jane_doe/status/1865000000000000001", "twitter", "@jane_doe", published, "anna");
        m = services.inbox().setType(m.id(), InboxType.COMPLAINT, "anna");
        services.savedReplies().create(playbook, SAVED_NAME, SAVED_TEXT, InboxType.COMPLAINT, "anna");
        return new ReplyPaneFixture(c, m, playbook);
    }

    /** The pane's view-model over the context's services, as AppContext wires it (without the inbox binding). */
    static ReplyViewModel viewModel(AppContext context, Clock clock) {
        Services s = context.services();
        return new ReplyViewModel(s.inbox(), s.drafts(), s.cases(), s.playbooks(), s.casePlaybooks(),
                s.savedReplies(), AppContext.MESSAGE_CHECKER.get(), context.tasks(), context.notifier(),
                context.messages(), context.formats(), () -> "anna", clock, FxOneShotTimer::new);
    }

    /** The pane loaded from its FXML at the right of a 1280×800 scene, with the app's theme and style sheet. */
    static Scene scene(AppContext context, ReplyViewModel vm) {
        MainWindow.applyTheme(Theme.LIGHT);
        ViewLoader views = new ViewLoader(context.messages().bundle(), type -> new ReplyPaneController(vm));
        Parent pane = views.<Parent>load(FxmlView.INBOX_REPLY).root();
        BorderPane inbox = new BorderPane();
        inbox.setPadding(new Insets(16, 16, 12, 16));
        inbox.setTop(new Label(context.messages().get("inbox.heading")));
        inbox.setCenter(new VBox(new Label("(the inbox list)")));
        inbox.setRight(pane);
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(context.notifier().messageProperty());
        BorderPane root = new BorderPane(inbox);
        root.setBottom(status);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(MainWindow.APP_CSS))
                .toExternalForm());
        return scene;
    }

    static Instant minutesBefore(Clock clock, long minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }
}
