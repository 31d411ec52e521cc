package io.crisisconsole.composer.ui;

import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.ui.ChannelNames;
import io.crisisconsole.toolkit.Messages;

/**
 * How the composer window names a draft's status, a channel and a stage, in the UI language. The
 * domain's English names ({@code DraftStatus.label()}, {@code DraftService.label(Channel)}) stay for
 * the command line and the timeline; the window uses these.
 */
final class ComposerLabels {

    private final Messages messages;

    ComposerLabels(Messages messages) {
        this.messages = messages;
    }

    String status(DraftStatus s) {
        return messages.get(switch (s) {
            case DRAFT -> "draftStatus.draft";
            case IN_REVIEW -> "draftStatus.inReview";
            case APPROVED -> "draftStatus.approved";
        });
    }

    String channel(Channel c) {
        return messages.get(ChannelNames.key(c));
    }

    String stage(Stage s) {
        return messages.get(switch (s) {
            case INVESTIGATING -> "stage.investigating";
            case IDENTIFIED -> "stage.identified";
            case MONITORING -> "stage.monitoring";
            case RESOLVED -> "stage.resolved";
        });
    }
}
