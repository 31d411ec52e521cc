package io.crisisconsole.cases;

import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the next public message is due. Strong teams post a first public message within minutes and
 * then update at a fixed rhythm (every 20 minutes for the first two hours) even when nothing changed;
 * the playbook's SLAs set the numbers, these are the defaults. The answer is a {@link Status}: the
 * window words it in the UI language.
 */
public final class UpdateCadence {

    /** The playbook's targets in minutes. */
    public record Rules(int firstPublicMinutes, int updateEveryMinutes, int forFirstMinutes) {
        public static final Rules DEFAULT = new Rules(60, 20, 120);
    }

    /** Where the case stands in the rhythm. */
    public enum State {
        /** Resolved or reviewed: no updates due. */
        CLOSED,
        /** No public message yet: the first one is due by {@link Status#due()}. */
        FIRST_DUE,
        /** Within the first hours: the next update is due by {@link Status#due()}. */
        RHYTHM,
        /** Past the first hours: update when something changes (nothing is due). */
        CHANGES_ONLY
    }

    /**
     * What the workspace shows.
     *
     * @param last the newest public message (null for {@code CLOSED} and {@code FIRST_DUE})
     * @param due when the next public message is due (null for {@code CLOSED} and {@code CHANGES_ONLY})
     * @param overdue whether {@code due} has passed
     * @param minutesSinceLast whole minutes since {@code last} (0 without one)
     * @param minutesToDue whole minutes until {@code due}; when overdue, minus the minutes overdue
     *        (at most -1); 0 without a due time
     * @param rules the targets the status was measured against
     */
    public record Status(State state, Instant last, Instant due, boolean overdue, long minutesSinceLast,
            long minutesToDue, Rules rules) {
    }

    private UpdateCadence() {
    }

    public static Status status(CrisisCase c, List<TimelineEntry> timeline, Rules rules, Instant now) {
        if (c.status().isClosed()) {
            return new Status(State.CLOSED, null, null, false, 0, 0, rules);
        }
        Instant last = timeline.stream().filter(e -> e.kind() == EntryKind.MESSAGE_PUBLISHED)
                .map(TimelineEntry::occurredAt).max(Instant::compareTo).orElse(null);
        if (last == null) {
            Instant due = c.openedAt().plus(Duration.ofMinutes(rules.firstPublicMinutes()));
            return new Status(State.FIRST_DUE, null, due, now.isAfter(due), 0, toDue(now, due), rules);
        }
        long since = Math.max(0, Duration.between(last, now).toMinutes());
        Instant rhythmEnds = c.openedAt().plus(Duration.ofMinutes(rules.forFirstMinutes()));
        Instant due = last.plus(Duration.ofMinutes(rules.updateEveryMinutes()));
        if (due.isAfter(rhythmEnds) && now.isAfter(rhythmEnds)) {
            return new Status(State.CHANGES_ONLY, last, null, false, since, 0, rules);
        }
        return new Status(State.RHYTHM, last, due, now.isAfter(due), since, toDue(now, due), rules);
    }

    private static long toDue(Instant now, Instant due) {
        if (now.isAfter(due)) {
            return -Math.max(1, Duration.between(due, now).toMinutes());
        }
        return Duration.between(now, due).toMinutes();
    }
}
