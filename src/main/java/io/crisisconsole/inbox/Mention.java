package io.crisisconsole.inbox;

import java.time.Instant;

/**
 * A mention in a case's inbox.
 *
 * @param text exactly as imported
 * @param typeSuggested whether {@code type} is still the suggestion (no person has set it)
 * @param priority the triage score (see {@link Triage#priority})
 * @param tags the person's tags, comma-separated, or null
 * @param firstResponseAt when the brand's first public or private answer went out, or null
 * @param importedFrom the file it came from (null when added by hand), and {@code importedLine} its line there
 */
public record Mention(long id, long caseId, String sourceId, String url, String platform, String author,
        Instant publishedAt, String text, String language, Sentiment sentiment, Long reach, String replyTo,
        InboxType type, boolean typeSuggested, int priority, MentionState state, String assignedTo, String tags,
        Instant firstResponseAt, String importedFrom, Long importedLine, Instant addedAt, Instant updatedAt) {
}
