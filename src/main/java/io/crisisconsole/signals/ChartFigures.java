package io.crisisconsole.signals;

import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.MentionBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the workspace charts show for one case, counted in the database: the mentions per 15-minute
 * bucket (with their sentiment and first responses, see {@link MentionBuckets}) of the last
 * {@value #MAX_SHOWN} buckets (two days), the brand's publications in that time, and the
 * first-response target.
 *
 * @param targetMinutes the first-response target of complaints (the playbook's, else the inbox default)
 */
public record ChartFigures(List<MentionBuckets.Bucket> buckets, List<DraftPublication> publications,
        int targetMinutes) {

    /** The charts show at most two days of quarter hours: the latest. */
    public static final int MAX_SHOWN = 192;

    public ChartFigures {
        buckets = List.copyOf(buckets);
        publications = List.copyOf(publications);
    }

    /** Reads the figures of case {@code caseId} up to {@code now} (in the background: it queries the store). */
    public static ChartFigures load(InboxService inbox, DraftService drafts, long caseId, Instant now) {
        // the last two days of the case's activity: up to now while it is live, else up to its newest
        // mention (an export from last week); only that window is counted (the published-time index)
        Instant latest = inbox.latestPublished(caseId).orElse(now);
        Duration shownSpan = Detectors.BUCKET.multipliedBy(MAX_SHOWN);
        Instant end = latest.isAfter(now.minus(shownSpan)) ? now : latest;
        List<MentionBuckets.Bucket> all = inbox.buckets(caseId, Detectors.BUCKET, end, end.minus(shownSpan)).buckets();
        List<MentionBuckets.Bucket> shown = all.subList(Math.max(0, all.size() - MAX_SHOWN), all.size());
        Instant from = shown.isEmpty() ? Instant.MIN : shown.get(0).start();
        List<DraftPublication> published = new ArrayList<>();
        for (DraftPublication p : drafts.publicationsOfCase(caseId)) {
            if (!p.publishedAt().isBefore(from)) {
                published.add(p);
            }
        }
        published.sort(Comparator.comparing(DraftPublication::publishedAt));
        return new ChartFigures(shown, published, inbox.replyMinutes(caseId).get(InboxType.COMPLAINT));
    }
}
