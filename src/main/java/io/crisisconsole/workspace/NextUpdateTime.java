package io.crisisconsole.workspace;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the next-update time a core message promises, as people write it: {@code 16:30},
 * {@code 16.30}, {@code 4:30 pm}, {@code 16:30 CET}, {@code 16:30 Europe/Warsaw}. The time is the
 * first such moment after the message went out, in the zone written or else the reader's zone.
 * Anything else ("soon", "tomorrow morning") promises no time.
 */
final class NextUpdateTime {

    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])[:.h]([0-5]\\d)(?!\\d)\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*([A-Za-z][A-Za-z_/+\\-0-9]{1,40})?",
            Pattern.CASE_INSENSITIVE);

    private NextUpdateTime() {
    }

    static Optional<Instant> after(String text, Instant after, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        String half = m.group(3) == null ? null : m.group(3).toLowerCase(Locale.ROOT).replace(".", "");
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
        }
        ZoneId at = zone;
        if (m.group(4) != null) {
            at = zoneOf(m.group(4)).orElse(zone);
        }
        ZonedDateTime base = after.atZone(at);
        ZonedDateTime candidate = base.with(LocalTime.of(hour, minute));
        if (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusDays(1);
        }
        return Optional.of(candidate.toInstant());
    }

    private static Optional<ZoneId> zoneOf(String word) {
        try {
            return Optional.of(ZoneId.of(word, ZoneId.SHORT_IDS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
