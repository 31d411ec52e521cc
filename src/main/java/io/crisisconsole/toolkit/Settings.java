package io.crisisconsole.toolkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the app remembers between runs (stored as settings.json in the data folder). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String authorName, Theme theme) {

    public static Settings defaults() {
        return new Settings(System.getProperty("user.name", "me"), Theme.LIGHT);
    }

    public Settings withAuthorName(String name) {
        return new Settings(name, theme);
    }

    public Settings withTheme(Theme t) {
        return new Settings(authorName, t);
    }
}
