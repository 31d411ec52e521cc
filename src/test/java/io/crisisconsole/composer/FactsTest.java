package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.twitter.twittertext.Extractor;
import io.crisisconsole.composer.Facts.Fact;
import io.crisisconsole.composer.Facts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** URLs, hashtags and handles come from twitter-text's Extractor; their spans and keys. */
class FactsTest {

    static List<Tuple> found(String text, Kind kind) {
        return Facts.extract(text).stream().filter(f -> f.kind() == kind)
                .map(f -> tuple(text.substring(f.start(), f.end()), f.key())).toList();
    }

    @Test
    void urlsWithAndWithoutSchemeEndBeforeTheSentencePunctuation() {
        String text = "Please check https://status.example.com/outage?id=5, STATUS.EXAMPLE.COM/ and www.example.org. "
                + "Then (https://status.example.pl)!";
        assertThat(found(text, Kind.URL)).containsExactly(
                tuple("https://status.example.com/outage?id=5", "status.example.com/outage?id=5"),
                tuple("STATUS.EXAMPLE.COM/", "status.example.com"),
                tuple("www.example.org", "example.org"),
                tuple("https://status.example.pl", "status.example.pl"));
    }

    @Test
    void urlsInRussianPolishAndSpanishText() {
        assertThat(found("Следите за https://status.example.pl/новости.", Kind.URL))
                .containsExactly(tuple("https://status.example.pl/новости", "status.example.pl/новости"));
        assertThat(found("Sprawdźcie status.example.pl, proszę.", Kind.URL))
                .containsExactly(tuple("status.example.pl", "status.example.pl"));
        assertThat(found("Consulte «https://status.example.es».", Kind.URL))
                .containsExactly(tuple("https://status.example.es", "status.example.es"));
    }

    @Test
    void theFactsFindUrlsExactlyWhereTheXCountDoes() {
        for (String text : List.of(Drafts.variants().get(0).text(), "Sorry.Me too, see t.co/abc and bit.ly/x!",
                "Приносим извинения, перейдите на status.example.com или https://status.example.pl/a_(b).")) {
            List<String> facts = Facts.extract(text).stream().filter(f -> f.kind() == Kind.URL)
                    .map(f -> f.start() + "-" + f.end()).toList();
            List<String> x = new Extractor().extractURLsWithIndices(text).stream()
                    .map(e -> e.getStart() + "-" + e.getEnd()).toList();
            assertThat(facts).as(text).isNotEmpty().isEqualTo(x);
        }
    }

    @Test
    void tokenByTokenTheExtractorFindsWhatItFindsInTheWholeText() {
        List<String> texts = new ArrayList<>(List.of(Drafts.variants().get(1).text(),
                "ébc.com x\u00A0status.example.com\u0085y \u2028https://a.example.org/x_(y)\u202F#tag",
                "#a\uFE0F#b #foo#bar a/#b &#c ＃d \u200B#e\uFE0F", ".@a RT @b rt:@c x@d @e/list @f_ghijklmnopqrstuvwxyz01",
                "help@example.com, end. dot.", "https://статус.пример.рф и пример.рф/путь. t.co/abc"));
        String[] parts = {" ", "\u00A0", "\u202F", "\u2028", "\t", "\n", "\u001C", "\u0085", "\uFE0F", "#", "＃", "@",
            "＠", ".", "/", ":", "-", "_", "(", ")", "&", "é", "ж", "\u0301", "\u202A", "https://", "www.", "a", "Z", "1",
            "com", "pl", "рф", "t.co", "example", "RT", "tag", "Авария", "😀", "?", "=", "…", "x/list"};
        Random random = new Random(7);
        for (int k = 0; k < 5000; k++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            texts.add(b.toString());
        }
        Extractor whole = new Extractor();
        Extractor byToken = new Facts.TokenExtractor();
        for (String t : texts) {
            assertThat(byToken.extractURLsWithIndices(t)).as(t).isEqualTo(whole.extractURLsWithIndices(t));
            assertThat(byToken.extractHashtagsWithIndices(t)).as(t).isEqualTo(whole.extractHashtagsWithIndices(t));
            assertThat(byToken.extractMentionsOrListsWithIndices(t)).as(t)
                    .isEqualTo(whole.extractMentionsOrListsWithIndices(t));
            assertThat(byToken.extractMentionedScreennamesWithIndices(t)).as(t)
                    .isEqualTo(whole.extractMentionedScreennamesWithIndices(t));
        }
    }

    @Test
    void hashtagsInEveryScriptAndNotInsideUrls() {
        String text = "#ExampleOutage #Авария, #СтатусСервиса_2 #Łódź #niño https://status.example.com/#updates #2";
        assertThat(found(text, Kind.HASHTAG)).containsExactly(
                tuple("#ExampleOutage", "#exampleoutage"),
                tuple("#Авария", "#авария"),
                tuple("#СтатусСервиса_2", "#статуссервиса_2"),
                tuple("#Łódź", "#łódź"),
                tuple("#niño", "#niño"));
        assertThat(found(text, Kind.URL)).extracting(t -> t.toList().get(0))
                .containsExactly("https://status.example.com/#updates");
        assertThat(found("a full-width ＃Awaria", Kind.HASHTAG)).as("the key uses #")
                .containsExactly(tuple("＃Awaria", "#awaria"));
    }

    @Test
    void handlesButNotTheAtOfAnEmailAddress() {
        String text = "Write to @ExampleHelp or help@example.com, RT @someone_else: ok";
        List<Fact> facts = Facts.extract(text);
        assertThat(found(text, Kind.HANDLE)).containsExactly(
                tuple("@ExampleHelp", "@examplehelp"),
                tuple("@someone_else", "@someone_else"));
        assertThat(found(text, Kind.EMAIL)).containsExactly(tuple("help@example.com", "help@example.com"));
        assertThat(facts).extracting(Fact::kind).doesNotContain(Kind.URL);
    }

    @Test
    void otherFactsStillTakeTheirTextAroundThem() {
        String text = "3,000 customers since 14:10, refund €5, see status.example.com #Outage @Example 24/7";
        assertThat(Facts.extract(text)).extracting(f -> f.kind(), f -> text.substring(f.start(), f.end()))
                .containsExactly(tuple(Kind.NUMBER, "3,000"), tuple(Kind.TIME, "14:10"), tuple(Kind.AMOUNT, "€5"),
                        tuple(Kind.URL, "status.example.com"), tuple(Kind.HASHTAG, "#Outage"),
                        tuple(Kind.HANDLE, "@Example"));
    }
}
