package io.crisisconsole.toolkit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The English forms of {@link Formats}, for code that is not handed a {@code Formats} yet (start-up
 * messages, domain texts that are still English sentences). Views use the {@code Formats} of the UI
 * language instead; this class goes once the last caller does.
 */
public final class TimeText {

    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);

    private TimeText() {
    }

    public static String clock(Instant at, ZoneId zone) {
        return new Formats(ENGLISH, zone).clock(at);
    }

    public static String dayClock(Instant at, ZoneId zone) {
        return new Formats(ENGLISH, zone).dayClock(at);
    }

    /** {@code T+0 min}, {@code T+7 min}, {@code T+2 h 05 min}, {@code T+3 d 4 h}, {@code T-5 min}. */
    public static String offset(Instant opened, Instant at) {
        return new Formats(ENGLISH, ZoneId.of("UTC")).offset(opened, at);
    }
}
