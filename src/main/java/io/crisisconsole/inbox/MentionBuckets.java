package io.crisisconsole.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A case's mentions counted per bucket of their published time (UTC, {@code width} wide, aligned on
 * the epoch: 15-minute buckets start at :00, :15, :30 and :45), from the first mention's bucket on,
 * empty buckets included, in time order. Counted in the database (see {@link InboxService#buckets}).
 */
public record MentionBuckets(Duration width, List<Bucket> buckets) {

    public MentionBuckets {
        buckets = List.copyOf(buckets);
    }

    /**
     * One bucket.
     *
     * @param answered the mentions of the bucket the brand has answered, and {@code responseSeconds}
     *        the sum of their first-response times (published to first answer)
     */
    public record Bucket(Instant start, long mentions, long positive, long neutral, long negative, long unknown,
            long answered, long responseSeconds) {

        /** Mentions whose sentiment is known (positive, neutral or negative). */
        public long withSentiment() {
            return positive + neutral + negative;
        }

        /** The mean first-response time of the answered mentions in seconds, or null when none was answered. */
        public Double meanResponseSeconds() {
            return answered == 0 ? null : (double) responseSeconds / answered;
        }
    }

    /** The counts of mentions, bucket by bucket. */
    public long[] counts() {
        return buckets.stream().mapToLong(Bucket::mentions).toArray();
    }
}
