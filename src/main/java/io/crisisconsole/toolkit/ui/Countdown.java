package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How every countdown of the app reads ({@code 14:59 left}, {@code 1 h 05 min left},
 * {@code 3:12 late}) and is coloured: the AtlantaFX style classes warning in the last quarter of
 * the time given, danger once past due.
 */
public final class Countdown {

    /** Every style class a countdown may carry, to take off before giving the next one. */
    public static final List<String> STYLES = List.of("warning", "danger", "success", "text-muted");

    /** Where a countdown stands. */
    public enum Phase {
        /** More than a quarter of the time is left. */
        RUNNING,
        /** In the last quarter. */
        AMBER,
        /** Past due. */
        LATE
    }

    private final Messages messages;
    private final Formats formats;

    public Countdown(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** "14:59 left" for a positive {@code remaining}, "3:12 late" for a negative one. */
    public String text(Duration remaining) {
        return remaining.isNegative() ? late(remaining) : left(remaining);
    }

    /** "14:59 left". */
    public String left(Duration remaining) {
        return messages.get("clock.left", Map.of("time", span(remaining)));
    }

    /** "3:12 late" ({@code overdue} may be given with either sign). */
    public String late(Duration overdue) {
        return messages.get("clock.late", Map.of("time", span(overdue)));
    }

    /** Under an hour: minutes and seconds, as a countdown ticks; from an hour on, hours and minutes. */
    public String span(Duration d) {
        Duration a = d.abs();
        if (a.toMinutes() >= 60) {
            return formats.duration(a);
        }
        return messages.get("clock.countdown", Map.of("minutes", a.toMinutes(), "seconds", a.toSecondsPart()));
    }

    /** The phase of a countdown of {@code total} with {@code remaining} left. */
    public static Phase phase(Duration total, Duration remaining) {
        if (remaining.isNegative()) {
            return Phase.LATE;
        }
        if (remaining.multipliedBy(4).compareTo(total) <= 0) {
            return Phase.AMBER;
        }
        return Phase.RUNNING;
    }

    /** The style class of a phase, or null for the plain text colour. */
    public static String styleOf(Phase phase) {
        switch (phase) {
            case AMBER:
                return "warning";
            case LATE:
                return "danger";
            default:
                return null;
        }
    }
}
