package io.crisisconsole.playbooks;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Plan-review reminders (issue #13 item 4): a playbook is flagged when it was not reviewed in N
 * days (the setting, {@link #DEFAULT_DAYS} by default), or when a case that followed it (a real
 * case or an exercise, which rehearses it) was closed after its newest version and its last
 * review. Reviewed means a new version saved, or "Mark as reviewed" (kept with who and when).
 */
public final class PlaybookReviewService {

    public static final int DEFAULT_DAYS = 180;
    public static final int MAX_DAYS = 3650;

    private final Jdbi jdbi;
    private final Clock clock;
    private final PlaybookService playbooks;
    private final CaseService cases;

    public PlaybookReviewService(Jdbi jdbi, Clock clock, PlaybookService playbooks, CaseService cases) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.playbooks = Objects.requireNonNull(playbooks);
        this.cases = Objects.requireNonNull(cases);
    }

    /** Checks the setting: a number of days from 1 to {@link #MAX_DAYS}. */
    public static int checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ValidationException("days", "the plan-review interval is a number of days from 1 to " + MAX_DAYS
                    + " (" + days + " given)");
        }
        return days;
    }

    /** The reminder of every playbook, by playbook id, in the order of {@link PlaybookService#list()}. */
    public Map<Long, PlanReminder> reminders(int days) {
        Map<Long, PlanReminder> out = new LinkedHashMap<>();
        for (StoredPlaybook p : playbooks.list()) {
            out.put(p.id(), reminder(p.id(), days));
        }
        return out;
    }

    /** The reminder of playbook {@code playbookId}. */
    public PlanReminder reminder(long playbookId, int days) {
        checkDays(days);
        PlaybookVersion newest = playbooks.current(playbookId);
        Optional<PlaybookReviewMark> mark = marks(playbookId).stream().findFirst();
        boolean marked = mark.isPresent() && mark.get().reviewedAt().isAfter(newest.savedAt());
        Instant reviewedAt = marked ? mark.get().reviewedAt() : newest.savedAt();
        String by = marked ? mark.get().reviewedBy() : newest.author();
        Instant now = clock.instant();
        long since = Math.max(0, Duration.between(reviewedAt, now).toDays());
        boolean overdue = now.isAfter(reviewedAt.plus(Duration.ofDays(days)));
        CrisisCase closed = jdbi.withExtension(PlaybookReviewDao.class, dao -> dao.casesUsing(playbookId)).stream()
                .map(cases::find).flatMap(Optional::stream)
                .filter(c -> c.status().isClosed() && c.closedAt() != null && c.closedAt().isAfter(reviewedAt))
                .max(Comparator.comparing(CrisisCase::closedAt)).orElse(null);
        return new PlanReminder(playbookId, reviewedAt, by, marked, days, since, overdue, closed);
    }

    /** Marks the playbook reviewed now by {@code author}. */
    public PlaybookReviewMark markReviewed(long playbookId, String author) {
        String who = CaseService.checkAuthor(author);
        playbooks.get(playbookId);
        Instant now = clock.instant();
        return jdbi.withExtension(PlaybookReviewDao.class, dao -> {
            long id = dao.insert(playbookId, who, now);
            return new PlaybookReviewMark(id, playbookId, who, now);
        });
    }

    /** The "Mark as reviewed" of the playbook, newest first. */
    public List<PlaybookReviewMark> marks(long playbookId) {
        return jdbi.withExtension(PlaybookReviewDao.class, dao -> dao.marks(playbookId));
    }
}
