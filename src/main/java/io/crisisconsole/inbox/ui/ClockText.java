package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Countdown;
import java.util.List;
import java.util.Map;

/**
 * How a first-response clock reads: a countdown ({@code 14:59 left}, {@code 1 h 05 min left}), the
 * time past due ({@code 3:12 late}), the time the first answer took, or nothing; and its colour
 * (an AtlantaFX style class: warning in the last quarter, danger once breached).
 */
final class ClockText {

    /** Every style class {@link #styleOf} may give, to take off before giving the next one. */
    static final List<String> STYLES = Countdown.STYLES;

    private final Messages messages;
    private final Formats formats;
    private final Countdown countdown;

    ClockText(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
        this.countdown = new Countdown(messages, formats);
    }

    String text(ResponseClock c) {
        switch (c.phase()) {
            case RUNNING:
            case AMBER:
                return countdown.left(c.remaining());
            case BREACHED:
                return countdown.late(c.remaining());
            case STOPPED:
                return messages.get("inbox.clock.answered", Map.of("time", formats.duration(c.firstResponse())));
            default:
                return "";
        }
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
