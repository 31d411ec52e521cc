package io.crisisconsole.toolkit;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the window shows times, dates, numbers and durations: in the UI language and the time zone of
 * the person, in one place. Every view gets it from the composition root instead of making its own
 * formatters.
 *
 * <p>Dates are day first with the language's abbreviated month ({@code 1 Dec 2026}, {@code 1 дек. 2026},
 * {@code 1 gru 2026}, {@code 1 dic 2026}), times are on the 24-hour clock ({@code 15:31}); numbers
 * follow CLDR ({@code 12,345}, {@code 12 345}, {@code 12.345}); the words of durations come from the
 * messages ({@code format.duration.*}).
 */
public final class Formats {

    private static final String DATE = "d MMM yyyy";
    private static final String CLOCK = "HH:mm";
    private static final DateTimeFormatter ISO_DAY_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm");
    private static final DateTimeFormatter CLOCK_READER = DateTimeFormatter.ofPattern("H:mm");

    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter clock;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateReader;
    private final DateTimeFormatter dayClock;
    private final DateTimeFormatter dayClockReader;
    private final DateTimeFormatter clockWeekday;
    private final LocalizedNumberFormatter compact;

    public Formats(Messages messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        Locale locale = messages.locale();
        this.clock = DateTimeFormatter.ofPattern(CLOCK, locale);
        this.date = DateTimeFormatter.ofPattern(DATE, locale);
        this.dateReader = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(DATE).toFormatter(locale);
        this.dayClock = DateTimeFormatter.ofPattern(DATE + " " + CLOCK, locale);
        this.dayClockReader = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(DATE + " " + CLOCK)
                .toFormatter(locale);
        this.clockWeekday = DateTimeFormatter.ofPattern(CLOCK + ", EEE", locale);
        this.compact = NumberFormatter.withLocale(ULocale.forLocale(locale)).notation(Notation.compactShort());
    }

    public Locale locale() {
        return messages.locale();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same language in another time zone (a contact's local time). */
    public Formats atZone(ZoneId other) {
        return other.equals(zone) ? this : new Formats(messages, other);
    }

    /** {@code 15:31}. */
    public String clock(Instant at) {
        return clock.format(at.atZone(zone));
    }

    /** {@code 15:31, Tue}: a clock somewhere else, with its day of the week. */
    public String clockWithWeekday(Instant at) {
        return clockWeekday.format(at.atZone(zone));
    }

    /** {@code 1 Dec 2026}. */
    public String date(LocalDate day) {
        return date.format(day);
    }

    /** {@code 1 Dec 2026 15:31}. */
    public String dayClock(Instant at) {
        return dayClock.format(at.atZone(zone));
    }

    /**
     * Reads a date as {@link #date(LocalDate)} shows it ({@code 1 Dec 2026}, any letter case) or in
     * ISO form ({@code 2026-12-01}); null when it is neither.
     */
    public LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (DateTimeFormatter f : List.of(dateReader, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.from(f.parse(t));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * Reads a time as {@link #dayClock(Instant)} shows it ({@code 1 Dec 2026 15:31}, any letter
     * case), in ISO form ({@code 2026-12-01 15:31} or {@code 2026-12-01T15:31}), or as a clock alone
     * ({@code 15:31}, on {@code today}), in this zone; null when it is none of these.
     */
    public Instant parseDayClock(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : List.of(dayClockReader, ISO_DAY_CLOCK)) {
            try {
                return LocalDateTime.from(f.parse(t)).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalTime.parse(t, CLOCK_READER).atDate(today).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 12,345} (English), {@code 12 345} (Russian, Polish), {@code 12.345} (Spanish): written
     * as the numbers inside messages are ({@code # cases}), which group from four digits on.
     */
    public String number(long n) {
        return NumberFormat.getInstance(ULocale.forLocale(locale())).format(n);
    }

    /** {@code 1.2K}, {@code 1,2 тыс.}, {@code 1,2 tys.}, {@code 1,2 mil}: for large counts in tight places. */
    public String compact(long n) {
        return compact.format(n).toString();
    }

    /** {@code 7 min}, {@code 2 h 05 min}, {@code 3 d 4 h} (whole minutes; the sign is dropped). */
    public String duration(Duration d) {
        long minutes = d.abs().toMinutes();
        if (minutes < 60) {
            return messages.get("format.duration.minutes", Map.of("minutes", minutes));
        }
        if (minutes < 24 * 60) {
            return messages.get("format.duration.hours", Map.of("hours", minutes / 60, "minutes", minutes % 60));
        }
        return messages.get("format.duration.days", Map.of("days", minutes / (24 * 60), "hours", (minutes / 60) % 24));
    }

    /**
     * The time of {@code at} counted from {@code opened}, as incident teams write it: {@code T+0 min},
     * {@code T+7 min}, {@code T+2 h 05 min}, {@code T+3 d 4 h}, {@code T−5 min} (before the opening).
     */
    public String offset(Instant opened, Instant at) {
        Duration d = Duration.between(opened, at);
        return messages.get(d.isNegative() ? "format.offset.before" : "format.offset.after",
                Map.of("duration", duration(d)));
    }
}
