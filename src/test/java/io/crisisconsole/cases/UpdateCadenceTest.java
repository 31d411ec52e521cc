package io.crisisconsole.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.UpdateCadence.State;
import io.crisisconsole.playbooks.ui.CadenceText;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rhythm as a structure, and as the window words it in English (UTC clock). */
class UpdateCadenceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    final UpdateCadence.Rules rules = new UpdateCadence.Rules(30, 20, 120);
    final CrisisCase open = new CrisisCase(1, "Outage", 2, CaseStatus.ACTIVE, null, null, null, T0, null, T0, 0);
    final List<TimelineEntry> timeline = new ArrayList<>();
    final CadenceText english = new CadenceText(English.MESSAGES, new Formats(English.MESSAGES, ZoneOffset.UTC));

    private UpdateCadence.Status at(int minutes) {
        return UpdateCadence.status(open, timeline, rules, T0.plus(Duration.ofMinutes(minutes)));
    }

    private String text(int minutes) {
        return english.render(at(minutes));
    }

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private void published(int minutes) {
        Instant at = t(minutes);
        timeline.add(new TimelineEntry(timeline.size() + 1, 1, EntryKind.MESSAGE_PUBLISHED, "a", "posted", at, at, null, null, null));
    }

    @Test
    void theFirstPublicMessageIsDueByThePlaybooksTarget() {
        assertThat(at(10)).isEqualTo(new UpdateCadence.Status(State.FIRST_DUE, null, t(30), false, 0, 20, rules));
        assertThat(text(10)).isEqualTo("No public message yet \u2014 first one due by 09:30 (in 20 min)");
        assertThat(at(35)).isEqualTo(new UpdateCadence.Status(State.FIRST_DUE, null, t(30), true, 0, -5, rules));
        assertThat(text(35)).isEqualTo("No public message yet \u2014 first one due by 09:30 (5 min overdue)");
        assertThat(text(30)).isEqualTo("No public message yet \u2014 first one due by 09:30 (now)");
    }

    @Test
    void thenEveryTwentyMinutesForTheFirstTwoHours() {
        timeline.add(new TimelineEntry(1, 1, EntryKind.NOTE, "a", "not public", T0.plusSeconds(60), T0, null, null, null));
        published(12);
        assertThat(at(20)).isEqualTo(new UpdateCadence.Status(State.RHYTHM, t(12), t(32), false, 8, 12, rules));
        assertThat(text(20)).isEqualTo("Last public message 09:12 (8 min ago) \u2014 next update due 09:32 "
                + "(in 12 min; every 20 min for the first 2 h)");
        assertThat(at(20).overdue()).isFalse();
        assertThat(at(40).overdue()).isTrue();
        assertThat(text(40)).contains("8 min overdue");
        assertThat(text(12)).startsWith("Last public message 09:12 (just now)");
    }

    @Test
    void afterTheFirstHoursUpdatesFollowChanges() {
        published(110);
        assertThat(at(125).overdue()).as("due 130 is past the 2 h rhythm, but not yet").isFalse();
        assertThat(at(135)).isEqualTo(new UpdateCadence.Status(State.CHANGES_ONLY, t(110), null, false, 25, 0, rules));
        assertThat(text(135)).isEqualTo(
                "Last public message 10:50 (25 min ago) \u2014 past the first 2 h: update when something changes");
    }

    @Test
    void aRhythmOfPartHoursIsInMinutes() {
        UpdateCadence.Rules ninety = new UpdateCadence.Rules(30, 20, 90);
        published(100);
        assertThat(english.render(UpdateCadence.status(open, timeline, ninety, t(130))))
                .endsWith("past the first 90 min: update when something changes");
    }

    @Test
    void aClosedCaseOwesNoUpdates() {
        CrisisCase closed = new CrisisCase(1, "Outage", 2, CaseStatus.RESOLVED, null, null, null, T0, T0, T0, 1);
        UpdateCadence.Status s = UpdateCadence.status(closed, timeline, rules, T0.plusSeconds(9999));
        assertThat(s.state()).isEqualTo(State.CLOSED);
        assertThat(s.overdue()).isFalse();
        assertThat(english.render(s)).isEqualTo("Case closed: no updates due");
    }
}
