package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.signals.ui.ChartsViewModel;
import io.crisisconsole.signals.ui.EscalationViewModel;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Label;
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
    CrisisCase outage;
    final SignalsPanesFixture panes = new SignalsPanesFixture();
    EscalationViewModel escalation;
    ChartsViewModel charts;

    @Override
    protected AppContext open(DataHome home) {
        return AppContext.open(home, clock);
    }

    @Override
    protected void seed() {
        outage = SignalsPanesFixture.seed(context.services(), NOW, clock::set);
    }

    private void showPanes(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setScene(panes.scene(context, width, height));
            escalation = panes.escalation;
            charts = panes.charts;
            panes.select(context, outage);
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
        // one point per bucket with a known sentiment (all but the quarter in progress, which has no mention yet)
        assertThat(sentiment.getData()).hasSize(3).allSatisfy(s -> assertThat(s.getData()).hasSize(buckets - 1));
        // mention i is negative, negative, neutral, positive in turn: of 09:45's i = 0..44, 23 negative
        assertThat(sentiment.getData().get(0).getData().get(3).getYValue().doubleValue())
                .isCloseTo(100.0 * 23 / 45, org.assertj.core.api.Assertions.within(1e-9));
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
