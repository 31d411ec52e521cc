package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aMissingTranslationFallsBackToTheBaseFileNotToTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("de"));
            Messages ru = Messages.forLocale(Locale.forLanguageTag("ru"));
            assertThat(ru.get("app.title")).isEqualTo("Crisis Console");
            assertThat(ru.locale()).isEqualTo(Locale.forLanguageTag("ru"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownKeyIsShownMarkedInsteadOfFailing() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        assertThat(en.has("no.such.key")).isFalse();
        assertThat(en.get("no.such.key")).isEqualTo("\u27e6no.such.key\u27e7");
    }
}
