package io.crisisconsole.toolkit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.testsupport.English;
import io.crisisconsole.toolkit.UserFacing;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifierTest {

    /** A failure whose message is a whole sentence, as the store's are. */
    static final class Sentence extends RuntimeException implements UserFacing {
        Sentence(String message) {
            super(message);
        }
    }

    @Test
    void aReasonThatIsASentenceIsPutIntoAPatternWithOneFullStop() {
        Notifier notifier = new Notifier(English.MESSAGES);
        Throwable full = new Sentence("The disk holding /data is full: the change was not saved.");

        assertThat(notifier.explain(full)).isEqualTo("The disk holding /data is full: the change was not saved");
        notifier.error(English.MESSAGES.get("autosave.failed", notifier.explain(full)));
        assertThat(notifier.messageProperty().get()).isEqualTo(
                "Not autosaved: The disk holding /data is full: the change was not saved. What you typed is still in the dialog.");
        notifier.failed("Adding the note", full);
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Adding the note: The disk holding /data is full: the change was not saved.");
    }

    @Test
    void theExplainerSpeaksForFailuresWithoutWordsOfTheirOwn() {
        Notifier notifier = new Notifier(English.MESSAGES, t -> t instanceof IllegalStateException
                ? Optional.of("The store was closed after a failed write.") : Optional.empty());

        notifier.failed("Saving", new IllegalStateException("ConnectionException 90098"));

        assertThat(notifier.messageProperty().get()).isEqualTo("Saving: The store was closed after a failed write.")
                .doesNotContain("90098");
        assertThat(notifier.explain(new Sentence("An ellipsis stays..."))).isEqualTo("An ellipsis stays...");
    }
}
