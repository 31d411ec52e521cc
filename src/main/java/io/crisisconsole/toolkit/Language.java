package io.crisisconsole.toolkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The content languages the app supports: playbooks, forbidden phrases, the composer's cue lists
 * and draft files are in one of these. The order is the order the app lists them in. Immutable.
 */
public enum Language {
    EN("en"), RU("ru"), PL("pl"), ES("es");

    private static final List<String> CODES = Arrays.stream(values()).map(Language::code).toList();

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    /** The lowercase ISO 639-1 code, as written in files: {@code en}, {@code ru}, {@code pl}, {@code es}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of {@code code}, ignoring case and surrounding whitespace; empty for null or any other. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Every code, in order: {@code [en, ru, pl, es]}. */
    public static List<String> codes() {
        return CODES;
    }
}
