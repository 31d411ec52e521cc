package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.signals.ui.ChartsController;
import io.crisisconsole.signals.ui.ChartsViewModel;
import io.crisisconsole.signals.ui.EscalationController;
import io.crisisconsole.signals.ui.EscalationViewModel;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.inbox.InboxFixture;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The escalation prompt and the charts, side by side in a 1280×800 window as a workspace would place
 * them: a case on the service-outage playbook with 142 mentions in the last hour (threshold 100),
 * some answered, and one publication on X.
 */
@Tag("ui")
class SignalsPanesUiTest extends MainWindowTestBase {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    final MutableClock clock = new MutableClock(NOW.minus(Duration.ofMinutes(70)));
    final SimpleObjectProperty<CrisisCase> selected = new SimpleObjectProperty<>();
    CrisisCase outage;
    EscalationViewModel escalation;
    ChartsViewModel charts;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        Services s = context.services();
        outage = InboxFixture.caseWithPlaybook(s);
        Contact erik = s.contacts().create(new ContactDetails("Erik Berg", "CEO", null, List.of(),
                List.of("erik@example.com"), List.of(), null, null, null, Set.of(ContactGroup.EXECUTIVES), null));
        clock.set(NOW.minus(Duration.ofMinutes(30)));
        Draft d = s.drafts().create(outage.id(), "Holding statement", Stage.INVESTIGATING, new CoreMessage(
                "Card payments fail at checkout", "Engineers are rolling back the release",
                "Pay by bank transfer meanwhile", "16:30", true, List.of()), "anna");
        Draft inReview = s.drafts().submitForReview(d.id(), d.version(), "anna");
        s.drafts().approve(d.id(), inReview.version(), erik.id(), new CheckReport(List.of(), List.of()), "anna");
        s.drafts().markPublished(d.id(), Channel.X, clock.instant(), "anna");
        clock.set(NOW);
        List<IncomingMention> rows = new ArrayList<>();
        Sentiment[] sentiments = {Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE};
        for (int i = 0; i < 142; i++) {
            rows.add(new IncomingMention(i + 2, "m" + i, "https://x.com/p/" + i, "x", "user" + i,
                    NOW.minusSeconds(20L * i + 5), "Checkout broken " + i, "en", sentiments[i % 4], null, null));
        }
        s.inbox().importMentions(outage.id(), "export.csv", rows, "anna");
        List<Mention> stored = s.inbox().list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        for (int i = 0; i < stored.size(); i += 10) {
            Mention m = stored.get(i);
            if (m.publishedAt().plusSeconds(240).isAfter(NOW)) {
                continue;
            }
            s.inbox().recordAnswer(m.id(), Visibility.PUBLIC, m.publishedAt().plusSeconds(240), "On it.", "anna");
        }
        outage = s.cases().get(outage.id());
    }

    private void showPanes(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            escalation = new EscalationViewModel(context.services().escalations(), context.tasks(),
                    context.notifier(), context.messages(), () -> "anna", selected, context.ticker(), c -> {
                    });
            charts = new ChartsViewModel(context.services().inbox(), context.services().drafts(), context.tasks(),
                    context.notifier(), context.messages(), selected, context.ticker());
            ViewLoader views = new ViewLoader(context.messages().bundle(), type -> type == EscalationController.class
                    ? new EscalationController(escalation, context.messages())
                    : new ChartsController(charts, context.messages(), context.formats()));
            Parent prompt = views.<Parent>load(FxmlView.WORKSPACE_ESCALATION).root();
            Parent chartPane = views.<Parent>load(FxmlView.WORKSPACE_CHARTS).root();
            MainWindow.applyTheme(Theme.LIGHT);
            ((javafx.scene.layout.Region) prompt).setPrefWidth(380);
            ((javafx.scene.layout.Region) prompt).setMinWidth(380);
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
            stage.setScene(scene);
            context.ticker().tick();
            selected.set(outage);
        });
    }

    @Test
    void aThresholdMetPromptsAndAcceptingRaisesTheSeverityAndWritesTheTimeline(FxRobot robot) throws TimeoutException {
        showPanes(robot, 1280, 800);
        waitUntil(() -> !escalation.proposals().isEmpty());
        Label met = robot.lookup("#escalation-0 .escalation-met").queryAs(Label.class);
        assertThat(met.getText()).isEqualTo("142 mentions in the last hour, threshold 100");
        assertThat(robot.lookup("#escalation-0 .escalation-proposed").queryAs(Label.class).getText())
                .isEqualTo("Proposed: raise the severity to SEV1 Critical (now SEV2 High)");
        assertThat(robot.lookup("#escalation-0 .escalation-notify").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Executive sponsor: Erik Berg",
                        "Spokesperson: nobody on the call list (add contacts to the role)");

        robot.clickOn("#escalationAccept-0");
        waitUntil(() -> context.services().cases().get(outage.id()).severity() == 1);
        List<TimelineEntry> entries = context.services().timeline().list(outage.id());
        assertThat(entries).extracting(TimelineEntry::eventCode).contains("escalation.accepted", "case.updated");
        TimelineEntry accepted = entries.stream().filter(e -> "escalation.accepted".equals(e.eventCode()))
                .findFirst().orElseThrow();
        assertThat(accepted.eventArgs()).containsEntry("roles", "executive-sponsor, spokesperson")
                .containsEntry("from", 2).containsEntry("to", 1);
        waitUntil(() -> robot.lookup("#escalation-0").tryQuery().isEmpty() && !escalation.busyProperty().get());
        assertThat(escalation.proposals()).isEmpty();
    }

    @Test
    void theChartsHaveOnePointPerBucket(FxRobot robot) throws TimeoutException {
        showPanes(robot, 1280, 800);
        waitUntil(() -> charts.figuresProperty().get() != null);
        int buckets = charts.figuresProperty().get().buckets().size();
        // mention i at 10:00 - (20 i + 5) s: 09:45-10:00 holds i = 0..44, 09:30 i = 45..89, 09:15 i = 90..134,
        // 09:00 i = 135..141 (the oldest at 09:12:55), and the quarter in progress from 10:00 none yet
        assertThat(buckets).isEqualTo(5);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> mentions = robot.lookup(".mentions-chart").queryAs(LineChart.class);
        assertThat(mentions.getData()).hasSize(2);
        assertThat(mentions.getData().get(0).getData()).hasSize(buckets);
        assertThat(mentions.getData().get(0).getData()).extracting(p -> p.getYValue().longValue())
                .containsExactly(7L, 45L, 45L, 45L, 0L);
        assertThat(mentions.getData().get(1).getData()).as("one publication on X").hasSize(1);
        assertThat(((Label) mentions.getData().get(1).getData().get(0).getNode()).getText()).isEqualTo("X");
        @SuppressWarnings("unchecked")
        StackedAreaChart<Number, Number> sentiment = robot.lookup(".sentiment-chart").queryAs(StackedAreaChart.class);
        assertThat(sentiment.getData()).hasSize(3).allSatisfy(s -> assertThat(s.getData()).hasSize(buckets));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> responses = robot.lookup(".responses-chart").queryAs(LineChart.class);
        long answeredBuckets = charts.figuresProperty().get().buckets().stream().filter(b -> b.answered() > 0).count();
        assertThat(responses.getData().get(0).getData()).hasSize((int) answeredBuckets);
        assertThat(responses.getData().get(0).getData()).allSatisfy(p -> assertThat(p.getYValue().doubleValue())
                .isEqualTo(4.0));
        assertThat(responses.getData().get(1).getData()).extracting(p -> p.getYValue().intValue())
                .containsExactly(60, 60);
    }
}
