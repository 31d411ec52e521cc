package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.LengthOnlyChecker;
import io.crisisconsole.testsupport.ManualTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The composer's live check: scheduling, the published report and findings, and what the checks know. */
class ComposerChecksTest {

    final ManualTimer timer = new ManualTimer();
    final AtomicReference<DraftContent> content = new AtomicReference<>(DraftContent.empty());
    final List<MessageContext> contexts = new ArrayList<>();
    final ComposerChecks checks = new ComposerChecks(new LengthOnlyChecker(), English.MESSAGES, timer, content::get,
            () -> {
                MessageContext c = new MessageContext("en", null, null, false, java.util.Map.of());
                contexts.add(c);
                return c;
            });

    @Test
    void aChangeChecksOnceTheDelayIsOverAndFurtherChangesDoNotPushItBack() {
        assertThat(timer.delay).isEqualTo(Duration.ofMillis(150));
        checks.changed();
        checks.changed();
        assertThat(timer.countdownsStarted).isEqualTo(1);
        assertThat(contexts).as("not checked yet").isEmpty();

        content.set(DraftContent.empty().withText(Channel.X, "x".repeat(281)));
        timer.fire();

        assertThat(contexts).hasSize(1);
        assertThat(checks.findings(Channel.X)).extracting(Finding::code).containsExactly("over-limit");
        assertThat(checks.hasErrorsProperty().get()).isTrue();
        assertThat(checks.count(Channel.X)).map(c -> c.length()).contains(281);
    }

    @Test
    void aCheckNowDropsTheOneThatWasDueAndWatchersSeeMatchingFindings() {
        List<Integer> seen = new ArrayList<>();
        checks.reportProperty().addListener((o, a, r) -> seen.add(checks.findings(Channel.SMS).size()));
        checks.changed();
        content.set(DraftContent.empty().withText(Channel.SMS, "s".repeat(200)));

        CheckReport r = checks.recheck();

        assertThat(timer.isRunning()).isFalse();
        assertThat(r.findings()).hasSize(1);
        assertThat(seen).as("the findings are updated before the report is seen").containsExactly(1);

        content.set(DraftContent.empty());
        checks.recheck();
        assertThat(checks.findings(Channel.SMS)).isEmpty();
        assertThat(checks.hasErrorsProperty().get()).isFalse();
    }

    @Test
    void cancelDropsADueCheck() {
        checks.changed();
        checks.cancel();
        assertThat(timer.isRunning()).isFalse();
    }

    @Test
    void theFindingsAreReadOnly() {
        assertThatThrownBy(() -> checks.findings(Channel.X).setAll(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutAPlaybookTheChecksKnowOnlyTheCase() {
        CrisisCase c = new CrisisCase(1, "Outage", 2, CaseStatus.OPEN, null, "#Tag", "https://hub.example", Instant.EPOCH,
                null, Instant.EPOCH, 0);

        MessageContext m = ComposerChecks.context(c, null, false);

        assertThat(m).isEqualTo(new MessageContext("en", "#Tag", "https://hub.example", false, java.util.Map.of()));
        assertThat(ComposerChecks.context(c, null, true).apologyRequired()).isTrue();
    }

    @Test
    void countersGroupThousandsAndTheSmsCounterShowsItsLimit() {
        assertThat(checks.counterText(new ChannelCount(Channel.FACEBOOK, 0, 63206, 0, null)))
                .isEqualTo("0 / 63,206");
        assertThat(checks.counterText(new ChannelCount(Channel.LINKEDIN, 1234, 3000, 0, null)))
                .isEqualTo("1,234 / 3,000");
        assertThat(checks.counterText(new ChannelCount(Channel.EMAIL, 12345, 0, 0, null)))
                .isEqualTo("12,345 characters");
        assertThat(checks.counterText(new ChannelCount(Channel.SMS, 1530, 1530, 10, "GSM-7", 10)))
                .isEqualTo("1,530 / 1,530 GSM-7 \u00b7 10 SMS parts of 10");
        assertThat(checks.counterText(new ChannelCount(Channel.SMS, 115, 459, 1, "GSM-7", 3)))
                .isEqualTo("115 / 459 GSM-7 \u00b7 1 SMS part of 3");
        assertThat(checks.counterText(new ChannelCount(Channel.SMS, 12, 0, 1, "UCS-2", 0)))
                .isEqualTo("12 UCS-2 \u00b7 1 SMS part");
    }

    @Test
    void aFindingReadsWithoutItsInternalCode() {
        Finding f = new Finding(Channel.X, "fact-mismatch", Finding.Level.ERROR, 0, 5,
                "'16:00' is not in the core message (times there: 16:30)");
        assertThat(ComposerChecks.text(f)).isEqualTo("'16:00' is not in the core message (times there: 16:30)")
                .doesNotContain("fact-mismatch");
    }
}
