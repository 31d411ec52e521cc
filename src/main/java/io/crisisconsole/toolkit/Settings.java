package io.crisisconsole.toolkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the app remembers between runs (stored as settings.json in the data folder).
 *
 * @param language the language of the window ({@code en}, {@code ru}, {@code pl}, {@code es}), or
 *        null to follow the system; read at start-up, see {@link UiLocale}
 * @param lastCaseId the case selected last in the case list, selected again at start-up (null: none yet)
 * @param brandName the brand the messages speak for, filled into {@code {{brand}}} of templates; null
 *        (the default) when not set, then {@code {{brand}}} stays visible in drafts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(String authorName, Theme theme, String language, Long lastCaseId, String brandName) {

    public Settings(String authorName, Theme theme, String language) {
        this(authorName, theme, language, null, null);
    }

    public Settings(String authorName, Theme theme, String language, Long lastCaseId) {
        this(authorName, theme, language, lastCaseId, null);
    }

    public static Settings defaults() {
        return new Settings(System.getProperty("user.name", "me"), Theme.LIGHT, null, null, null);
    }

    public Settings withAuthorName(String name) {
        return new Settings(name, theme, language, lastCaseId, brandName);
    }

    public Settings withTheme(Theme t) {
        return new Settings(authorName, t, language, lastCaseId, brandName);
    }

    public Settings withLastCaseId(Long id) {
        return new Settings(authorName, theme, language, id, brandName);
    }

    /** With the brand name set; a blank name means not set (null). */
    public Settings withBrandName(String name) {
        return new Settings(authorName, theme, language, lastCaseId,
                name == null || name.isBlank() ? null : name.strip());
    }
}
