package io.crisisconsole.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures of a case's inbox.
 *
 * @param byState count per state (every state, zeros included), {@code byType} and
 *        {@code bySentiment} likewise
 * @param per15Minutes mentions per quarter hour of their published time (UTC quarter hours, from
 *        the first mention's to the last one's, empty quarters included)
 */
public record InboxStats(long total, Map<MentionState, Long> byState, Map<InboxType, Long> byType,
        Map<Sentiment, Long> bySentiment, List<Bucket> per15Minutes, FirstResponses firstResponses) {

    public record Bucket(Instant start, long count) {
    }

    /**
     * First-response times of the answered mentions (from published to the first public or private
     * answer). Percentiles by nearest rank: the median is the value at rank ceil(n/2) of the sorted
     * times, p90 at rank ceil(0.9 n).
     *
     * @param medianSeconds null when none was answered, like {@code p90Seconds} and {@code shareWithinTarget}
     * @param shareWithinTarget answered by their due time, out of the answered (0 to 1)
     */
    public record FirstResponses(int answered, int withinTarget, Long medianSeconds, Long p90Seconds,
            Double shareWithinTarget) {
    }
}
