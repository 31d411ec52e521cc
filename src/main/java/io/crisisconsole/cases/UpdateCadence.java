package io.crisisconsole.cases;

import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.TimeText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When the next public message is due. Strong teams post a first public message within minutes and
 * then update at a fixed rhythm (every 20 minutes for the first two hours) even when nothing changed;
 * the playbook's SLAs set the numbers, these are the defaults.
 */
public final class UpdateCadence {

    /** The playbook's targets in minutes. */
    public record Rules(int firstPublicMinutes, int updateEveryMinutes, int forFirstMinutes) {
        public static final Rules DEFAULT = new Rules(60, 20, 120);
    }

    /** What the workspace shows. */
    public record Status(String text, boolean overdue) {
    }

    private UpdateCadence() {
    }

    public static Status status(CrisisCase c, List<TimelineEntry> timeline, Rules rules, Instant now, ZoneId zone) {
        if (c.status().isClosed()) {
            return new Status("Case closed: no updates due", false);
        }
        Instant last = timeline.stream().filter(e -> e.kind() == EntryKind.MESSAGE_PUBLISHED)
                .map(TimelineEntry::occurredAt).max(Instant::compareTo).orElse(null);
        if (last == null) {
            Instant due = c.openedAt().plus(Duration.ofMinutes(rules.firstPublicMinutes()));
            return new Status("No public message yet \u2014 first one due by " + TimeText.clock(due, zone) + " ("
                    + until(now, due) + ")", now.isAfter(due));
        }
        String lastText = "Last public message " + TimeText.clock(last, zone) + " (" + ago(last, now) + ")";
        Instant rhythmEnds = c.openedAt().plus(Duration.ofMinutes(rules.forFirstMinutes()));
        Instant due = last.plus(Duration.ofMinutes(rules.updateEveryMinutes()));
        if (due.isAfter(rhythmEnds) && now.isAfter(rhythmEnds)) {
            return new Status(lastText + " \u2014 past the first " + hours(rules.forFirstMinutes())
                    + ": update when something changes", false);
        }
        return new Status(lastText + " \u2014 next update due " + TimeText.clock(due, zone) + " (" + until(now, due)
                + "; every " + rules.updateEveryMinutes() + " min for the first " + hours(rules.forFirstMinutes()) + ")",
                now.isAfter(due));
    }

    private static String until(Instant now, Instant due) {
        long minutes = Duration.between(now, due).toMinutes();
        if (now.isAfter(due)) {
            return Math.max(1, Duration.between(due, now).toMinutes()) + " min overdue";
        }
        return minutes == 0 ? "now" : "in " + minutes + " min";
    }

    private static String ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        return minutes == 0 ? "just now" : minutes + " min ago";
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
}
