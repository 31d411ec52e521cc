package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blaming cues of every language: suppliers, partners, contractors, staff, interns, teams, human error; and ordinary sentences that are not blaming. */
class BlameCuesTest {

    final DefaultMessageChecker checker = new DefaultMessageChecker();

    List<String> blamed(String language, String text) {
        MessageContext ctx = new MessageContext(language, null, null, false, Map.of());
        CoreMessage core = new CoreMessage("", "", "", "", false, List.of());
        return checker.check(core, List.of(new Variant(Channel.STAFF_MEMO, text)), ctx).findings().stream()
                .filter(f -> f.code().equals("blaming")).map(f -> text.substring(f.start(), f.end())).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The outage happened because a supplier failed.|a supplier failed",
        "en|Our vendor's mistake took the site down.|Our vendor's mistake",
        "en|This was caused by a third-party contractor.|caused by a third-party contractor",
        "en|It was human error.|It was human error",
        "en|An error by one of our employees deleted the data.|error by one of our employees",
        "en|The partners failed to deliver on time.|The partners failed",
        "en|Our intern made a mistake.|Our intern made a mistake",
        "en|The team failed us.|The team failed",
        "ru|Сбой произошел по вине поставщика.|по вине поставщика",
        "ru|Это случилось из-за ошибки нашего подрядчика.|ошибки нашего подрядчика",
        "ru|Партнёр подвёл нас.|Партнёр подвёл",
        "ru|Сотрудники ошиблись при настройке.|Сотрудники ошиблись",
        "ru|Причина — человеческий фактор.|человеческий фактор",
        "ru|Виноват стажёр.|Виноват стажёр",
        "pl|Awaria nastąpiła z winy dostawcy.|z winy dostawcy",
        "pl|To był błąd naszego podwykonawcy.|błąd naszego podwykonawcy",
        "pl|Dostawca zawiódł.|Dostawca zawiódł",
        "pl|Przyczyną był błąd ludzki.|błąd ludzki",
        "pl|Stażystka popełniła błąd.|Stażystka popełniła błąd",
        "pl|Zawiedli nas partnerzy, a dokładniej: partnerzy zawiedli.|partnerzy zawiedli",
        "es|El fallo fue por culpa de un proveedor.|por culpa de un proveedor",
        "es|Fue un error humano.|un error humano",
        "es|El contratista falló.|El contratista falló",
        "es|Nuestros empleados se equivocaron.|Nuestros empleados se equivocaron",
        "es|Un error de la agencia publicó el mensaje.|error de la agencia",
    })
    void blamingIsFlagged(String language, String text, String span) {
        // the first cue that matches wins: the flagged span lies within the blaming words (or holds them)
        assertThat(blamed(language, text)).as(text)
                .anySatisfy(s -> assertThat(span.contains(s) || s.contains(span)).as(s + " within " + span).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|We are working with our supplier to restore the service.",
        "en|Our team is on it and the next update is at 16:30.",
        "en|We made a mistake and we are sorry.",
        "en|Our engineers found the cause and are fixing it.",
        "en|A single customer was charged twice; we are refunding them.",
        "ru|Мы работаем с поставщиком, чтобы восстановить сервис.",
        "ru|Наши сотрудники уже работают над решением.",
        "ru|Мы допустили ошибку и приносим извинения.",
        "pl|Współpracujemy z dostawcą, aby przywrócić usługę.",
        "pl|Nasi pracownicy pracują nad rozwiązaniem.",
        "pl|Popełniliśmy błąd i przepraszamy.",
        "es|Trabajamos con nuestro proveedor para restablecer el servicio.",
        "es|Nuestro equipo ya está trabajando en ello.",
        "es|Cometimos un error y lo sentimos.",
    })
    void ordinarySentencesAreNot(String language, String text) {
        assertThat(blamed(language, text)).as(text).isEmpty();
    }

    @Test
    void groupsStandForEveryCombination() {
        assertThat(Cues.expand("(a|the) supplier(|s) failed")).containsExactly("a supplier failed",
                "a suppliers failed", "the supplier failed", "the suppliers failed");
        assertThat(Cues.expand("no groups")).containsExactly("no groups");
    }
}
