package io.crisisconsole.workspace;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The calls made down a case's call list: who was reached, who did not answer, who got a message,
 * and when. Each call is also a timeline entry (same transaction), so the review can show who knew
 * what when.
 */
public final class CallLogService {

    public static final int MAX_NOTE = 2000;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineService timeline;
    private final CaseService cases;
    private final ContactService contacts;

    public CallLogService(Jdbi jdbi, Clock clock, TimelineService timeline, CaseService cases,
            ContactService contacts) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.contacts = Objects.requireNonNull(contacts);
    }

    /**
     * Writes down a call to {@code contactId} for the role {@code roleId} at {@code at} (null: now;
     * not in the future, not before the case was opened).
     */
    public CallAttempt log(long caseId, long contactId, String roleId, CallOutcome outcome, Instant at, String note,
            String author) {
        String who = CaseService.checkAuthor(author);
        Objects.requireNonNull(outcome, "outcome");
        String role = roleId == null ? "" : roleId.strip();
        if (role.isEmpty() || role.length() > 60) {
            throw new ValidationException("role", "a call is made for a role of the call list (its id, 1 to 60 characters)");
        }
        String text = note == null || note.isBlank() ? null : PlainText.text("note", "the note", note.strip());
        if (text != null && text.length() > MAX_NOTE) {
            throw new ValidationException("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        Contact person = contacts.find(contactId)
                .orElseThrow(() -> new ValidationException("contact", "no contact #" + contactId));
        CrisisCase c = cases.get(caseId);
        Instant now = cases.now(caseId);
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.MILLIS);
        if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("calledAt", "a call cannot be logged in the future");
        }
        if (when.isBefore(c.openedAt())) {
            throw new ValidationException("calledAt", "a call for the case cannot be before the case was opened");
        }
        return jdbi.inTransaction(h -> {
            WorkspaceDao dao = h.attach(WorkspaceDao.class);
            long id = dao.insertCall(c.id(), person.id(), person.name(), role, outcome, when, text, who, now);
            timeline.append(h, TimelineEvent.of(c.id(), EventCode.CALL_LOGGED, who, now).occurredAt(when)
                    .with("contactId", person.id()).with("name", person.name()).with("role", role)
                    .with("outcome", outcome).with("note", text));
            return dao.calls(c.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        });
    }

    /** Every call of the case, oldest first. */
    public List<CallAttempt> calls(long caseId) {
        return jdbi.withExtension(WorkspaceDao.class, dao -> dao.calls(caseId));
    }

    /** The latest call to each person called in the case (by contact id). */
    public Map<Long, CallAttempt> latestByContact(long caseId) {
        Map<Long, CallAttempt> latest = new LinkedHashMap<>();
        for (CallAttempt a : calls(caseId)) {
            latest.put(a.contactId(), a);
        }
        return latest;
    }
}
