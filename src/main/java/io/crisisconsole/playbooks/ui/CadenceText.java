package io.crisisconsole.playbooks.ui;

import io.crisisconsole.cases.UpdateCadence;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.util.HashMap;
import java.util.Map;

/**
 * The update rhythm of a case in words, in the UI language and zone: "Last public message 09:12
 * (8 min ago) — next update due 09:32 (in 12 min; every 20 min for the first 2 h)".
 */
public final class CadenceText {

    private final Messages messages;
    private final Formats formats;

    public CadenceText(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String render(UpdateCadence.Status s) {
        Map<String, Object> args = new HashMap<>();
        if (s.last() != null) {
            args.put("last", formats.clock(s.last()));
            args.put("ago", messages.get("playbooks.case.cadence.ago", Map.of("minutes", s.minutesSinceLast())));
        }
        if (s.due() != null) {
            args.put("due", formats.clock(s.due()));
            args.put("untilDue", s.overdue()
                    ? messages.get("playbooks.case.cadence.overdue", Map.of("minutes", -s.minutesToDue()))
                    : messages.get("playbooks.case.cadence.until", Map.of("minutes", s.minutesToDue())));
        }
        args.put("every", s.rules().updateEveryMinutes());
        args.put("span", span(s.rules().forFirstMinutes()));
        return switch (s.state()) {
            case CLOSED -> messages.get("playbooks.case.cadence.closed");
            case FIRST_DUE -> messages.get("playbooks.case.cadence.first", args);
            case RHYTHM -> messages.get("playbooks.case.cadence.rhythm", args);
            case CHANGES_ONLY -> messages.get("playbooks.case.cadence.changesOnly", args);
        };
    }

    /** {@code 2 h}, or {@code 90 min} when it is not whole hours. */
    private String span(int minutes) {
        return minutes % 60 == 0 ? messages.get("playbooks.case.cadence.span.hours", Map.of("hours", minutes / 60))
                : messages.get("playbooks.case.cadence.span.minutes", Map.of("minutes", minutes));
    }
}
