package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionValuesTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final Instant AT_0800_UTC = Instant.parse("2026-03-14T08:00:00Z");

    private static Instant utc(String date) {
        return MentionValues.instant(date, null, DateOrder.DAY_FIRST, ZoneOffset.UTC);
    }

    @Test
    void isoDatesWithAndWithoutOffset() {
        assertThat(utc("2026-03-14T08:00:00Z")).isEqualTo(AT_0800_UTC);
        assertThat(utc("2026-03-14T09:00:00+01:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("2026-03-14T08:00:00.000+0000")).isEqualTo(AT_0800_UTC); // Brandwatch API form
        assertThat(utc("2026-03-14 08:00:00.0")).isEqualTo(AT_0800_UTC);
        assertThat(utc("2026-03-14 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(MentionValues.instant("2026-03-14 09:00", null, DateOrder.DAY_FIRST, WARSAW)).isEqualTo(AT_0800_UTC);
    }

    @Test
    void dayFirstMonthFirstAnd12HourClocks() {
        assertThat(utc("14/03/2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14.03.2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(MentionValues.instant("03/14/2026 8:00 AM", null, DateOrder.MONTH_FIRST, ZoneOffset.UTC))
                .isEqualTo(AT_0800_UTC);
        assertThat(MentionValues.instant("03/14/2026 8:00 p.m.", null, DateOrder.MONTH_FIRST, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-03-14T20:00:00Z"));
        assertThat(MentionValues.instant("03/14/2026 12:05 AM", null, DateOrder.MONTH_FIRST, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-03-14T00:05:00Z"));
        assertThat(MentionValues.instant("04/03/2026", null, DateOrder.DAY_FIRST, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(MentionValues.instant("04/03/2026", null, DateOrder.MONTH_FIRST, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-04-03T00:00:00Z"));
        assertThat(MentionValues.settledOrder("14/03/2026")).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(MentionValues.settledOrder("03/14/2026")).isEqualTo(DateOrder.MONTH_FIRST);
        assertThat(MentionValues.settledOrder("03/04/2026")).isNull();
    }

    @Test
    void splitDateAndTimeColumns() {
        assertThat(MentionValues.instant("2026-03-14", "08:00:00", DateOrder.DAY_FIRST, ZoneOffset.UTC))
                .isEqualTo(AT_0800_UTC);
        assertThat(MentionValues.instant("14.03.2026", "8:00 AM", DateOrder.DAY_FIRST, ZoneOffset.UTC))
                .isEqualTo(AT_0800_UTC);
        // a date that has its time already ignores the time column (Meltwater writes both)
        assertThat(MentionValues.instant("14-Mar-2026 08:00AM", "08:00 AM", DateOrder.DAY_FIRST, ZoneOffset.UTC))
                .isEqualTo(AT_0800_UTC);
    }

    @Test
    void monthNamesInFourLanguages() {
        assertThat(utc("14 марта 2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14 марта 2026 г. в 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14 marca 2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14 marca 2026 r., 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14 de marzo de 2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("Mar 14, 2026 8:00 AM")).isEqualTo(AT_0800_UTC);
        assertThat(utc("March 14, 2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14-Mar-2026 08:00AM")).isEqualTo(AT_0800_UTC);
        assertThat(utc("Sat, 14 Mar 2026 09:00:00 +0100")).isEqualTo(AT_0800_UTC);
        assertThat(utc("14 мар. 2026 08:00")).isEqualTo(AT_0800_UTC);
        assertThat(utc("1 stycznia 2026")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(utc("3 июня 2026")).isEqualTo(Instant.parse("2026-06-03T00:00:00Z"));
    }

    @Test
    void unixSecondsMillisecondsAndExcelSerials() {
        long s = AT_0800_UTC.getEpochSecond();
        assertThat(utc(Long.toString(s))).isEqualTo(AT_0800_UTC);
        assertThat(utc(Long.toString(s * 1000))).isEqualTo(AT_0800_UTC);
        // 46095 is 2026-03-14 in Excel's 1900 date system; .333333 is 08:00
        assertThat(utc("46095.3333333333")).isEqualTo(AT_0800_UTC);
        assertThat(utc("46095")).isEqualTo(Instant.parse("2026-03-14T00:00:00Z"));
        assertThat(MentionValues.instant("46095", "0.3333333333", DateOrder.DAY_FIRST, ZoneOffset.UTC))
                .isEqualTo(AT_0800_UTC);
    }

    @Test
    void badDatesSayWhatIsWrong() {
        assertThatThrownBy(() -> utc("31/02/2026")).hasMessage("the date '31/02/2026' is not a day");
        assertThatThrownBy(() -> utc("yesterday")).hasMessage("the date 'yesterday' is not a date");
        assertThatThrownBy(() -> utc("")).hasMessage("no date");
        assertThatThrownBy(() -> utc("14/03/2026 25:00")).hasMessageContaining("is not a time of day");
        assertThatThrownBy(() -> MentionValues.instant("14/03/2026", null, DateOrder.MONTH_FIRST, ZoneOffset.UTC))
                .hasMessageContaining("does not fit the month-first order");
    }

    @Test
    void counts() {
        assertThat(MentionValues.count("1 234")).isEqualTo(1234L);
        assertThat(MentionValues.count("1\u00A0234")).isEqualTo(1234L);
        assertThat(MentionValues.count("1\u202F234\u202F567")).isEqualTo(1234567L);
        assertThat(MentionValues.count("1.234")).isEqualTo(1234L);
        assertThat(MentionValues.count("1,234")).isEqualTo(1234L);
        assertThat(MentionValues.count("1.234,5")).isEqualTo(1235L);
        assertThat(MentionValues.count("1,234.5")).isEqualTo(1235L);
        assertThat(MentionValues.count("12K")).isEqualTo(12_000L);
        assertThat(MentionValues.count("1.2M")).isEqualTo(1_200_000L);
        assertThat(MentionValues.count("12 тыс.")).isEqualTo(12_000L);
        assertThat(MentionValues.count("1,5 mln")).isEqualTo(1_500_000L);
        assertThat(MentionValues.count("")).isNull();
        assertThatThrownBy(() -> MentionValues.count("lots")).hasMessage("the number 'lots' is not a count");
    }

    @Test
    void sentimentWordsAndScales() {
        assertThat(MentionValues.sentiment("Positive", null)).isEqualTo(Sentiment.POSITIVE);
        assertThat(MentionValues.sentiment("негатив", null)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("Нейтральная", null)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(MentionValues.sentiment("pozytywny", null)).isEqualTo(Sentiment.POSITIVE);
        assertThat(MentionValues.sentiment("negatywna", null)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("Negativo", null)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("Not Rated", null)).isEqualTo(Sentiment.UNKNOWN);
        assertThat(MentionValues.sentiment("", null)).isEqualTo(Sentiment.UNKNOWN);
        assertThat(MentionValues.sentiment("-0.6", SentimentScale.MINUS_ONE_TO_ONE)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("0", SentimentScale.MINUS_ONE_TO_ONE)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(MentionValues.sentiment("-3", SentimentScale.MINUS_FIVE_TO_FIVE)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("5", SentimentScale.ONE_TO_FIVE)).isEqualTo(Sentiment.POSITIVE);
        assertThat(MentionValues.sentiment("2", SentimentScale.ONE_TO_FIVE)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(MentionValues.sentiment("85", SentimentScale.ZERO_TO_HUNDRED)).isEqualTo(Sentiment.POSITIVE);
        assertThat(MentionValues.sentiment("50", SentimentScale.ZERO_TO_HUNDRED)).isEqualTo(Sentiment.NEUTRAL);
        assertThatThrownBy(() -> MentionValues.sentiment("7", SentimentScale.MINUS_FIVE_TO_FIVE))
                .hasMessageContaining("outside the column's scale -5 to 5");
        assertThat(MentionValues.guessScale(List.of("-4", "2", "0"))).isEqualTo(SentimentScale.MINUS_FIVE_TO_FIVE);
        assertThat(MentionValues.guessScale(List.of("12", "85"))).isEqualTo(SentimentScale.ZERO_TO_HUNDRED);
    }

    @Test
    void platformsFromNamesAndDomains() {
        assertThat(MentionValues.platform("Twitter", null)).isEqualTo("x");
        assertThat(MentionValues.platform("twitter.com", null)).isEqualTo("x");
        assertThat(MentionValues.platform("ВКонтакте", null)).isEqualTo("vk");
        assertThat(MentionValues.platform("Noticias", null)).isEqualTo("news");
        assertThat(MentionValues.platform("Форумы", null)).isEqualTo("forum");
        assertThat(MentionValues.platform("", "https://www.instagram.com/p/abc")).isEqualTo("instagram");
        assertThat(MentionValues.platform("The Guardian", "https://t.me/channel/5")).isEqualTo("telegram");
        assertThat(MentionValues.platform(null, null)).isEqualTo("other");
        assertThat(MentionValues.language("English")).isEqualTo("en");
        assertThat(MentionValues.language("русский")).isEqualTo("ru");
        assertThat(MentionValues.language("es-ES")).isEqualTo("es-ES");
        assertThat(MentionValues.language("")).isNull();
    }

    @Test
    void headerWordsNormalised() {
        assertThat(MentionValues.normalise("  Treść  wpisu! ")).isEqualTo("tresc wpisu");
        assertThat(MentionValues.normalise("Fecha_de_Publicación")).isEqualTo("fecha de publicacion");
        assertThat(MentionValues.normalise("Źródło")).isEqualTo("zrodlo");
    }
}
