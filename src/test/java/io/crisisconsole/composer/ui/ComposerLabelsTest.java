package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.testsupport.English;
import org.junit.jupiter.api.Test;

/**
 * In English the window names statuses, channels and stages as the domain does for the command line
 * and the timeline (the domain's names stay English; the window's come from the messages).
 */
class ComposerLabelsTest {

    final ComposerLabels labels = new ComposerLabels(English.MESSAGES);

    @Test
    void inEnglishTheWindowsNamesAreTheDomains() {
        for (DraftStatus s : DraftStatus.values()) {
            assertThat(labels.status(s)).as(s.name()).isEqualTo(s.label());
        }
        for (Channel c : Channel.values()) {
            assertThat(labels.channel(c)).as(c.name()).isEqualTo(DraftService.label(c));
        }
        for (Stage s : Stage.values()) {
            assertThat(labels.stage(s)).as(s.name()).isEqualTo(s.yamlName());
        }
    }
}
