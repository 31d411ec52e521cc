package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import java.time.Instant;

/**
 * A channel a draft went out on: when (entered by hand), which version, who wrote it down and when.
 */
public record DraftPublication(long id, long draftId, Channel channel, int draftVersion, Instant publishedAt,
        String markedBy, Instant markedAt) {
}
