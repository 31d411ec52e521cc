package io.crisisconsole.review;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The review of a case (issue #13 item 1): its texts and its key times, each key time derived from
 * the store unless the reviewer set it, every change kept with who and when. Reads other features
 * through their services; writes the timeline through the timeline service, in the same
 * transaction as the change. Times stamped are the case's (exercise time for an exercise).
 *
 * <p>How each key time is derived: see {@link KeyTime}.
 */
public final class ReviewService {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_NOTE = 500;

    /** Channels that do not reach the public: a first message there is not the first public one. */
    static final Set<Channel> NOT_PUBLIC = Set.of(Channel.STAFF_MEMO, Channel.CALL_CENTRE);

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
        cases.get(caseId);
        return jdbi.withExtension(ReviewDao.class, dao -> dao.review(caseId)).map(ReviewDao.Row::review)
                .orElse(Review.empty(caseId));
    }

    /**
     * Saves the texts as the next version; saving the same texts again changes nothing.
     *
     * @param expectedVersion the version the form started from (0 for none yet)
     * @throws ConcurrentChangeException when someone saved in between
     */
    public Review save(long caseId, int expectedVersion, ReviewText text, String author) {
        String who = CaseService.checkAuthor(author);
        Objects.requireNonNull(text, "text");
        ReviewText t = new ReviewText(text("summary", "the summary", text.summary()),
                text("impact", "the impact", text.impact()),
                text("contributingFactors", "the contributing factors", text.contributingFactors()),
                text("lessons", "the lessons", text.lessons()),
                text("externalWhatHappened", "what happened (external summary)", text.externalWhatHappened()),
                text("externalWhatWeDid", "what we did (external summary)", text.externalWhatWeDid()),
                text("externalWhatChanges", "what changes (external summary)", text.externalWhatChanges()));
        cases.get(caseId);
        Instant now = cases.now(caseId);
        return jdbi.inTransaction(h -> {
            ReviewDao dao = h.attach(ReviewDao.class);
            Review before = dao.review(caseId).map(ReviewDao.Row::review).orElse(Review.empty(caseId));
            if (before.version() != expectedVersion) {
                throw new ConcurrentChangeException("the review of case #" + caseId + " was saved elsewhere (now version "
                        + before.version() + ", you started from version " + expectedVersion
                        + "); reload it and try again");
            }
            if (before.version() > 0 && before.text().equals(t)) {
                return before;
            }
            if (before.version() == 0) {
                dao.insert(caseId, t.summary(), t.impact(), t.contributingFactors(), t.lessons(),
                        t.externalWhatHappened(), t.externalWhatWeDid(), t.externalWhatChanges(), who, now);
            } else if (dao.update(caseId, expectedVersion, t.summary(), t.impact(), t.contributingFactors(),
                    t.lessons(), t.externalWhatHappened(), t.externalWhatWeDid(), t.externalWhatChanges(), who,
                    now) != 1) {
                throw new ConcurrentChangeException(caseId);
            }
            Review saved = dao.review(caseId).orElseThrow().review();
            timeline.append(h, TimelineEvent.of(caseId, EventCode.REVIEW_SAVED, who, now)
                    .with("version", saved.version()));
            return saved;
        });
    }

    private static String text(String field, String what, String value) {
        String t = PlainText.text(field, what, value == null ? "" : value.strip());
        if (t.length() > MAX_TEXT) {
            throw new ValidationException(field, what + " is longer than " + MAX_TEXT + " characters");
        }
        return t;
    }

    /** The six key times in {@link KeyTime} order, each derived or as the reviewer set it. */
    public List<KeyTimeValue> keyTimes(long caseId) {
        Map<KeyTime, Instant> derived = derive(caseId);
        Map<KeyTime, ReviewDao.KeyTimeRow> latest = new EnumMap<>(KeyTime.class);
        for (ReviewDao.KeyTimeRow r : jdbi.withExtension(ReviewDao.class, dao -> dao.keyTimeChanges(caseId))) {
            latest.put(r.kind(), r);
        }
        List<KeyTimeValue> out = new ArrayList<>();
        for (KeyTime k : KeyTime.values()) {
            ReviewDao.KeyTimeRow r = latest.get(k);
            Instant d = derived.get(k);
            if (r == null || r.afterAt() == null) {
                out.add(new KeyTimeValue(k, d, d, false, null, null, null));
            } else {
                out.add(new KeyTimeValue(k, r.afterAt(), d, true, r.changedBy(), r.changedAt(),
                        r.note().isEmpty() ? null : r.note()));
            }
        }
        return out;
    }

    /** One key time (see {@link #keyTimes}). */
    public KeyTimeValue keyTime(long caseId, KeyTime kind) {
        return keyTimes(caseId).get(kind.ordinal());
    }

    /**
     * Sets key time {@code kind} to {@code at}, or back to the derived time when {@code at} is
     * null; the change is kept with {@code author}, the case's now and {@code note}. Setting the
     * time it already has changes nothing.
     */
    public KeyTimeValue setKeyTime(long caseId, KeyTime kind, Instant at, String note, String author) {
        String who = CaseService.checkAuthor(author);
        Objects.requireNonNull(kind, "kind");
        String why = PlainText.text("note", "the note", note == null ? "" : note.strip());
        if (why.length() > MAX_NOTE) {
            throw new ValidationException("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        CrisisCase c = cases.get(caseId);
        if (at != null && at.isBefore(CaseService.EARLIEST_ENTRY)) {
            throw new ValidationException("at", "a key time before " + CaseService.EARLIEST_ENTRY
                    + " is not a time of case #" + c.id() + "; check the date");
        }
        Instant now = cases.now(caseId);
        KeyTimeValue before = keyTime(caseId, kind);
        if (at == null ? !before.edited() : before.edited() && at.equals(before.at())) {
            return before;
        }
        jdbi.useTransaction(h -> {
            h.attach(ReviewDao.class).insertKeyTime(caseId, kind, before.at(), at, why, who, now);
            TimelineEvent e = at == null
                    ? TimelineEvent.of(caseId, EventCode.REVIEW_KEY_TIME_RESET, who, now).with("kind", kind)
                            .with("at", before.derivedAt() == null ? null : before.derivedAt().toString())
                    : TimelineEvent.of(caseId, EventCode.REVIEW_KEY_TIME_SET, who, now).with("kind", kind)
                            .with("at", at.toString())
                            .with("before", before.at() == null ? null : before.at().toString());
            timeline.append(h, e.with("note", why.isEmpty() ? null : why));
        });
        return keyTime(caseId, kind);
    }

    /** Every change of the case's key times, oldest first. */
    public List<KeyTimeChange> keyTimeChanges(long caseId) {
        cases.get(caseId);
        return jdbi.withExtension(ReviewDao.class, dao -> dao.keyTimeChanges(caseId)).stream()
                .map(ReviewDao.KeyTimeRow::change).toList();
    }

    /** What the store says of each key time (see {@link KeyTime}); a kind it says nothing of is absent. */
    Map<KeyTime, Instant> derive(long caseId) {
        CrisisCase c = cases.get(caseId);
        Map<KeyTime, Instant> out = new EnumMap<>(KeyTime.class);
        Optional<Instant> firstMention = inbox.earliestPublished(caseId);
        out.put(KeyTime.IMPACT_BEGAN, firstMention.filter(t -> t.isBefore(c.openedAt())).orElse(c.openedAt()));
        out.put(KeyTime.DETECTED, c.openedAt());
        List<DraftPublication> published = drafts.publicationsOfCase(caseId);
        Channel hub = casePlaybooks.currentPlaybook(caseId).map(Playbook::where)
                .map(w -> w.hub() == null ? null : w.hub().channel()).orElse(Channel.WEBSITE);
        Instant staff = null;
        Instant firstPublic = null;
        Instant holding = null;
        for (DraftPublication p : published) {
            Instant t = p.publishedAt();
            if (p.channel() == Channel.STAFF_MEMO) {
                staff = earlier(staff, t);
            }
            if (!NOT_PUBLIC.contains(p.channel())) {
                firstPublic = earlier(firstPublic, t);
            }
            if (p.channel() == hub) {
                holding = earlier(holding, t);
            }
        }
        List<TimelineEntry> marks = timeline.list(caseId, List.of(EventCode.ENTRY_ESCALATION,
                EventCode.ESCALATION_ACCEPTED, EventCode.CASE_STATUS_CHANGED));
        Instant escalated = null;
        Instant resolved = null;
        for (TimelineEntry e : marks) {
            if (EventCode.CASE_STATUS_CHANGED.code().equals(e.eventCode())) {
                Object to = e.eventArgs() == null ? null : e.eventArgs().get("to");
                if (to != null && isClosed(to.toString())) {
                    resolved = earlier(resolved, e.occurredAt());
                }
            } else {
                escalated = earlier(escalated, e.occurredAt());
            }
        }
        putIfKnown(out, KeyTime.FIRST_INTERNAL_ALERT, staff != null ? staff : escalated);
        putIfKnown(out, KeyTime.FIRST_PUBLIC_MESSAGE, firstPublic);
        putIfKnown(out, KeyTime.HOLDING_STATEMENT, holding);
        putIfKnown(out, KeyTime.RESOLVED, resolved != null ? resolved : c.closedAt());
        return out;
    }

    private static boolean isClosed(String status) {
        try {
            return CaseStatus.valueOf(status).isClosed();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void putIfKnown(Map<KeyTime, Instant> out, KeyTime k, Instant t) {
        if (t != null) {
            out.put(k, t);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
