package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which language the window gets. */
class UiLocaleTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Predicate<Locale> ALL_TRANSLATED = l -> true;
    private static final Predicate<Locale> ENGLISH_ONLY = Messages::hasTranslation;

    @Test
    void thePropertyWinsOverTheSettingAndTheSystem() {
        assertThat(UiLocale.resolve("pl", "ru", Locale.US, ALL_TRANSLATED)).isEqualTo(PL);
        assertThat(UiLocale.resolve("pl-PL", null, Locale.US, ALL_TRANSLATED)).isEqualTo(PL);
        assertThat(UiLocale.resolve("es_ES", null, Locale.US, ENGLISH_ONLY)).as("even before its translation exists")
                .isEqualTo(Locale.forLanguageTag("es"));
    }

    @Test
    void theSettingWinsOverTheSystem() {
        assertThat(UiLocale.resolve(null, "ru", PL, ALL_TRANSLATED)).isEqualTo(RU);
        assertThat(UiLocale.resolve(" ", "ru", PL, ALL_TRANSLATED)).isEqualTo(RU);
    }

    @Test
    void theSystemLanguageIsTakenWhenItIsTranslated() {
        assertThat(UiLocale.resolve(null, null, new Locale("pl", "PL"), ALL_TRANSLATED)).isEqualTo(PL);
        assertThat(UiLocale.resolve(null, null, new Locale("pl", "PL"), ENGLISH_ONLY))
                .as("no Polish texts yet: English, not English texts with Polish dates").isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.resolve(null, null, Locale.UK, ENGLISH_ONLY)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anythingElseIsEnglish() {
        assertThat(UiLocale.resolve("de", "fr", Locale.JAPAN, ALL_TRANSLATED)).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.resolve("not a tag!", null, Locale.ROOT, ALL_TRANSLATED)).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.resolve(null, null, Locale.ROOT, ALL_TRANSLATED)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theOfferedLanguagesAreThoseOfThePlaybooksAndChecks() {
        assertThat(UiLocale.SUPPORTED).extracting(Locale::getLanguage).containsExactly("en", "ru", "pl", "es");
    }
}
