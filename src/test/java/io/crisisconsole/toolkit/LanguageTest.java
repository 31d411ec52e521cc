package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void codesInTheOrderTheAppListsThem() {
        assertThat(Language.codes()).containsExactly("en", "ru", "pl", "es");
        assertThatThrownBy(() -> Language.codes().add("fr")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fromCodeIgnoresCaseAndSurroundingWhitespace() {
        assertThat(Language.fromCode("en")).contains(Language.EN);
        assertThat(Language.fromCode("RU")).contains(Language.RU);
        assertThat(Language.fromCode(" Pl\t")).contains(Language.PL);
        assertThat(Language.fromCode("es\n")).contains(Language.ES);
    }

    @Test
    void fromCodeOfAnythingElseIsEmpty() {
        assertThat(Language.fromCode(null)).isEmpty();
        assertThat(Language.fromCode("")).isEmpty();
        assertThat(Language.fromCode("  ")).isEmpty();
        assertThat(Language.fromCode("fr")).isEmpty();
        assertThat(Language.fromCode("en-GB")).isEmpty();
        assertThat(Language.fromCode("e n")).isEmpty();
    }

    @Test
    void codeAndLocaleRoundTrip() {
        for (Language l : Language.values()) {
            assertThat(Language.fromCode(l.code())).contains(l);
            assertThat(l.locale().getLanguage()).isEqualTo(l.code());
            assertThat(l.code()).isEqualTo(l.code().toLowerCase(Locale.ROOT));
        }
        assertThat(Language.PL.locale()).isEqualTo(Locale.forLanguageTag("pl"));
    }
}
