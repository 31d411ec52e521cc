package io.crisisconsole.inbox;

import java.util.Map;

/**
 * The figures of a case's mentions counted in one pass (see {@link InboxService#figures}): read by
 * the review report.
 *
 * @param buckets the mentions per bucket of published time, as {@link InboxService#buckets} counts them
 * @param before mentions per sentiment published before the period's start (every sentiment present),
 *        {@code during} from its start to its end, {@code after} from its end on
 * @param reach the sum of the mentions' reach (a mention without reach counts 0)
 */
public record CaseFigures(MentionBuckets buckets, Map<Sentiment, Long> before, Map<Sentiment, Long> during,
        Map<Sentiment, Long> after, long reach, ResponseFigures responses) {

    public CaseFigures {
        before = Map.copyOf(before);
        during = Map.copyOf(during);
        after = Map.copyOf(after);
    }

    /** All the mentions. */
    public long mentions() {
        return responses.mentions();
    }
}
