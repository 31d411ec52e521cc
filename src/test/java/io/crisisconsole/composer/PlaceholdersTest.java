package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling placeholders: a value inside a sentence keeps its own case but for a capitalised ordinary first word. */
class PlaceholdersTest {

    static String fill(String template, String issue) {
        return Placeholders.fill(template, Map.of("issue", issue, "brand", "Acme Rail"));
    }

    @Test
    void english() {
        assertThat(fill("We know {{issue}}.", "Our booking app fails")).isEqualTo("We know our booking app fails.");
        assertThat(fill("{{issue}}. We are on it.", "Our booking app fails")).as("sentence start").isEqualTo(
                "Our booking app fails. We are on it.");
        assertThat(fill("Sorry. {{issue}}.", "Our booking app fails")).isEqualTo("Sorry. Our booking app fails.");
        assertThat(fill("We know {{issue}}.", "SMS codes arrive late")).as("all caps").isEqualTo("We know SMS codes arrive late.");
        assertThat(fill("We know {{issue}}.", "iPhone users cannot log in")).isEqualTo("We know iPhone users cannot log in.");
        assertThat(fill("We know {{issue}}.", "Acme Rail tickets cannot be bought")).as("the brand")
                .isEqualTo("We know Acme Rail tickets cannot be bought.");
        assertThat(fill("We know {{issue}}.", "I")).isEqualTo("We know I.");
        assertThat(fill("What you can do: {{issue}}", "Retry in 30 minutes")).as("after a label's colon")
                .isEqualTo("What you can do: Retry in 30 minutes");
        assertThat(fill("Update:\n{{issue}}", "Checkout works again")).as("after a line break")
                .isEqualTo("Update:\nCheckout works again");
    }

    @Test
    void russian() {
        assertThat(fill("Мы знаем, что {{issue}}.", "Приложение не работает")).isEqualTo("Мы знаем, что приложение не работает.");
        assertThat(fill("{{issue}}. Мы работаем над этим.", "Приложение не работает"))
                .isEqualTo("Приложение не работает. Мы работаем над этим.");
        assertThat(fill("Мы знаем, что {{issue}}.", "СМС не приходят")).isEqualTo("Мы знаем, что СМС не приходят.");
    }

    @Test
    void polish() {
        assertThat(fill("Wiemy, że {{issue}}.", "Aplikacja nie działa")).isEqualTo("Wiemy, że aplikacja nie działa.");
        assertThat(fill("Przepraszamy. {{issue}}.", "Łączność jest przerwana")).isEqualTo("Przepraszamy. Łączność jest przerwana.");
        assertThat(fill("Wiemy, że {{issue}}.", "Łączność jest przerwana")).isEqualTo("Wiemy, że łączność jest przerwana.");
        assertThat(fill("Wiemy, że {{issue}}.", "BLIK nie działa")).isEqualTo("Wiemy, że BLIK nie działa.");
    }

    @Test
    void spanish() {
        assertThat(fill("Sabemos que {{issue}}.", "La aplicación falla")).isEqualTo("Sabemos que la aplicación falla.");
        assertThat(fill("¿{{issue}}? Lo sentimos.", "La aplicación falla")).as("after ¿").isEqualTo("¿La aplicación falla? Lo sentimos.");
        assertThat(fill("Sabemos que {{issue}}.", "Él")).isEqualTo("Sabemos que él.");
    }

    @Test
    void aPlaceholderWithoutValueStays() {
        assertThat(Placeholders.fill("We know {{issue}} at {{brand}}.", Map.of())).isEqualTo("We know {{issue}} at {{brand}}.");
    }
}
