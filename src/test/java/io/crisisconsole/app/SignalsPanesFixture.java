package io.crisisconsole.app;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.inbox.InboxFixture;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.signals.ui.ChartsController;
import io.crisisconsole.signals.ui.ChartsViewModel;
import io.crisisconsole.signals.ui.EscalationController;
import io.crisisconsole.signals.ui.EscalationViewModel;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Tests only: a case on the service-outage playbook (100 mentions an hour) with 142 mentions in the
 * hour before {@code now} (half negative), every tenth older than four minutes answered after four
 * minutes, one publication on X and a CEO in the executives group; and the escalation prompt and
 * the charts side by side in a scene, as a workspace would place them.
 */
final class SignalsPanesFixture {

    final SimpleObjectProperty<CrisisCase> selected = new SimpleObjectProperty<>();
    EscalationViewModel escalation;
    ChartsViewModel charts;

    /**
     * @param setClock moves the app's clock (to write the publication half an hour before now), or
     *        does nothing for a real clock (the publication is then now)
     */
    static CrisisCase seed(Services s, Instant now, Consumer<Instant> setClock) {
        CrisisCase outage = InboxFixture.caseWithPlaybook(s);
        Contact erik = s.contacts().create(new ContactDetails("Erik Berg", "CEO", null, List.of(),
                List.of("erik@example.com"), List.of(), null, null, null, Set.of(ContactGroup.EXECUTIVES), null));
        setClock.accept(now.minus(Duration.ofMinutes(30)));
        Draft d = s.drafts().create(outage.id(), "Holding statement", Stage.INVESTIGATING, new CoreMessage(
                "Card payments fail at checkout", "Engineers are rolling back the release",
                "Pay by bank transfer meanwhile", "16:30", true, List.of()), "anna");
        Draft inReview = s.drafts().submitForReview(d.id(), d.version(), "anna");
        Draft approved = s.drafts().approve(d.id(), inReview.version(), erik.id(), new CheckReport(List.of(),
                List.of()), "anna");
        s.drafts().markPublished(approved.id(), Channel.X, approved.approvedAt(), "anna");
        setClock.accept(now);
        List<IncomingMention> rows = new ArrayList<>();
        Sentiment[] sentiments = {Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE};
        for (int i = 0; i < 142; i++) {
            rows.add(new IncomingMention(i + 2, "m" + i, "https://x.com/p/" + i, "x", "user" + i,
                    now.minusSeconds(20L * i + 5), "Checkout broken " + i, "en", sentiments[i % 4], null, null));
        }
        s.inbox().importMentions(outage.id(), "export.csv", rows, "anna");
        List<Mention> stored = s.inbox().list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        for (int i = 0; i < stored.size(); i += 10) {
            Mention m = stored.get(i);
            if (!m.publishedAt().plusSeconds(240).isAfter(now)) {
                s.inbox().recordAnswer(m.id(), Visibility.PUBLIC, m.publishedAt().plusSeconds(240), "On it.", "anna");
            }
        }
        return s.cases().get(outage.id());
    }

    /** The two panes over the context's services, in a scene of {@code width} × {@code height}; on the FX thread. */
    Scene scene(AppContext context, double width, double height) {
        escalation = new EscalationViewModel(context.services().escalations(), context.tasks(), context.tasks(), context.notifier(),
                context.messages(), () -> "anna", selected, context.ticker(), c -> {
                });
        charts = new ChartsViewModel(context.services().inbox(), context.services().drafts(), context.tasks(),
                context.notifier(), context.messages(), selected, context.ticker());
        ViewLoader views = new ViewLoader(context.messages().bundle(), type -> type == EscalationController.class
                ? new EscalationController(escalation, context.messages())
                : new ChartsController(charts, context.messages(), context.formats()));
        Region prompt = views.<Region>load(FxmlView.WORKSPACE_ESCALATION).root();
        Parent chartPane = views.<Parent>load(FxmlView.WORKSPACE_CHARTS).root();
        MainWindow.applyTheme(Theme.LIGHT);
        prompt.setPrefWidth(380);
        prompt.setMinWidth(380);
        HBox row = new HBox(16, prompt, chartPane);
        HBox.setHgrow(chartPane, Priority.ALWAYS);
        row.setPadding(new Insets(16));
        Label status = new Label();
        status.textProperty().bind(context.notifier().messageProperty());
        BorderPane root = new BorderPane(row);
        root.setBottom(status);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(MainWindow.APP_CSS))
                .toExternalForm());
        return scene;
    }

    /** Shows {@code c} in both panes (the ticker read first, so they count up to the clock's now). */
    void select(AppContext context, CrisisCase c) {
        context.ticker().tick();
        selected.set(c);
    }
}
