package io.crisisconsole.cases;

import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateCadenceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    final UpdateCadence.Rules rules = new UpdateCadence.Rules(30, 20, 120);
    final CrisisCase open = new CrisisCase(1, "Outage", 2, CaseStatus.ACTIVE, null, null, null, T0, null, T0, 0);
    final List<TimelineEntry> timeline = new ArrayList<>();

    private UpdateCadence.Status at(int minutes) {
        return UpdateCadence.status(open, timeline, rules, T0.plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC);
    }

    private void published(int minutes) {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        timeline.add(new TimelineEntry(timeline.size() + 1, 1, EntryKind.MESSAGE_PUBLISHED, "a", "posted", at, at, null, null, null));
    }

    @Test
    void theFirstPublicMessageIsDueByThePlaybooksTarget() {
        assertThat(at(10)).isEqualTo(new UpdateCadence.Status(
                "No public message yet \u2014 first one due by 09:30 (in 20 min)", false));
        assertThat(at(35)).isEqualTo(new UpdateCadence.Status(
                "No public message yet \u2014 first one due by 09:30 (5 min overdue)", true));
    }

    @Test
    void thenEveryTwentyMinutesForTheFirstTwoHours() {
        timeline.add(new TimelineEntry(1, 1, EntryKind.NOTE, "a", "not public", T0.plusSeconds(60), T0, null, null, null));
        published(12);
        assertThat(at(20).text()).isEqualTo("Last public message 09:12 (8 min ago) \u2014 next update due 09:32 "
                + "(in 12 min; every 20 min for the first 2 h)");
        assertThat(at(20).overdue()).isFalse();
        assertThat(at(40).overdue()).isTrue();
        assertThat(at(40).text()).contains("8 min overdue");
    }

    @Test
    void afterTheFirstHoursUpdatesFollowChanges() {
        published(110);
        assertThat(at(125).overdue()).as("due 130 is past the 2 h rhythm, but not yet").isFalse();
        assertThat(at(135)).isEqualTo(new UpdateCadence.Status(
                "Last public message 10:50 (25 min ago) \u2014 past the first 2 h: update when something changes", false));
    }

    @Test
    void aClosedCaseOwesNoUpdates() {
        CrisisCase closed = new CrisisCase(1, "Outage", 2, CaseStatus.RESOLVED, null, null, null, T0, T0, T0, 1);
        assertThat(UpdateCadence.status(closed, timeline, rules, T0.plusSeconds(9999), ZoneOffset.UTC))
                .isEqualTo(new UpdateCadence.Status("Case closed: no updates due", false));
    }
}
