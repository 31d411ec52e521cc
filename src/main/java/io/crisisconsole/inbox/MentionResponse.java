package io.crisisconsole.inbox;

import java.time.Instant;

/**
 * An answer of the brand: to a mention ({@code mentionId}), or an own-account row of an export
 * whose thread is not in the inbox ({@code mentionId} null).
 *
 * @param sentAt when it went out
 * @param sentBy who sent it (the person, or the brand account of an imported row)
 */
public record MentionResponse(long id, long caseId, Long mentionId, Visibility visibility, Instant sentAt,
        String text, String sentBy, String platform, String url, String sourceId, String replyTo,
        String importedFrom, Long importedLine, Instant recordedAt) {
}
