package io.crisisconsole.toolkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times read in the case views: wall-clock time plus the offset from the case opening. */
public final class TimeText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private TimeText() {
    }

    public static String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    public static String dayClock(Instant at, ZoneId zone) {
        return DAY_CLOCK.format(at.atZone(zone));
    }

    /** {@code T+0 min}, {@code T+7 min}, {@code T+2 h 05 min}, {@code T+3 d 4 h}, {@code T-5 min}. */
    public static String offset(Instant opened, Instant at) {
        Duration d = Duration.between(opened, at);
        String sign = d.isNegative() ? "T\u2212" : "T+";
        d = d.abs();
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return sign + minutes + " min";
        }
        if (minutes < 24 * 60) {
            return sign + (minutes / 60) + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return sign + (minutes / (24 * 60)) + " d " + ((minutes / 60) % 24) + " h";
    }
}
