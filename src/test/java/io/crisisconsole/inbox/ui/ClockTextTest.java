package io.crisisconsole.inbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.toolkit.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockTextTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-14T08:00:00Z");
    final ClockText clocks = new ClockText(English.MESSAGES, new Formats(English.MESSAGES, ZoneOffset.UTC));

    private static Mention mention(MentionState state, Instant firstResponse) {
        return new Mention(1, 1, null, null, "x", "a", PUBLISHED, "t", "en", Sentiment.UNKNOWN, null, null,
                InboxType.COMPLAINT, true, 0, state, null, null, firstResponse, null, null, PUBLISHED, PUBLISHED);
    }

    private ResponseClock at(Duration afterPublished) {
        return ResponseClock.of(mention(MentionState.NEW, null), 60, PUBLISHED.plus(afterPublished));
    }

    @Test
    void underAnHourItTicksInMinutesAndSecondsFromAnHourInHoursAndMinutes() {
        assertThat(clocks.text(at(Duration.ofSeconds(1)))).isEqualTo("59:59 left");
        assertThat(clocks.text(at(Duration.ofMinutes(59).plusSeconds(58)))).isEqualTo("0:02 left");
        assertThat(clocks.text(at(Duration.ofMinutes(61).plusSeconds(7)))).isEqualTo("1:07 late");
        assertThat(clocks.text(at(Duration.ofMinutes(185)))).isEqualTo("2 h 05 min late");
        assertThat(ResponseClock.of(mention(MentionState.NEW, null), 180, PUBLISHED.plus(Duration.ofMinutes(10)))
                .remaining()).isEqualTo(Duration.ofMinutes(170));
        assertThat(clocks.text(ResponseClock.of(mention(MentionState.NEW, null), 180,
                PUBLISHED.plus(Duration.ofMinutes(10))))).isEqualTo("2 h 50 min left");
    }

    @Test
    void theColourIsAmberInTheLastQuarterRedFromTheDueTimeAndGreenForAnAnswerInTime() {
        assertThat(ClockText.styleOf(at(Duration.ofMinutes(44)))).isNull();
        assertThat(ClockText.styleOf(at(Duration.ofMinutes(45)))).isEqualTo("warning");
        assertThat(ClockText.styleOf(at(Duration.ofMinutes(60)))).isEqualTo("danger");
        ResponseClock inTime = ResponseClock.of(mention(MentionState.ANSWERED_PUBLIC,
                PUBLISHED.plus(Duration.ofMinutes(14))), 60, PUBLISHED.plus(Duration.ofHours(3)));
        assertThat(clocks.text(inTime)).isEqualTo("Answered in 14 min");
        assertThat(ClockText.styleOf(inTime)).isEqualTo("success");
        ResponseClock late = ResponseClock.of(mention(MentionState.ANSWERED_PUBLIC,
                PUBLISHED.plus(Duration.ofMinutes(75))), 60, PUBLISHED.plus(Duration.ofHours(3)));
        assertThat(clocks.text(late)).isEqualTo("Answered in 1 h 15 min");
        assertThat(ClockText.styleOf(late)).isEqualTo("text-muted");
        ResponseClock none = ResponseClock.of(mention(MentionState.HIDDEN, null), 60, PUBLISHED);
        assertThat(clocks.text(none)).isEmpty();
        assertThat(ClockText.styleOf(none)).isNull();
    }

    @Test
    void everyTypeStateSentimentSortAndShortcutHasItsText() {
        for (InboxType t : InboxType.values()) {
            assertThat(English.MESSAGES.has("inbox.type." + t.cliName())).as(t.name()).isTrue();
        }
        for (MentionState s : MentionState.values()) {
            assertThat(English.MESSAGES.has("inbox.state." + s.cliName())).as(s.name()).isTrue();
        }
        for (Sentiment s : Sentiment.values()) {
            assertThat(English.MESSAGES.has("inbox.sentiment." + s.name().toLowerCase(java.util.Locale.ROOT)))
                    .as(s.name()).isTrue();
        }
        for (io.crisisconsole.inbox.InboxSort s : io.crisisconsole.inbox.InboxSort.values()) {
            assertThat(English.MESSAGES.has("inbox.sort." + s.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'))).as(s.name()).isTrue();
        }
        for (String k : InboxDialogs.SHORTCUTS) {
            assertThat(English.MESSAGES.has("inbox.key." + k)).as(k).isTrue();
            assertThat(English.MESSAGES.has("inbox.key." + k + ".keys")).as(k).isTrue();
        }
        for (MentionState s : java.util.List.of(MentionState.RESOLVED, MentionState.IGNORED, MentionState.CORRECTED,
                MentionState.NEW)) {
            assertThat(English.MESSAGES.has("inbox.action.state." + s.cliName())).as(s.name()).isTrue();
        }
    }
}
