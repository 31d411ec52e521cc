package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plural rules and messages of the four UI languages. The samples are those of CLDR's
 * {@code common/supplemental/plurals.xml} (CLDR 47, the data of ICU 77), copied verbatim: every
 * sample of every category must come out in that category.
 */
class MessagesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Locale ES = Locale.forLanguageTag("es");
    private static final String NBSP = "\u00a0";

    /** Category → CLDR samples, per language. */
    private static final Map<Locale, Map<String, String>> CLDR_SAMPLES = Map.of(
            Locale.ENGLISH, samples(
                    "one", "@integer 1",
                    "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … "
                            + "@decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
            RU, samples(
                    "one", "@integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …",
                    "few", "@integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …",
                    "many", "@integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …",
                    "other", "@decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
            PL, samples(
                    "one", "@integer 1",
                    "few", "@integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …",
                    "many", "@integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …",
                    "other", "@decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
            ES, samples(
                    "one", "@integer 1 @decimal 1.0, 1.00, 1.000, 1.0000",
                    "many", "@integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … "
                            + "@decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …",
                    "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1c3, 2c3, 3c3, 4c3, 5c3, 6c3, … "
                            + "@decimal 0.0~0.9, 1.1~1.6, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, "
                            + "1.0001c3, 1.1c3, 2.0001c3, 2.1c3, 3.0001c3, 3.1c3, …"));

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "pl", "es"})
    void everyCldrSampleIsInItsCategory(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Messages messages = Messages.forLocale(locale);
        Map<String, String> byCategory = CLDR_SAMPLES.get(locale);

        assertThat(PluralRules.forLocale(ULocale.forLocale(locale)).getKeywords())
                .as("the categories of %s", tag).containsExactlyInAnyOrderElementsOf(byCategory.keySet());
        assertSoftly(soft -> byCategory.forEach((category, samples) -> {
            List<String> numbers = expand(samples);
            assertThat(numbers).as("%s %s samples", tag, category).isNotEmpty();
            for (String n : numbers) {
                soft.assertThat(category(messages, n)).as("%s: %s", tag, n).isEqualTo(category);
                if (!n.contains(".") && !n.contains("c")) {
                    soft.assertThat(messages.pluralCategory(Double.parseDouble(n))).as("%s: %s as a double", tag, n)
                            .isEqualTo(category);
                }
            }
        }));
    }

    @Test
    void theSampleListsAreReadAsCldrMeansThem() {
        assertThat(expand("@integer 2~4, 22~24, 1001, …")).containsExactly("2", "3", "4", "22", "23", "24", "1001");
        assertThat(expand("@decimal 0.0~0.3, 1.00, 1.1c6")).containsExactly("0.0", "0.1", "0.2", "0.3", "1.00",
                "1.1c6");
    }

    @ParameterizedTest(name = "ru {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1 случай", "2|2 случая", "4|4 случая", "5|5 случаев", "11|11 случаев", "12|12 случаев",
        "21|21 случай", "22|22 случая", "25|25 случаев", "101|101 случай", "111|111 случаев",
        "0|0 случаев", "1.5|1,5 случая", "1000|1" + NBSP + "000 случаев", "12345|12" + NBSP + "345 случаев",
        "1001|1" + NBSP + "001 случай"})
    void russianPicksOneFewManyOtherAndWritesNumbersTheRussianWay(String n, String expected) {
        Messages ru = Messages.forLocale("i18n.plurals_test", RU);
        assertThat(ru.get("cases", Map.of("n", number(n)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pl {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1 sprawa", "2|2 sprawy", "4|4 sprawy", "5|5 spraw", "12|12 spraw", "14|14 spraw", "21|21 spraw",
        "22|22 sprawy", "24|24 sprawy", "25|25 spraw", "102|102 sprawy", "112|112 spraw", "0|0 spraw",
        "1.5|1,5 sprawy", "1000|1" + NBSP + "000 spraw", "10000|10" + NBSP + "000 spraw",
        "1002|1" + NBSP + "002 sprawy"})
    void polishPicksOneFewManyOtherAndWritesNumbersThePolishWay(String n, String expected) {
        Messages pl = Messages.forLocale("i18n.plurals_test", PL);
        assertThat(pl.get("cases", Map.of("n", number(n)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "es {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1 caso", "0|0 casos", "2|2 casos", "1.5|1,5 casos", "1000|1.000 casos", "12345|12.345 casos",
        "1000000|1.000.000 de casos", "2000000|2.000.000 de casos", "1000001|1.000.001 casos"})
    void spanishSaysDeAfterWholeMillions(String n, String expected) {
        Messages es = Messages.forLocale("i18n.plurals_test", ES);
        assertThat(es.get("cases", Map.of("n", number(n)))).isEqualTo(expected);
    }

    @Test
    void englishHasOneAndOtherWithGroupedThousands() {
        Messages en = Messages.forLocale("i18n.plurals_test", Locale.ENGLISH);
        assertThat(en.get("cases", Map.of("n", 1))).isEqualTo("1 case");
        assertThat(en.get("cases", Map.of("n", 0))).isEqualTo("0 cases");
        assertThat(en.get("cases", Map.of("n", 12345))).isEqualTo("12,345 cases");
    }

    @Test
    void aLanguageWithoutItsOwnFileFallsBackToTheBaseTexts() {
        Messages de = Messages.forLocale("i18n.plurals_test", Locale.GERMAN);
        assertThat(de.get("cases", Map.of("n", 1))).isEqualTo("1 case");
        assertThat(Messages.forLocale(RU).get("cases.detail.timeline.count", Map.of("count", 3)))
                .as("no Russian translation yet: the English text, with Russian plural rules").isEqualTo("3 entries");
    }

    @Test
    void theAppsOwnTextsUsePluralsAndArguments() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        assertThat(en.get("cases.detail.timeline.count", Map.of("count", 1))).isEqualTo("1 entry");
        assertThat(en.get("cases.detail.timeline.count", Map.of("count", 2))).isEqualTo("2 entries");
        assertThat(en.get("composer.checks.blocked", Map.of("errors", 1, "warnings", 0)))
                .isEqualTo("1 error, 0 warnings \u2014 approval is blocked");
        assertThat(en.get("playbooks.form.notWholeNumber", "Due minutes", "soon"))
                .isEqualTo("Due minutes must be a whole number, not 'soon'");
        assertThat(en.get("composer.newDraft.header", "investigating"))
                .isEqualTo("Start a draft for the investigating stage from the playbook's templates");
    }

    @Test
    void anUnknownKeyShowsItselfInsteadOfFailing() {
        assertThat(Messages.forLocale(Locale.ENGLISH).get("no.such.key")).isEqualTo("\u27e6no.such.key\u27e7");
    }

    @Test
    void onlyEnglishIsTranslatedSoFar() {
        assertThat(Messages.hasTranslation(Locale.ENGLISH)).isTrue();
        assertThat(Messages.hasTranslation(Locale.UK)).isTrue();
        assertThat(Messages.hasTranslation(Locale.GERMAN)).isFalse();
    }

    private static String category(Messages messages, String sample) {
        int c = sample.indexOf('c');
        if (c < 0) {
            return messages.pluralCategory(new BigDecimal(sample));
        }
        BigDecimal value = new BigDecimal(sample.substring(0, c)).scaleByPowerOfTen(Integer.parseInt(sample.substring(c + 1)));
        return messages.compactPluralCategory(value);
    }

    private static Number number(String n) {
        return n.contains(".") ? (Number) Double.parseDouble(n) : (Number) Long.parseLong(n);
    }

    private static Map<String, String> samples(String... categoryThenSamples) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < categoryThenSamples.length; i += 2) {
            m.put(categoryThenSamples[i], categoryThenSamples[i + 1]);
        }
        return m;
    }

    /**
     * The numbers of a CLDR sample list: {@code @integer} and {@code @decimal} markers dropped, the
     * trailing {@code …} dropped, ranges {@code 2~4} and {@code 0.0~1.5} filled in steps of the last
     * digit, compact forms ({@code 1.1c6}: 1.1 million, written as such) kept as they are.
     */
    static List<String> expand(String samples) {
        List<String> out = new ArrayList<>();
        for (String token : samples.replace("@integer", ",").replace("@decimal", ",").split(",")) {
            String t = token.strip();
            if (t.isEmpty() || t.equals("\u2026")) {
                continue;
            }
            int tilde = t.indexOf('~');
            if (tilde < 0) {
                out.add(t);
                continue;
            }
            BigDecimal from = new BigDecimal(t.substring(0, tilde));
            BigDecimal to = new BigDecimal(t.substring(tilde + 1));
            BigDecimal step = BigDecimal.ONE.movePointLeft(from.scale());
            for (BigDecimal n = from; n.compareTo(to) <= 0; n = n.add(step)) {
                out.add(n.toPlainString());
            }
        }
        return out;
    }
}
