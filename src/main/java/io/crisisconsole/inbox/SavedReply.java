package io.crisisconsole.inbox;

import java.time.Instant;

/**
 * A reply the person saved for a playbook, to start answers from.
 *
 * @param text with the templates' placeholders ({@code {{hub_url}}}), filled when inserted
 * @param mentionType the type of mention it is meant for, or null for any
 */
public record SavedReply(long id, long playbookId, String name, String text, InboxType mentionType, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt) {
}
