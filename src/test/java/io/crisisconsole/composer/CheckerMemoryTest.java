package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker keeps what it found in each variant's text from the last check, so a keystroke
 * analyses only what changed: whatever is typed, in a variant, in the core message or in the case,
 * a checker that has checked before reports exactly what a new checker reports.
 */
class CheckerMemoryTest {

    private static final String[] TYPED = {"x", " ", "sorry", "#ExampleOutage", " 17:45", " not our fault",
        " https://status.example.com", " {{issue}}", " 4,000", "é", "😀", " the intern did it"};

    @Test
    void aReusedCheckerReportsWhatANewCheckerReportsThroughEveryKindOfEdit() {
        DefaultMessageChecker reused = new DefaultMessageChecker();
        Random random = new Random(20261202);
        List<Variant> variants = new ArrayList<>(Drafts.variants());
        CoreMessage core = Drafts.core();
        MessageContext context = Drafts.context();
        int withFindings = 0;
        for (int step = 0; step < 600; step++) {
            int kind = random.nextInt(10);
            String typed = TYPED[random.nextInt(TYPED.length)];
            if (kind < 6) { // a keystroke or a paste in one variant, or the variant cleared
                int i = random.nextInt(variants.size());
                Variant v = variants.get(i);
                String text = random.nextInt(40) == 0 ? "" : cut(v.text() + typed, random);
                variants.set(i, new Variant(v.channel(), text));
            } else if (kind < 9) { // the core message: what happened, the next update, the apology
                core = new CoreMessage(cut(core.whatHappened() + typed, random), core.whatWeAreDoing(),
                        core.whatYouShouldDo(), random.nextBoolean() ? core.nextUpdate() : "17:45",
                        random.nextInt(5) != 0, core.keyFacts());
            } else { // the case: hashtag, hub, language, whether an apology is required
                context = random.nextBoolean()
                        ? new MessageContext(random.nextBoolean() ? "en" : "pl", context.hashtag(), context.hubUrl(),
                                !context.apologyRequired(), context.forbiddenPhrases())
                        : new MessageContext(context.language(), random.nextBoolean() ? "#Other" : Drafts.TAG,
                                random.nextBoolean() ? "https://help.example.com" : Drafts.HUB, context.apologyRequired(),
                                Map.of("en", List.of("the intern"), "pl", List.of("bez komentarza")));
            }
            CheckReport fresh = new DefaultMessageChecker().check(core, List.copyOf(variants), context);
            assertThat(reused.check(core, List.copyOf(variants), context)).as("step %d", step).isEqualTo(fresh);
            withFindings += fresh.findings().isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).as("the edits made findings to compare").isGreaterThan(300);
    }

    @Test
    void theSameVariantTextUnderAnotherChannelIsCheckedForThatChannel() {
        DefaultMessageChecker checker = new DefaultMessageChecker();
        String text = "We are sorry. Please check https://status.example.com";
        checker.check(Drafts.core(), List.of(new Variant(Channel.X, text)), Drafts.context());
        CheckReport sms = checker.check(Drafts.core(), List.of(new Variant(Channel.SMS, text)), Drafts.context());
        assertThat(sms).isEqualTo(new DefaultMessageChecker().check(Drafts.core(), List.of(new Variant(Channel.SMS, text)),
                Drafts.context()));
        assertThat(sms.counts()).singleElement().extracting(ChannelCount::channel).isEqualTo(Channel.SMS);
    }

    /** Now and then a backspace or a cut in the middle, as people edit. */
    private static String cut(String text, Random random) {
        if (text.length() > 20 && random.nextInt(4) == 0) {
            int at = random.nextInt(text.length() - 10);
            return text.substring(0, at) + text.substring(at + 1 + random.nextInt(5));
        }
        return text;
    }
}
