package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The editor's fields and their mapping to draft content. */
class ComposerFieldsTest {

    final ComposerFields fields = new ComposerFields();
    final AtomicInteger edits = new AtomicInteger();

    static DraftContent content() {
        return new DraftContent(new CoreMessage("Checkout fails", "Rolling back", "Pay by transfer", "16:30", true,
                List.of("about 3,000 orders", "since 14:10")), List.of()).withText(Channel.X, "We know.")
                .withText(Channel.SMS, "Sorry.");
    }

    @Test
    void whatIsAppliedReadsBackAsTheSameContentAndIsNotAnEdit() {
        fields.onEdited(edits::incrementAndGet);

        fields.apply(Stage.IDENTIFIED, content());

        assertThat(edits.get()).isZero();
        assertThat(fields.content()).isEqualTo(content());
        assertThat(fields.stage()).isEqualTo(Stage.IDENTIFIED);
        assertThat(fields.keyFactsProperty().get()).isEqualTo("about 3,000 orders\nsince 14:10");
        assertThat(fields.variantProperty(Channel.EMAIL).get()).isEmpty();
    }

    @Test
    void everyFieldCountsAsAnEdit() {
        fields.onEdited(edits::incrementAndGet);
        assertThat(fields.all()).hasSize(7 + Channel.values().length);

        fields.stageProperty().set(Stage.MONITORING);
        fields.whatHappenedProperty().set("a");
        fields.apologyProperty().set(true);
        fields.variantProperty(Channel.PRESS).set("b");

        assertThat(edits.get()).isEqualTo(4);
    }

    @Test
    void keyFactsAreOnePerLineBlankLinesDropped() {
        fields.keyFactsProperty().set("  one \n\n two\n");
        assertThat(fields.core().keyFacts()).containsExactly("one", "two");
        fields.keyFactsProperty().set(null);
        assertThat(fields.core().keyFacts()).isEmpty();
    }

    @Test
    void theStageDefaultsToInvestigatingWhenNoneIsChosen() {
        assertThat(fields.stageOrDefault()).isEqualTo(Stage.INVESTIGATING);
        fields.stageProperty().set(null);
        assertThat(fields.stage()).isNull();
        assertThat(fields.stageOrDefault()).isEqualTo(Stage.INVESTIGATING);
    }

    @Test
    void placeholdersWithAValueAreFilledInEveryVariant() {
        fields.variantProperty(Channel.X).set("Updates: {{hub_url}} {{hashtag}} by {{brand}}");
        fields.variantProperty(Channel.WEBSITE).set("{{hashtag}}");

        fields.fillPlaceholders(Map.of("hub_url", "https://status.example.com", "hashtag", "#CheckoutStatus"));

        assertThat(fields.variantProperty(Channel.X).get())
                .isEqualTo("Updates: https://status.example.com #CheckoutStatus by {{brand}}");
        assertThat(fields.variantProperty(Channel.WEBSITE).get()).isEqualTo("#CheckoutStatus");
    }
}
