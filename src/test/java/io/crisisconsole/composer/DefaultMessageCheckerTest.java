package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.composer.Finding.Level;
import io.crisisconsole.playbooks.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultMessageCheckerTest {

    final DefaultMessageChecker checker = new DefaultMessageChecker();

    List<Finding> check(Channel ch, String text) {
        return check(Drafts.core(), Drafts.context(), ch, text);
    }

    List<Finding> check(CoreMessage core, MessageContext ctx, Channel ch, String text) {
        return checker.check(core, List.of(new Variant(ch, text)), ctx).findings();
    }

    static String span(String text, Finding f) {
        return text.substring(f.start(), f.end());
    }

    static List<String> codes(List<Finding> fs) {
        return fs.stream().map(Finding::code).toList();
    }

    @Test
    void theRealisticDraftIsClean() {
        CheckReport r = checker.check(Drafts.core(), Drafts.variants(), Drafts.context());
        assertThat(r.findings()).isEmpty();
        assertThat(r.clean()).isTrue();
        assertThat(r.counts()).hasSize(10);
        assertThat(r.counts().get(4)).isEqualTo(new ChannelCount(Channel.SMS, 115, 459, 1, "GSM-7", 3));
    }

    @Test
    void aWrongTimeIsAnErrorAtItsSpan() {
        String text = "We're sorry. Please check " + Drafts.HUB + " – next update 16:00. " + Drafts.TAG;
        List<Finding> f = check(Channel.X, text);
        assertThat(codes(f)).containsExactly("fact-mismatch");
        assertThat(f.get(0).level()).isEqualTo(Level.ERROR);
        assertThat(span(text, f.get(0))).isEqualTo("16:00");
        assertThat(f.get(0).message()).contains("16:30");
    }

    @Test
    void numbersTimesAmountsAreNormalised() {
        for (String same : List.of("3,000", "3 000", "3.000", "3000", "3\u00A0000")) {
            String text = "Sorry, " + same + " customers. Please check " + Drafts.HUB + " at 4:30 pm. Refund €5. " + Drafts.TAG;
            assertThat(check(Channel.X, text)).as(same).isEmpty();
        }
        String text = "Sorry, 4,000 customers, refund 5 PLN, call +44 20 7946 0999, see www.other.example.org @someone #Other. "
                + "Please check " + Drafts.HUB + " " + Drafts.TAG;
        List<Finding> f = check(Channel.X, text);
        assertThat(f).extracting(x -> span(text, x))
                .containsExactly("4,000", "5 PLN", "+44 20 7946 0999", "www.other.example.org", "@someone", "#Other");
        assertThat(f).allSatisfy(x -> assertThat(x.code()).isEqualTo("fact-mismatch"));
    }

    @Test
    void missingHashtagOnlyWhereChannelsCarryThem() {
        String text = "We are sorry. Please check " + Drafts.HUB + ".";
        List<Finding> x = check(Channel.X, text);
        assertThat(codes(x)).containsExactly("missing-hashtag");
        assertThat(x.get(0).level()).isEqualTo(Level.WARNING);
        assertThat(x.get(0).start()).isEqualTo(text.length()).isEqualTo(x.get(0).end());
        assertThat(check(Channel.SMS, text)).isEmpty();
        assertThat(check(Channel.PRESS, text)).isEmpty();
        assertThat(check(Channel.X, "We are sorry. Please check " + Drafts.HUB + " #exampleoutage")).as("any case").isEmpty();
    }

    @Test
    void missingHubLinkOnPublicChannelsOnly() {
        String text = "We are sorry. Please check our app for updates.";
        assertThat(codes(check(Channel.FACEBOOK, text))).containsExactly("missing-hashtag", "missing-hub-link");
        assertThat(check(Channel.FACEBOOK, text).get(1).level()).isEqualTo(Level.ERROR);
        assertThat(codes(check(Channel.SMS, text))).containsExactly("missing-hub-link");
        assertThat(check(Channel.STAFF_MEMO, text)).isEmpty();
        assertThat(check(Channel.SMS, "Sorry. Please check STATUS.EXAMPLE.COM/ now.")).as("without scheme, any case").isEmpty();
    }

    @Test
    void missingCallToActionAndApology() {
        String text = "We are working on it: " + Drafts.HUB;
        List<Finding> f = check(Channel.WEBSITE, text);
        assertThat(codes(f)).containsExactly("missing-call-to-action", "missing-apology");
        assertThat(f).extracting(Finding::level).containsExactly(Level.WARNING, Level.ERROR);
        assertThat(f).allSatisfy(x -> assertThat(x.start()).isEqualTo(text.length()));
        CoreMessage noApology = new CoreMessage("", "", "", "", false, List.of());
        MessageContext ctx = new MessageContext("en", null, Drafts.HUB, false, Map.of());
        assertThat(codes(check(noApology, ctx, Channel.WEBSITE, text))).containsExactly("missing-call-to-action");
        assertThat(codes(check(noApology, ctx, Channel.STAFF_MEMO, "Thousands because of usefulness")))
                .as("cues are whole words").containsExactly("missing-call-to-action");
    }

    @Test
    void forbiddenPhraseAndBlamingAndDefensiveWithSpans() {
        String text = "Sorry. This is NOT  our fault: the intern did it, as we already said. Please check " + Drafts.HUB;
        List<Finding> f = check(Channel.WEBSITE, text);
        assertThat(f).extracting(Finding::code, x -> span(text, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "NOT  our fault"),
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "the intern"),
                org.assertj.core.groups.Tuple.tuple("defensive", "as we already said"));
        assertThat(f.get(2).level()).isEqualTo(Level.WARNING);
        String blame = "Sorry, our supplier is to blame and a rogue employee. Please check " + Drafts.HUB;
        assertThat(check(Channel.WEBSITE, blame)).extracting(Finding::code, x -> span(blame, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("blaming", "our supplier is to blame"),
                org.assertj.core.groups.Tuple.tuple("blaming", "a rogue"));
        String apostrophe = "Sorry, it was an employee’s mistake. Please check " + Drafts.HUB;
        assertThat(check(Channel.WEBSITE, apostrophe)).extracting(x -> span(apostrophe, x))
                .containsExactly("it was an employee’s mistake");
    }

    @Test
    void overLimitSpansTheOverflow() {
        String text = "Sorry. Please check " + Drafts.HUB + " " + Drafts.TAG + " " + "a".repeat(300);
        List<Finding> f = check(Channel.X, text);
        assertThat(codes(f)).containsExactly("over-limit");
        assertThat(f.get(0).end()).isEqualTo(text.length());
        int weightBefore = Counters.xWeightedLength(text.substring(0, f.get(0).start()));
        assertThat(weightBefore).isEqualTo(280);
        String sms = "Sorry. Please check status.example.com " + "ж".repeat(200);
        List<Finding> s = check(Channel.SMS, sms);
        assertThat(codes(s)).containsExactly("over-limit");
        assertThat(s.get(0).start()).isEqualTo(201);
        assertThat(s.get(0).message()).contains("4 SMS parts", "201 UCS-2");
    }

    static MessageContext ctx(String lang) {
        return new MessageContext(lang, "#Awaria", "https://status.example.pl", true, Drafts.context().forbiddenPhrases());
    }

    static CoreMessage core(String nextUpdate) {
        return new CoreMessage("", "", "", nextUpdate, true, List.of("3 000"));
    }

    @Test
    void russian() {
        String text = "Приносим извинения. Это не наша вина, виноват сотрудник. Следите за https://status.example.pl в 16:00 #Awaria";
        List<Finding> f = check(core("16:30"), ctx("ru"), Channel.X, text);
        assertThat(f).extracting(Finding::code, x -> span(text, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "Это не наша вина"),
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "виноват сотрудник"),
                org.assertj.core.groups.Tuple.tuple("fact-mismatch", "16:00"));
        String clean = "Приносим извинения. Проверьте https://status.example.pl, 3 000 клиентов, обновление в 16:30 #Awaria";
        assertThat(check(core("16:30"), ctx("ru"), Channel.X, clean)).isEmpty();
        assertThat(codes(check(core("16:30"), ctx("ru"), Channel.X, "Мы работаем https://status.example.pl #Awaria")))
                .containsExactly("missing-call-to-action", "missing-apology");
        String yo = "Извините. Проверьте https://status.example.pl. Мы ни в чём не виноваты #Awaria";
        assertThat(check(core("16:30"), ctx("ru"), Channel.X, yo)).extracting(x -> span(yo, x))
                .containsExactly("Мы ни в чём не виноваты");
    }

    @Test
    void aCyrillicOfficialHashtagIsFoundAndAnotherIsAMismatchAtItsSpan() {
        MessageContext ctx = new MessageContext("ru", "#Авария", "https://status.example.pl", false, Map.of());
        CoreMessage c = new CoreMessage("", "", "", "", false, List.of());
        String clean = "Приносим извинения. Проверьте https://status.example.pl #авария";
        assertThat(check(c, ctx, Channel.X, clean)).as("any case").isEmpty();
        String other = "Приносим извинения. Проверьте https://status.example.pl #Сбой @ExampleHelp";
        List<Finding> f = check(c, ctx, Channel.X, other);
        assertThat(f).extracting(Finding::code, x -> span(other, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fact-mismatch", "#Сбой"),
                org.assertj.core.groups.Tuple.tuple("fact-mismatch", "@ExampleHelp"),
                org.assertj.core.groups.Tuple.tuple("missing-hashtag", ""));
    }

    @Test
    void polishWithDecomposedDiacriticsMapsSpansBack() {
        String text = "Przepraszamy. Zawinił pracownik, nie ponosimy winy. Sprawdźcie https://status.example.pl #Awaria";
        List<Finding> f = check(core("16.30"), ctx("pl"), Channel.FACEBOOK, text);
        assertThat(f).extracting(Finding::code, x -> span(text, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "Zawinił pracownik"),
                org.assertj.core.groups.Tuple.tuple("defensive", "nie ponosimy winy"));
        // ę and ć typed as e + U+0328 and c + U+0301 (NFD): found, and the span covers the combining marks
        String decomposed = "Przepraszamy. Prosze\u0328 sie\u0328 uspokoic\u0301! Bez komentarza\u0301. "
                + "Zadzwon\u0301 https://status.example.pl #Awaria";
        List<Finding> d = check(core("16.30"), ctx("pl"), Channel.FACEBOOK, decomposed);
        assertThat(d).extracting(Finding::code, x -> span(decomposed, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "Prosze\u0328 sie\u0328 uspokoic\u0301"));
        String combining = "Przepraszamy, godz. 16:30. Sprawdz\u0301 https://status.example.pl #Awaria";
        assertThat(check(core("16.30"), ctx("pl"), Channel.FACEBOOK, combining)).as("o+U+0301 = ó; 16.30 = 16:30").isEmpty();
    }

    @Test
    void spanish() {
        String text = "Lo sentimos. La culpa es de un proveedor, no es culpa nuestra. Consulte https://status.example.pl. "
                + "Reembolso de 6 € #Awaria";
        CoreMessage c = new CoreMessage("", "", "", "", true, List.of("reembolso de 5 €"));
        List<Finding> f = check(c, ctx("es"), Channel.INSTAGRAM, text);
        assertThat(f).extracting(Finding::code, x -> span(text, x)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("blaming", "La culpa es de"),
                org.assertj.core.groups.Tuple.tuple("forbidden-phrase", "no es culpa nuestra"),
                org.assertj.core.groups.Tuple.tuple("fact-mismatch", "6 €"));
        assertThat(codes(check(c, ctx("es"), Channel.INSTAGRAM, "Consulte https://status.example.pl #Awaria")))
                .containsExactly("missing-apology");
    }

    @Test
    void aChannelLeftEmptyIsNotUsedAndNotChecked() {
        CheckReport r = checker.check(Drafts.core(), List.of(new Variant(Channel.INSTAGRAM, ""),
                new Variant(Channel.LINKEDIN, "   ")), Drafts.context());
        assertThat(r.findings()).isEmpty();
        assertThat(r.counts()).hasSize(2);
    }

    @Test
    void aPlaceholderLeftInAMessageIsAnErrorAtItsSpan() {
        String text = "{{brand}}: checkout is down. We are sorry. Updates: https://status.example.com";
        List<Finding> fs = check(Channel.SMS, text);
        assertThat(fs).filteredOn(f -> f.code().equals("unfilled-placeholder")).singleElement()
                .satisfies(f -> {
                    assertThat(span(text, f)).isEqualTo("{{brand}}");
                    assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
                });
    }
}
