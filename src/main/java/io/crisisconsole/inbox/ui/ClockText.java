package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a first-response clock reads: a countdown ({@code 14:59 left}, {@code 1 h 05 min left}), the
 * time past due ({@code 3:12 late}), the time the first answer took, or nothing; and its colour
 * (an AtlantaFX style class: warning in the last quarter, danger once breached).
 */
final class ClockText {

    /** Every style class {@link #styleOf} may give, to take off before giving the next one. */
    static final List<String> STYLES = List.of("warning", "danger", "success", "text-muted");

    private final Messages messages;
    private final Formats formats;

    ClockText(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    String text(ResponseClock c) {
        switch (c.phase()) {
            case RUNNING:
            case AMBER:
                return messages.get("inbox.clock.left", Map.of("time", span(c.remaining())));
            case BREACHED:
                return messages.get("inbox.clock.late", Map.of("time", span(c.remaining())));
            case STOPPED:
                return messages.get("inbox.clock.answered", Map.of("time", formats.duration(c.firstResponse())));
            default:
                return "";
        }
    }

    /** Under an hour: minutes and seconds, as a countdown ticks; from an hour on, hours and minutes. */
    private String span(Duration d) {
        Duration a = d.abs();
        if (a.toMinutes() >= 60) {
            return formats.duration(a);
        }
        return messages.get("inbox.clock.countdown", Map.of("minutes", a.toMinutes(), "seconds", a.toSecondsPart()));
    }

    /** The style class of the clock's label, or null for the plain text colour. */
    static String styleOf(ResponseClock c) {
        switch (c.phase()) {
            case AMBER:
                return "warning";
            case BREACHED:
                return "danger";
            case STOPPED:
                return c.withinTarget() ? "success" : "text-muted";
            default:
                return null;
        }
    }
}
