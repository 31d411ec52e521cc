package io.crisisconsole.composer;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.DiskSync;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Draft messages of a case and their review: draft → in review → approved, then marked published
 * per channel. Every write is one transaction; every workflow step writes a case timeline entry in
 * that same transaction (through {@link TimelineService}, as an event code with its arguments).
 * Versions are append-only and a new one is written only when the content changed. Approval is
 * refused while the last check found errors, and forces the store to the disk.
 */
public final class DraftService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 1_000_000;
    /** A publication may be dated by hand, but not into the future beyond small clock differences. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);
    /** Timeline entries quote at most this much of a variant. */
    static final int MAX_QUOTE = 19_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final DiskSync disk;
    private final TimelineService timeline;
    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final ContactService contacts;

    public DraftService(Jdbi jdbi, Clock clock, DiskSync disk, TimelineService timeline, CaseService cases,
            CasePlaybookService casePlaybooks, ContactService contacts) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.disk = Objects.requireNonNull(disk);
        this.timeline = Objects.requireNonNull(timeline);
        this.cases = Objects.requireNonNull(cases);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.contacts = Objects.requireNonNull(contacts);
    }

    /** Starts a draft with an empty core message; see {@link #create(long, String, Stage, CoreMessage, String)}. */
    public Draft create(long caseId, String title, Stage stage, String author) {
        return create(caseId, title, stage, null, author);
    }

    /**
     * Starts a draft as version 1. Each channel's variant starts from the template of the case's
     * playbook for that channel and stage, with the placeholders filled from the case and
     * {@code core} (see {@link Placeholders}); a channel without a template starts empty. The core
     * message's apology is switched on when the playbook has an apology principle.
     */
    public Draft create(long caseId, String title, Stage stage, CoreMessage core, String author) {
        return create(caseId, title, stage, core, author, null);
    }

    /**
     * Starts a draft as version 1, as {@link #create(long, String, Stage, CoreMessage, String)} does, with
     * {@code {{brand}}} filled from {@code brand} (the brand name setting; null or blank leaves it visible).
     */
    public Draft create(long caseId, String title, Stage stage, CoreMessage core, String author, String brand) {
        String who = checkAuthor(author);
        String name = checkTitle(title);
        Objects.requireNonNull(stage, "stage");
        CrisisCase c = cases.get(caseId);
        Playbook playbook = playbookOf(caseId).orElse(null);
        DraftContent content = startingContent(c, playbook, stage, core, brand);
        String json = checkContent(content);
        Instant now = cases.now(caseId);
        return jdbi.inTransaction(h -> {
            DraftDao dao = h.attach(DraftDao.class);
            long id = dao.insert(caseId, name, DraftStatus.DRAFT, stage, now);
            dao.insertVersion(id, 1, json, now, who);
            timeline.append(h, TimelineEvent.of(caseId, EventCode.DRAFT_STARTED, who, now).with("draftId", id)
                    .with("title", name).with("stage", stage)
                    .with("playbook", playbook == null ? null : playbook.title()));
            return dao.find(id).orElseThrow();
        });
    }

    /** The variants the case's playbook suggests for {@code stage}, filled from the case and {@code core}. */
    static DraftContent startingContent(CrisisCase c, Playbook playbook, Stage stage, CoreMessage core, String brand) {
        CoreMessage start = core;
        if (start == null) {
            boolean apologize = playbook != null && playbook.how() != null && playbook.how().principles() != null
                    && playbook.how().principles().apologize() != null
                    && !playbook.how().principles().apologize().isBlank();
            start = new CoreMessage("", "", "", "", apologize, List.of());
        }
        DraftContent content = new DraftContent(start, List.of());
        if (playbook == null || playbook.how() == null || playbook.how().templates() == null) {
            return content;
        }
        Map<String, String> values = Placeholders.values(c, playbook, start, brand);
        for (Playbook.Template t : playbook.how().templates()) {
            if (t.stage() == stage && t.channel() != null && content.text(t.channel()).isEmpty()) {
                content = content.withText(t.channel(), Placeholders.fill(t.text(), values));
            }
        }
        return content;
    }

    /** The playbook the case follows, read; empty when none was chosen. */
    public Optional<Playbook> playbookOf(long caseId) {
        return casePlaybooks.currentPlaybook(caseId);
    }

    public Optional<Draft> find(long id) {
        return jdbi.withExtension(DraftDao.class, dao -> dao.find(id));
    }

    public Draft get(long id) {
        return find(id).orElseThrow(() -> noSuchDraft(id));
    }

    /** The drafts of a case, newest first. */
    public List<Draft> list(long caseId) {
        return jdbi.withExtension(DraftDao.class, dao -> dao.listForCase(caseId));
    }

    /**
     * The case's current approved core message: the core of its most recently approved draft that
     * is still approved (a change after approval withdraws it); empty when no draft is approved.
     */
    public Optional<CoreMessage> approvedCore(long caseId) {
        Optional<Draft> newest = list(caseId).stream().filter(d -> d.status() == DraftStatus.APPROVED)
                .max(Comparator.comparing(Draft::approvedAt).thenComparingLong(Draft::id));
        return newest.map(d -> content(d.id()).core());
    }

    /** The content of the newest version. */
    public DraftContent content(long draftId) {
        return jdbi.inTransaction(h -> {
            Draft d = draftOrFail(h, draftId);
            return DraftContent.fromJson(h.attach(DraftDao.class).content(draftId, d.currentVersion()).orElseThrow());
        });
    }

    /** Every version, oldest first. */
    public List<DraftVersion> versions(long draftId) {
        return jdbi.inTransaction(h -> {
            draftOrFail(h, draftId);
            return h.attach(DraftDao.class).versions(draftId).stream().map(DraftDao.StoredVersion::read).toList();
        });
    }

    /** Every publication of every draft of the case, oldest first (when the brand spoke where). */
    public List<DraftPublication> publicationsOfCase(long caseId) {
        return jdbi.withExtension(DraftDao.class, dao -> dao.publicationsOfCase(caseId));
    }

    /** Where and when the draft went out, by publication time. */
    public List<DraftPublication> publications(long draftId) {
        return jdbi.withExtension(DraftDao.class, dao -> dao.publications(draftId));
    }

    /**
     * Saves {@code content} (and {@code stage}) as the newest version. Writes a new version only when
     * the content differs from the newest; returns the draft unchanged when nothing changed. Changing
     * an approved draft withdraws the approval (back to draft, written to the timeline); changes
     * during review keep it in review.
     *
     * @throws ConcurrentChangeException when the draft changed since {@code expectedVersion}
     */
    public Draft saveVersion(long draftId, int expectedVersion, Stage stage, DraftContent content, String author) {
        String who = checkAuthor(author);
        String json = checkContent(content);
        Instant now = nowOfDraft(draftId);
        return jdbi.inTransaction(h -> {
            DraftDao dao = h.attach(DraftDao.class);
            Draft d = draftOrFail(h, draftId);
            checkVersion(d, expectedVersion);
            Stage newStage = stage == null ? d.stage() : stage;
            DraftContent before = DraftContent.fromJson(dao.content(draftId, d.currentVersion()).orElseThrow());
            boolean changed = !before.equals(content);
            if (!changed && newStage == d.stage()) {
                return d;
            }
            int next = d.currentVersion() + (changed ? 1 : 0);
            if (changed) {
                dao.insertVersion(draftId, next, json, now, who);
            }
            if (d.status() == DraftStatus.APPROVED) {
                write(h, d, DraftStatus.DRAFT, newStage, next, null, null, null, now);
                timeline.append(h, event(d, EventCode.DRAFT_CHANGED_AFTER_APPROVAL, who, now).with("version", next)
                        .with("approver", d.approvedByName()));
            } else {
                write(h, d, d.status(), newStage, next, d.approvedByContactId(), d.approvedByName(), d.approvedAt(),
                        now);
            }
            return draftOrFail(h, draftId);
        });
    }

    /** Draft → in review. */
    public Draft submitForReview(long draftId, int expectedVersion, String author) {
        String who = checkAuthor(author);
        Instant now = nowOfDraft(draftId);
        return jdbi.inTransaction(h -> {
            Draft d = draftOrFail(h, draftId);
            checkVersion(d, expectedVersion);
            if (d.status() != DraftStatus.DRAFT) {
                throw new ValidationException("status", "only a draft can be submitted for review (this one is "
                        + d.status().label().toLowerCase() + ")");
            }
            write(h, d, DraftStatus.IN_REVIEW, d.stage(), d.currentVersion(), null, null, null, now);
            timeline.append(h, event(d, EventCode.DRAFT_SUBMITTED, who, now).with("version", d.currentVersion()));
            return draftOrFail(h, draftId);
        });
    }

    /**
     * In review → approved by a named contact. Refused while {@code lastCheck} (the report of the
     * checks of the newest version, which the caller ran) has errors. Forces the store to the disk.
     */
    public Draft approve(long draftId, int expectedVersion, long approverContactId, CheckReport lastCheck,
            String author) {
        String who = checkAuthor(author);
        Objects.requireNonNull(lastCheck, "the report of the last check");
        long errors = lastCheck.findings().stream().filter(f -> f.level() == Finding.Level.ERROR).count();
        if (errors > 0) {
            throw new ValidationException("check", "cannot approve: the check found " + errors
                    + (errors == 1 ? " error" : " errors") + "; fix " + (errors == 1 ? "it" : "them") + " first");
        }
        Contact approver = contacts.find(approverContactId)
                .orElseThrow(() -> new ValidationException("approver", "no contact #" + approverContactId));
        Instant now = nowOfDraft(draftId);
        Draft approved = jdbi.inTransaction(h -> {
            Draft d = draftOrFail(h, draftId);
            checkVersion(d, expectedVersion);
            if (d.status() != DraftStatus.IN_REVIEW) {
                throw new ValidationException("status", "only a draft in review can be approved (this one is "
                        + d.status().label().toLowerCase() + "); submit it for review first");
            }
            write(h, d, DraftStatus.APPROVED, d.stage(), d.currentVersion(), approver.id(), approver.name(), now, now);
            timeline.append(h, event(d, EventCode.DRAFT_APPROVED, who, now).with("version", d.currentVersion())
                    .with("stage", d.stage()).with("approver", approver.name())
                    .with("approverContactId", approver.id()).with("warnings", lastCheck.findings().size()));
            return draftOrFail(h, draftId);
        });
        forceSync();
        return approved;
    }

    /** Back to draft (from review or approval), e.g. to edit after approval; written to the timeline. */
    public Draft reopen(long draftId, int expectedVersion, String reason, String author) {
        String who = checkAuthor(author);
        Instant now = nowOfDraft(draftId);
        return jdbi.inTransaction(h -> {
            Draft d = draftOrFail(h, draftId);
            checkVersion(d, expectedVersion);
            if (d.status() == DraftStatus.DRAFT) {
                return d;
            }
            write(h, d, DraftStatus.DRAFT, d.stage(), d.currentVersion(), null, null, null, now);
            timeline.append(h, event(d, EventCode.DRAFT_REOPENED, who, now).with("from", d.status())
                    .with("approver", d.approvedByName())
                    .with("reason", reason == null || reason.isBlank() ? null : reason.strip()));
            return draftOrFail(h, draftId);
        });
    }

    /**
     * Records that the approved draft's variant for {@code channel} went out at {@code publishedAt}
     * (entered by hand; may be in the past, not in the future, and not before the approval: the same
     * minute as the approval is accepted, as times are entered to the minute). Writes a
     * {@link EntryKind#MESSAGE_PUBLISHED} entry dated then, with the channel and the text.
     */
    public DraftPublication markPublished(long draftId, Channel channel, Instant publishedAt, String author) {
        String who = checkAuthor(author);
        Objects.requireNonNull(channel, "channel");
        Instant now = nowOfDraft(draftId);
        Instant when = publishedAt == null ? now : publishedAt.truncatedTo(ChronoUnit.MILLIS);
        if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("publishedAt", "a message cannot be marked published in the future");
        }
        return jdbi.inTransaction(h -> {
            DraftDao dao = h.attach(DraftDao.class);
            Draft d = draftOrFail(h, draftId);
            if (d.status() != DraftStatus.APPROVED) {
                throw new ValidationException("status", "only an approved message can be marked published (this one is "
                        + d.status().label().toLowerCase() + ")");
            }
            if (d.approvedAt() != null && when.isBefore(d.approvedAt().truncatedTo(ChronoUnit.MINUTES))) {
                throw new ValidationException("publishedAt", "a message cannot be marked published before it was "
                        + "approved: " + label(channel) + " at " + when.truncatedTo(ChronoUnit.MINUTES)
                        + " is before the approval at " + d.approvedAt().truncatedTo(ChronoUnit.MINUTES)
                        + " (UTC); enter the time it went out, at or after the approval");
            }
            Optional<DraftPublication> already = dao.publications(draftId).stream()
                    .filter(p -> p.channel() == channel).findFirst();
            if (already.isPresent()) {
                throw new ValidationException("channel", "already marked published on " + label(channel));
            }
            String text = DraftContent.fromJson(dao.content(draftId, d.currentVersion()).orElseThrow()).text(channel);
            if (text.isBlank()) {
                throw new ValidationException("channel", "the " + label(channel) + " variant is empty");
            }
            long id = dao.insertPublication(draftId, channel, d.currentVersion(), when, who, now);
            String quoted = text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "\u2026" : text;
            timeline.append(h, event(d, EventCode.DRAFT_PUBLISHED, who, now).occurredAt(when)
                    .with("version", d.currentVersion()).with("channel", channel).with("text", quoted));
            return dao.publications(draftId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        });
    }

    /** How a channel is named to people. */
    public static String label(Channel channel) {
        return switch (channel) {
            case X -> "X";
            case FACEBOOK -> "Facebook";
            case INSTAGRAM -> "Instagram";
            case LINKEDIN -> "LinkedIn";
            case SMS -> "SMS";
            case EMAIL -> "E-mail";
            case WEBSITE -> "Website / hub";
            case PRESS -> "Press statement";
            case STAFF_MEMO -> "Staff memo";
            case CALL_CENTRE -> "Call-centre script";
        };
    }

    private void forceSync() {
        disk.sync();
    }

    private static void write(Handle h, Draft d, DraftStatus status, Stage stage, int currentVersion, Long approverId,
            String approverName, Instant approvedAt, Instant now) {
        int rows = h.attach(DraftDao.class).update(d.id(), d.version(), status, stage, currentVersion, approverId,
                approverName, approvedAt, now);
        if (rows != 1) {
            throw changedElsewhere(d.id());
        }
    }

    /** An event about draft {@code d}, with its id and title. */
    private static TimelineEvent event(Draft d, EventCode code, String author, Instant now) {
        return TimelineEvent.of(d.caseId(), code, author, now).with("draftId", d.id()).with("title", d.title());
    }

    private static void checkVersion(Draft d, int expectedVersion) {
        if (d.version() != expectedVersion) {
            throw changedElsewhere(d.id());
        }
    }

    private static ConcurrentChangeException changedElsewhere(long id) {
        return new ConcurrentChangeException("draft #" + id
                + " was changed elsewhere since it was opened here; reopen it and try again");
    }

    private static Draft draftOrFail(Handle h, long id) {
        return h.attach(DraftDao.class).find(id).orElseThrow(() -> noSuchDraft(id));
    }

    private static ValidationException noSuchDraft(long id) {
        return new ValidationException("draft", "no draft #" + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Now for the case of draft {@code draftId} (an exercise's own time), or the clock when there is no such draft. */
    private Instant nowOfDraft(long draftId) {
        return find(draftId).map(d -> cases.now(d.caseId())).orElseGet(this::now);
    }

    private static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new ValidationException("title", "the draft needs a title");
        }
        if (t.length() > MAX_TITLE) {
            throw new ValidationException("title", "the title is longer than " + MAX_TITLE + " characters");
        }
        return PlainText.line("title", "the title", t);
    }

    private static String checkContent(DraftContent content) {
        Objects.requireNonNull(content, "content");
        CoreMessage core = content.core();
        if (core != null) {
            PlainText.text("whatHappened", "what happened", core.whatHappened());
            PlainText.text("whatWeAreDoing", "what we are doing", core.whatWeAreDoing());
            PlainText.text("whatYouShouldDo", "what people should do", core.whatYouShouldDo());
            PlainText.line("nextUpdate", "the next update", core.nextUpdate());
            if (core.keyFacts() != null) {
                core.keyFacts().forEach(f -> PlainText.line("keyFacts", "a key fact", f));
            }
        }
        for (Variant v : content.variants()) {
            String problem = PlainText.textProblem("the " + label(v.channel()) + " text",
                    v.text() == null ? null : PlainText.normaliseLineBreaks(v.text()));
            if (problem != null) {
                throw new ValidationException("variant", problem);
            }
        }
        String json = content.toJson();
        if (json.length() > MAX_CONTENT) {
            throw new ValidationException("content", "the draft is too long to save");
        }
        return json;
    }

    static String checkAuthor(String author) {
        String a = author == null ? "" : author.strip();
        if (a.isEmpty()) {
            throw new ValidationException("author", "every change needs an author");
        }
        if (a.length() > 200) {
            throw new ValidationException("author", "the author name is longer than 200 characters");
        }
        return PlainText.line("author", "the author name", a);
    }

    /** The error findings of a report. */
    public static List<Finding> errors(CheckReport report) {
        List<Finding> errors = new ArrayList<>();
        if (report != null) {
            for (Finding f : report.findings()) {
                if (f.level() == Finding.Level.ERROR) {
                    errors.add(f);
                }
            }
        }
        return errors;
    }
}
