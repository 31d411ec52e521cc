package io.crisisconsole.review;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.timeline.TimelineService;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The review of a case (issue #13 item 1): its texts and its key times, each key time derived from
 * the store unless the reviewer set it, every change kept with who and when. Reads other features
 * through their services; writes the timeline through the timeline service.
 */
public final class ReviewService {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_NOTE = 500;

    private final Jdbi jdbi;
    private final TimelineService timeline;
    private final CaseService cases;
    private final InboxService inbox;
    private final DraftService drafts;
    private final CasePlaybookService casePlaybooks;

    public ReviewService(Jdbi jdbi, TimelineService timeline, CaseService cases, InboxService inbox,
            DraftService drafts, CasePlaybookService casePlaybooks) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.inbox = Objects.requireNonNull(inbox);
        this.drafts = Objects.requireNonNull(drafts);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
    }

    /** The case's review; version 0 with empty texts when never saved. */
    public Review review(long caseId) {
        throw new UnsupportedOperationException("contract: implemented by the lead");
    }

    /**
     * Saves the texts; {@code expectedVersion} is the version the editor started from.
     *
     * @throws io.crisisconsole.toolkit.ConcurrentChangeException when someone saved in between
     */
    public Review save(long caseId, int expectedVersion, ReviewText text, String author) {
        throw new UnsupportedOperationException("contract: implemented by the lead");
    }

    /** The six key times in {@link KeyTime} order, each derived or as the reviewer set it. */
    public List<KeyTimeValue> keyTimes(long caseId) {
        throw new UnsupportedOperationException("contract: implemented by the lead");
    }

    /**
     * Sets key time {@code kind} to {@code at}, or back to the derived time when {@code at} is
     * null; the change is kept with {@code author}, the case's now and {@code note}.
     */
    public KeyTimeValue setKeyTime(long caseId, KeyTime kind, Instant at, String note, String author) {
        throw new UnsupportedOperationException("contract: implemented by the lead");
    }

    /** Every change of the case's key times, oldest first. */
    public List<KeyTimeChange> keyTimeChanges(long caseId) {
        throw new UnsupportedOperationException("contract: implemented by the lead");
    }
}
