package io.crisisconsole.rehearsal;

import io.crisisconsole.playbooks.Channel;
import java.time.Instant;

/**
 * One item of a simulated channel: what an inject put there ({@code injectId} set), or what the
 * team published from the composer ({@code channel} set, {@code fromTeam}).
 *
 * @param personaType the persona's type (yaml name), or null
 * @param mentionId the inbox mention it also became, or null
 */
public record FeedItem(long id, Feed feed, Instant postedAt, String injectId, boolean fromTeam, Channel channel,
        String author, String handle, String personaType, String platform, String via, String body, Long mentionId) {
}
