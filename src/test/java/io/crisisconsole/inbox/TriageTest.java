package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TriageTest {

    final Triage t = Triage.bundled();

    private InboxType type(String text, String language) {
        return t.suggestType(text, language, "x", null, "someone");
    }

    @Test
    void cueWordsPerLanguage() {
        assertThat(type("Your app is broken and I want a refund", "en")).isEqualTo(InboxType.COMPLAINT);
        assertThat(type("Оплата не работает уже час, верните деньги", "ru")).isEqualTo(InboxType.COMPLAINT);
        assertThat(type("Płatność nie działa, składam reklamację", "pl")).isEqualTo(InboxType.COMPLAINT);
        assertThat(type("El pago no funciona, quiero un reembolso", "es")).isEqualTo(InboxType.COMPLAINT);

        assertThat(type("Kiedy wróci płatność kartą", "pl")).isEqualTo(InboxType.QUESTION);
        assertThat(type("Когда заработает оплата", "ru")).isEqualTo(InboxType.QUESTION);
        assertThat(type("¿Cuándo vuelve el pago", "es")).isEqualTo(InboxType.QUESTION);

        assertThat(type("Спасибо, всё починили быстро", "ru")).isEqualTo(InboxType.PRAISE);
        assertThat(type("Dziękuję za szybką pomoc", "pl")).isEqualTo(InboxType.PRAISE);
        assertThat(type("Gracias por la ayuda, excelente", "es")).isEqualTo(InboxType.PRAISE);

        assertThat(type("This is a hoax, they are hiding the data leak", "en")).isEqualTo(InboxType.MISINFORMATION);
        assertThat(type("Это фейк, они всё скрывают", "ru")).isEqualTo(InboxType.MISINFORMATION);
        assertThat(type("Czy to prawda, że ukrywają wyciek", "pl")).isEqualTo(InboxType.MISINFORMATION);
        assertThat(type("Es un bulo, lo ocultan", "es")).isEqualTo(InboxType.MISINFORMATION);

        assertThat(type("you are idiots, shut up", "en")).isEqualTo(InboxType.TROLL);
        assertThat(type("Вы идиоты", "ru")).isEqualTo(InboxType.TROLL);

        assertThat(type("Jestem dziennikarką, prośba o komentarz do artykułu", "pl"))
                .isEqualTo(InboxType.MEDIA_INQUIRY);
        assertThat(type("Lovely weather in town", "en")).isEqualTo(InboxType.OTHER);
        // a language without cues falls back to the English ones
        assertThat(type("refund now", "de")).isEqualTo(InboxType.COMPLAINT);
    }

    @Test
    void theSourceMakesAMediaInquiry() {
        assertThat(t.suggestType("Checkout outage hits shoppers", "en", "news", null, null))
                .isEqualTo(InboxType.MEDIA_INQUIRY);
        assertThat(t.suggestType("Awaria płatności", "pl", "x", "https://wiadomosci.onet.pl/kraj/awaria/abc", null))
                .isEqualTo(InboxType.MEDIA_INQUIRY);
        assertThat(t.suggestType("Wow, broken again", "en", "x", null, "Jane Roe, reporter at Daily Planet"))
                .isEqualTo(InboxType.MEDIA_INQUIRY);
        assertThat(t.suggestType("Опять сбой", "ru", "telegram", null, "Редакция РБК"))
                .isEqualTo(InboxType.MEDIA_INQUIRY);
        // a domain that only ends like a news site is not one
        assertThat(t.suggestType("nice", "en", "x", "https://notbbc.com/x", null)).isEqualTo(InboxType.OTHER);
    }

    @Test
    void priorityScore() {
        assertThat(t.priority(null, Sentiment.UNKNOWN, InboxType.OTHER, "x", false)).isZero();
        assertThat(t.priority(999L, Sentiment.UNKNOWN, InboxType.OTHER, "x", false)).isEqualTo(29);
        assertThat(t.priority(1_000L, Sentiment.UNKNOWN, InboxType.OTHER, "x", false)).isEqualTo(30);
        assertThat(t.priority(50_000_000L, Sentiment.NEGATIVE, InboxType.MEDIA_INQUIRY, "news", true))
                .isEqualTo(60 + 20 + 25 + 10);
    }
}
