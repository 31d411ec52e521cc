package io.crisisconsole.toolkit;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-facing texts of the app in one locale: keys in {@code i18n/messages*.properties}
 * (UTF-8), formatted with ICU's {@link MessageFormat}, so plurals follow the CLDR rules of the
 * language ({@code {count, plural, one {# case} few {# cases} many {# cases} other {# cases}}} —
 * Russian and Polish need one/few/many/other) and arguments can change places between languages.
 * Numbers and dates inside messages use the same locale.
 */
public final class Messages {

    /** The base name of the bundle, also handed to FXML loaders. */
    public static final String BUNDLE = "i18n.messages";

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final PluralRules plurals;
    private final LocalizedNumberFormatter numbers;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
        ULocale uLocale = ULocale.forLocale(locale);
        this.plurals = PluralRules.forLocale(uLocale);
        this.numbers = NumberFormatter.withLocale(uLocale);
    }

    /** The texts for {@code locale}; keys a translation lacks come from the base (English) file. */
    public static Messages forLocale(Locale locale) {
        return forLocale(BUNDLE, locale);
    }

    /** The texts of another bundle (tests bring their own). */
    public static Messages forLocale(String baseName, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(locale, bundle);
    }

    /**
     * Whether the app's bundle has its own file for the language of {@code locale}
     * ({@code messages_ru.properties}); English is the base file and always there.
     */
    public static boolean hasTranslation(Locale locale) {
        String language = locale.getLanguage();
        return language.equals(Locale.ENGLISH.getLanguage())
                || Messages.class.getResource("/" + BUNDLE.replace('.', '/') + "_" + language + ".properties") != null;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle itself, for FXML ({@code text="%key"}). */
    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with numbered arguments ({@code {0}}, {@code {1}}). */
    public String get(String key, Object... args) {
        MessageFormat f = format(key);
        if (f == null) {
            return missing(key);
        }
        // an ICU MessageFormat is not safe for concurrent use; the cached one is shared by the FX
        // thread and the store thread
        synchronized (f) {
            return f.format(args);
        }
    }

    /** The text of {@code key} with named arguments ({@code {count}}, {@code {title}}). */
    public String get(String key, Map<String, Object> args) {
        MessageFormat f = format(key);
        if (f == null) {
            return missing(key);
        }
        synchronized (f) {
            return f.format(args);
        }
    }

    /** The CLDR plural category of {@code n} in this language: zero, one, two, few, many or other. */
    public String pluralCategory(double n) {
        return plurals.select(n);
    }

    /**
     * The plural category of {@code n} shown with as many fraction digits as its scale: {@code 1.0}
     * is not {@code 1} (English and Russian say "1.0 cases"/"1,0 случая", Spanish says "1,0 caso").
     */
    public String pluralCategory(BigDecimal n) {
        int digits = Math.max(0, n.scale());
        return plurals.select(numbers.precision(Precision.minMaxFraction(digits, digits)).format(n));
    }

    /**
     * The plural category of {@code n} shown in the language's compact form ({@code 1,1 M}); Spanish
     * treats millions so written apart ("1 M de casos").
     */
    public String compactPluralCategory(BigDecimal n) {
        return plurals.select(numbers.notation(Notation.compactShort()).format(n));
    }

    private MessageFormat format(String key) {
        MessageFormat f = formats.get(key);
        if (f != null) {
            return f;
        }
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
        return formats.computeIfAbsent(key, k -> new MessageFormat(pattern, ULocale.forLocale(locale)));
    }

    private static String missing(String key) {
        LOG.warn("No text for the message key {}", key);
        return "\u27e6" + key + "\u27e7";
    }
}
