package io.crisisconsole.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One mention as read from an export of a listening tool (or typed by hand), before it is stored
 * in a case's inbox. Text is exactly as the file had it (no trimming inside, no escaping).
 *
 * @param line where it starts in the file (1-based; the physical line of a CSV/TSV row, the row
 *        number of an XLSX sheet; 0 for a mention added by hand)
 * @param sourceId the tool's id of the mention, or null
 * @param url the mention's address, or null
 * @param platform where it was posted, as a lowercase key: x, facebook, instagram, linkedin, tiktok,
 *        youtube, telegram, vk, reddit, news, blog, forum, review, other (never null)
 * @param author the author's name or handle as the tool gave it, or null
 * @param publishedAt when it was published (never null)
 * @param text what it says (never null, never blank)
 * @param language its language as a BCP 47 tag ({@code en}, {@code ru}, {@code pl}, {@code es}), or null
 * @param sentiment the tool's sentiment, {@link Sentiment#UNKNOWN} when it gave none
 * @param reach followers or reach as the tool gave it, or null
 * @param replyTo the id or address of the mention this one answers (its thread), or null
 */
public record IncomingMention(long line, String sourceId, String url, String platform, String author,
        Instant publishedAt, String text, String language, Sentiment sentiment, Long reach, String replyTo) {

    public IncomingMention {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentiment, "sentiment");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a mention needs text");
        }
    }
}
