package io.crisisconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** AtlantaFX Primer themes; the app's own CSS only overrides colour tokens on top. */
public enum Theme {
    LIGHT,
    DARK;

    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
