package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void xPlainUrlEmojiCjk() {
        assertThat(Counters.xWeightedLength("Hello world")).isEqualTo(11);
        assertThat(Counters.xWeightedLength("See https://status.example.com/a/very/long/path/that/is/long")).isEqualTo(4 + 23);
        assertThat(Counters.xWeightedLength("status.example.com")).as("URL without scheme").isEqualTo(23);
        assertThat(Counters.xWeightedLength("ok 👍")).isEqualTo(3 + 2);
        assertThat(Counters.xWeightedLength("👨‍👩‍👧‍👦")).as("ZWJ family: one emoji").isEqualTo(2);
        assertThat(Counters.xWeightedLength("🇵🇱")).as("flag").isEqualTo(2);
        assertThat(Counters.xWeightedLength("1️⃣")).as("keycap").isEqualTo(2);
        assertThat(Counters.xWeightedLength("日本語")).isEqualTo(6);
        assertThat(Counters.xWeightedLength("Привет, Łódź")).as("Cyrillic and Polish weigh 1").isEqualTo(12);
        assertThat(Counters.xWeightedLength("")).isZero();
    }

    @Test
    void xAgreesWithTwitterTextParser() {
        for (String s : List.of("Hello world", "We're sorry 🙏 check https://status.example.com #Outage 16:30",
                "©️ ® ™ ‼ 1️⃣ #️⃣ 1 2 3 # * 🇵🇱🇪🇸 👩🏽‍💻 日本語 한국어 ☺ ✔ →", "Приносим извинения, перейдите на status.example.com",
                "x".repeat(300) + " http://a.co", "café cafe\u0301", "a\u200Db ❤️ ❤ 🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿")) {
            assertThat(Counters.xWeightedLength(s)).as(s).isEqualTo(TwitterTextParser.parseTweet(s).weightedLength);
        }
    }

    @Test
    void xExactly280Fits281DoesNotAndTheOverflowStartsAtChar280() {
        String fits = "a".repeat(280);
        assertThat(Counters.xLengthAndOverflow(fits, 280)).containsExactly(280, 280);
        String over = "a".repeat(281);
        assertThat(Counters.xLengthAndOverflow(over, 280)).containsExactly(281, 280);
        String emoji = "a".repeat(279) + "👍";
        assertThat(Counters.xLengthAndOverflow(emoji, 280)).as("emoji crossing the limit").containsExactly(281, 279);
        assertThat(Counters.xBySlowParser(over, 280)).containsExactly(281, 280);
        assertThat(Counters.xBySlowParser(over, 100)[1]).isEqualTo(100);
    }

    @Test
    void sms160Vs161Gsm7() {
        assertThat(Counters.sms("a".repeat(160))).isEqualTo(new Counters.Sms("GSM-7", 160, 1));
        assertThat(Counters.sms("a".repeat(161))).isEqualTo(new Counters.Sms("GSM-7", 161, 2));
        assertThat(Counters.sms("a".repeat(306))).isEqualTo(new Counters.Sms("GSM-7", 306, 2));
        assertThat(Counters.sms("a".repeat(307))).isEqualTo(new Counters.Sms("GSM-7", 307, 3));
        assertThat(Counters.sms("")).isEqualTo(new Counters.Sms("GSM-7", 0, 0));
    }

    @Test
    void gsm7ExtensionCharactersCountTwo() {
        for (char c : "^{}\\[~]|€\f".toCharArray()) {
            assertThat(Counters.sms("a" + c)).as("U+%04X", (int) c).isEqualTo(new Counters.Sms("GSM-7", 3, 1));
        }
        assertThat(Counters.sms("€".repeat(80))).isEqualTo(new Counters.Sms("GSM-7", 160, 1));
        assertThat(Counters.sms("€".repeat(80) + "a")).isEqualTo(new Counters.Sms("GSM-7", 161, 2));
    }

    @Test
    void ucs2At70And71() {
        assertThat(Counters.sms("ж".repeat(70))).isEqualTo(new Counters.Sms("UCS-2", 70, 1));
        assertThat(Counters.sms("ж".repeat(71))).isEqualTo(new Counters.Sms("UCS-2", 71, 2));
        assertThat(Counters.sms("ж".repeat(134))).isEqualTo(new Counters.Sms("UCS-2", 134, 2));
        assertThat(Counters.sms("ж".repeat(135))).isEqualTo(new Counters.Sms("UCS-2", 135, 3));
        assertThat(Counters.sms("ok 👍").length()).as("UTF-16 units").isEqualTo(5);
    }

    @Test
    void cyrillicForcesUcs2() {
        assertThat(Counters.sms("Приносим извинения").encoding()).isEqualTo("UCS-2");
    }

    @Test
    void everyPolishDiacriticForcesUcs2() {
        assertThat(Counters.sms("Przepraszamy, sprawdz status").encoding()).isEqualTo("GSM-7");
        for (char c : "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".toCharArray()) {
            assertThat(Counters.isGsm7(String.valueOf(c))).as(String.valueOf(c)).isFalse();
        }
        assertThat(Counters.sms("Przepraszamy, sprawdź status")).isEqualTo(new Counters.Sms("UCS-2", 28, 1));
    }

    @Test
    void spanishEnieAndUmlautAreGsm7ButAcuteVowelsAreNot() {
        for (char c : "ñÑüÜéÉèìòùàÇ¿¡".toCharArray()) {
            assertThat(Counters.isGsm7(String.valueOf(c))).as(String.valueOf(c)).isTrue();
        }
        for (char c : "áíóúÁÍÓÚç".toCharArray()) {
            assertThat(Counters.isGsm7(String.valueOf(c))).as(String.valueOf(c)).isFalse();
        }
        assertThat(Counters.sms("¿Señal? Pingüino").encoding()).isEqualTo("GSM-7");
        assertThat(Counters.sms("Lo sentimos, la aplicación").encoding()).isEqualTo("UCS-2");
    }

    @Test
    void smsCapacityAndOverflow() {
        assertThat(Counters.smsCapacity("GSM-7", 3)).isEqualTo(459);
        assertThat(Counters.smsCapacity("UCS-2", 3)).isEqualTo(201);
        assertThat(Counters.smsCapacity("GSM-7", 1)).isEqualTo(160);
        assertThat(Counters.smsOverflowStart("a".repeat(160), 1)).isEqualTo(160);
        assertThat(Counters.smsOverflowStart("a".repeat(158) + "€€", 1)).as("2 parts: the 2nd starts at 153").isEqualTo(153);
        assertThat(Counters.smsOverflowStart("ж".repeat(69) + "👍", 1)).isEqualTo(67);
        assertThat(Counters.smsOverflowStart("ж".repeat(66) + "👍" + "ж".repeat(5), 1)).as("a pair is not split").isEqualTo(66);
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossUcs2Parts() {
        assertThat(Counters.sms("ж".repeat(68) + "👍")).as("70 units: one part").isEqualTo(new Counters.Sms("UCS-2", 70, 1));
        assertThat(Counters.smsPartStarts("ж".repeat(69) + "👍")).containsExactly(0, 67);
        // 134 units would be 2 parts of 67 if a pair could be split; whole, the emoji moves on and a 3rd part starts
        String crossing = "ж".repeat(66) + "👍" + "ж".repeat(66);
        assertThat(Counters.sms(crossing)).isEqualTo(new Counters.Sms("UCS-2", 134, 3));
        assertThat(Counters.smsPartStarts(crossing)).containsExactly(0, 66, 133);
        String fits = "ж".repeat(65) + "👍" + "ж".repeat(67);
        assertThat(Counters.smsPartStarts(fits)).as("the pair ends part 1 exactly").containsExactly(0, 67);
        // a flag (two regional indicators, 4 units) and a family (ZWJ sequence) are one grapheme each: not split either
        String flag = "ж".repeat(65) + "🇵🇱" + "ж".repeat(10);
        assertThat(Counters.smsPartStarts(flag)).containsExactly(0, 65);
        String family = "ж".repeat(60) + "👨‍👩‍👧" + "ж".repeat(10);
        assertThat(Counters.smsPartStarts(family)).containsExactly(0, 60);
        assertThat(Counters.sms("a\r\n" + "ж".repeat(68))).as("CR LF are two units").isEqualTo(new Counters.Sms("UCS-2", 71, 2));
    }

    @Test
    void aGsm7EscapeIsNeverSplitAcrossParts() {
        assertThat(Counters.sms("a".repeat(158) + "€")).as("160 septets: one part").isEqualTo(new Counters.Sms("GSM-7", 160, 1));
        assertThat(Counters.smsPartStarts("a".repeat(152) + "€" + "a".repeat(10))).containsExactly(0, 152);
        // 306 septets would be 2 parts of 153 if ESC + € could be split; whole, a 3rd part starts
        String crossing = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(Counters.sms(crossing)).isEqualTo(new Counters.Sms("GSM-7", 306, 3));
        assertThat(Counters.smsPartStarts(crossing)).containsExactly(0, 152, 304);
        assertThat(Counters.smsPartStarts("a".repeat(151) + "€" + "a".repeat(153))).containsExactly(0, 152);
        assertThat(Counters.smsPartStarts("")).isEmpty();
    }
}
