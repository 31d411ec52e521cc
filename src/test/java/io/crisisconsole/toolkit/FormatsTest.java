package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates, times, numbers and durations in each UI language. */
class FormatsTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** 1 December 2026, 15:31 in Warsaw. */
    private static final Instant AT = Instant.parse("2026-12-01T14:31:00Z");
    private static final String NBSP = "\u00a0";

    private static Formats formats(String tag) {
        return new Formats(Messages.forLocale(Locale.forLanguageTag(tag)), WARSAW);
    }

    @Test
    void englishKeepsTheFormsTheWindowAlwaysShowed() {
        Formats en = formats("en");
        assertThat(en.clock(AT)).isEqualTo("15:31");
        assertThat(en.dayClock(AT)).isEqualTo("1 Dec 2026 15:31");
        assertThat(en.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec 2026");
        assertThat(en.clockWithWeekday(AT)).isEqualTo("15:31, Tue");
        assertThat(en.number(3000)).isEqualTo("3,000");
        assertThat(en.number(-12345678)).isEqualTo("-12,345,678");
        assertThat(en.compact(1_200_000)).isEqualTo("1.2M");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ru|1 дек. 2026 15:31|15:31, вт|12" + NBSP + "345|1" + NBSP + "000|1,2" + NBSP + "млн",
        "pl|1 gru 2026 15:31|15:31, wt.|12" + NBSP + "345|1" + NBSP + "000|1,2" + NBSP + "mln",
        "es|1 dic 2026 15:31|15:31, mar|12.345|1.000|1,2" + NBSP + "M"})
    void otherLanguagesUseTheirMonthsDaysAndDigitGroups(String tag, String dayClock, String weekday, String n12345,
            String n1000, String compact) {
        Formats f = formats(tag);
        assertThat(f.locale().getLanguage()).isEqualTo(tag);
        assertThat(f.clock(AT)).isEqualTo("15:31");
        assertThat(f.dayClock(AT)).isEqualTo(dayClock);
        assertThat(f.clockWithWeekday(AT)).isEqualTo(weekday);
        assertThat(f.number(12345)).isEqualTo(n12345);
        assertThat(f.number(1000)).as("as inside messages").isEqualTo(n1000);
        assertThat(f.number(1000)).isEqualTo(Messages.forLocale(f.locale()).get("cases.list.count",
                Map.of("count", 1000)).replace(" shown", ""));
        assertThat(f.compact(1_200_000)).isEqualTo(compact);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "ru", "pl", "es"})
    void aShownDateReadsBack(String tag) {
        Formats f = formats(tag);
        for (LocalDate day = LocalDate.of(2026, 1, 3); day.getYear() == 2026; day = day.plusMonths(1)) {
            String shown = f.date(day);
            assertThat(f.parseDate(shown)).as("%s: %s", tag, shown).isEqualTo(day);
            assertThat(f.parseDate(shown.toUpperCase(f.locale()))).as("any letter case").isEqualTo(day);
        }
        assertThat(f.parseDate("2026-12-01")).as("ISO").isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(f.parseDate("yesterday")).isNull();
        assertThat(f.parseDate(" ")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "ru", "pl", "es"})
    void aShownTimeReadsBackInTheZone(String tag) {
        Formats f = formats(tag);
        LocalDate today = LocalDate.of(2026, 12, 1);
        String shown = f.dayClock(AT);
        assertThat(f.parseDayClock(shown, today)).as("%s: %s", tag, shown).isEqualTo(AT);
        assertThat(f.parseDayClock("  " + shown.toUpperCase(f.locale()).replace(" ", "  ") + " ", today))
                .as("any letter case and spacing").isEqualTo(AT);
        assertThat(f.parseDayClock("2026-12-01 15:31", today)).as("ISO").isEqualTo(AT);
        assertThat(f.parseDayClock("2026-12-01T15:31", today)).as("ISO with T").isEqualTo(AT);
        assertThat(f.parseDayClock("15:31", today)).as("a clock alone is today").isEqualTo(AT);
        assertThat(f.parseDayClock("9:05", today)).isEqualTo(Instant.parse("2026-12-01T08:05:00Z"));
        assertThat(f.parseDayClock("25:00", today)).isNull();
        assertThat(f.parseDayClock("1 Dec 2026", today)).as("a date without its time").isNull();
        assertThat(f.parseDayClock(" ", today)).isNull();
    }

    @ParameterizedTest(name = "{0} min: {1}")
    @CsvSource(delimiter = '|', value = {
        "0|T+0 min", "7|T+7 min", "59|T+59 min", "60|T+1 h 00 min", "125|T+2 h 05 min", "1439|T+23 h 59 min",
        "1440|T+1 d 0 h", "4560|T+3 d 4 h", "-5|T\u22125 min", "-125|T\u22122 h 05 min"})
    void offsetsFromTheOpeningReadLikeIncidentTimelines(long minutes, String expected) {
        Instant opened = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(formats("en").offset(opened, opened.plus(Duration.ofMinutes(minutes)))).isEqualTo(expected);
    }

    @Test
    void partMinutesDoNotCount() {
        Instant opened = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(formats("en").offset(opened, opened.plusSeconds(7 * 60 + 59))).isEqualTo("T+7 min");
        assertThat(formats("en").offset(opened, opened.minusSeconds(30))).isEqualTo("T\u22120 min");
        assertThat(formats("en").duration(Duration.ofMinutes(-125))).isEqualTo("2 h 05 min");
    }

    @Test
    void durationNumbersFollowTheLanguage() {
        Duration d = Duration.ofDays(1234);
        assertThat(formats("en").duration(d)).isEqualTo("1,234 d 0 h");
        assertThat(formats("ru").duration(d)).startsWith("1" + NBSP + "234 ");
    }

    @Test
    void anotherZoneIsTheSameLanguageElsewhere() {
        Formats en = formats("en");
        assertThat(en.atZone(ZoneId.of("America/New_York")).clock(AT)).isEqualTo("09:31");
        assertThat(en.atZone(WARSAW)).isSameAs(en);
    }

    @Test
    void englishReadsAsTheWindowAlwaysDid() {
        Instant opened = AT.minus(Duration.ofMinutes(125));
        Formats en = formats("en").atZone(WARSAW);
        assertThat(en.clock(AT)).isEqualTo("15:31");
        assertThat(en.dayClock(AT)).isEqualTo("1 Dec 2026 15:31");
        assertThat(en.offset(opened, AT)).isEqualTo("T+2 h 05 min");
    }
}
