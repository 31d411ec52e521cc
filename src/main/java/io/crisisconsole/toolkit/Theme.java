package io.crisisconsole.toolkit;

/** The light or dark look, as remembered in the settings (the window maps it to a stylesheet). */
public enum Theme {
    LIGHT,
    DARK;

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
