package io.crisisconsole.toolkit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language of the window, chosen once at start-up: {@code -Dcrisisconsole.locale=TAG}, else
 * {@code "language"} in settings.json, else the system's language when the app has its translation,
 * else English. Only English, Russian, Polish and Spanish are offered (the languages of the bundled
 * playbooks and message checks); another tag is ignored with a warning.
 */
public final class UiLocale {

    /** The system property that overrides everything else, e.g. {@code -Dcrisisconsole.locale=pl}. */
    public static final String PROPERTY = "crisisconsole.locale";

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("es"));

    private static final Logger LOG = LoggerFactory.getLogger(UiLocale.class);

    private UiLocale() {
    }

    /** From the real system property, settings value and default locale. */
    public static Locale resolve(String setting) {
        return resolve(System.getProperty(PROPERTY), setting, Locale.getDefault(), Messages::hasTranslation);
    }

    /**
     * @param property the value of {@value #PROPERTY}, or null
     * @param setting the {@code language} of the settings, or null
     * @param system the locale of the operating system
     * @param translated whether the texts exist in a language (the system locale is taken only then,
     *        so a Polish desktop does not get English texts with Polish dates)
     */
    public static Locale resolve(String property, String setting, Locale system, Predicate<Locale> translated) {
        Optional<Locale> chosen = supported(property, "-D" + PROPERTY);
        if (chosen.isEmpty()) {
            chosen = supported(setting, "settings language");
        }
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return of(system.getLanguage()).filter(translated).orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> supported(String tag, String source) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Optional<Locale> found = of(Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage());
        if (found.isEmpty()) {
            LOG.warn("{} '{}' is not a language of the app (en, ru, pl, es); ignored", source, tag);
        }
        return found;
    }

    private static Optional<Locale> of(String language) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
