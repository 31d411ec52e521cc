package io.crisisconsole.signals;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.MentionBuckets;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Escalation prompts: checks the machine-readable thresholds of the case's playbook against the
 * case's figures (read through the inbox, case and playbook services, counted in the database),
 * proposes raising the severity and whom to notify, and writes what the lead decided to the
 * timeline.
 *
 * <p>Accepting writes {@link EventCode#ESCALATION_ACCEPTED} and the severity change (through
 * {@link CaseService#update}, which writes its own entry) in one transaction. Dismissing writes
 * {@link EventCode#ESCALATION_DISMISSED} and silences the threshold for {@link #DISMISS_COOL_DOWN}.
 * A threshold accepted before prompts again only when one of its signals is met at a higher level
 * than accepted (see {@link ThresholdCheck}). Both are read back from the timeline, so they hold
 * after a restart.
 */
public final class EscalationService {

    /** How far back the figures are counted: twice the baseline of the spike detectors and their cool-down. */
    static final Duration LOOK_BACK = Detectors.BUCKET.multipliedBy(2L * Detectors.BASELINE_BUCKETS
            + Detectors.COOL_DOWN_BUCKETS + 1);

    /** How long a dismissed threshold stays silent. */
    public static final Duration DISMISS_COOL_DOWN = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final InboxService inbox;
    private final ContactService contacts;
    private final TimelineService timeline;

    public EscalationService(Jdbi jdbi, Clock clock, CaseService cases, CasePlaybookService casePlaybooks,
            InboxService inbox, ContactService contacts, TimelineService timeline) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks, "casePlaybooks");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    /** What is due for the lead's decision now, and the prose-only thresholds as reminders. */
    public record Evaluation(List<Proposal> proposals, List<Reminder> reminders) {
        public Evaluation {
            proposals = List.copyOf(proposals);
            reminders = List.copyOf(reminders);
        }

        public static final Evaluation NONE = new Evaluation(List.of(), List.of());
    }

    /** The case's figures now: counted in the database, a few thousand rows at most whatever the mentions. */
    public CaseFigures figures(CrisisCase c, Instant now) {
        // the detectors look back a day (plus room for elevated buckets and the cool-down): only that
        // window is counted, through the published-time index, not the whole case
        MentionBuckets buckets = inbox.buckets(c.id(), Detectors.BUCKET, now, now.minus(LOOK_BACK));
        List<MentionBuckets.Bucket> b = buckets.buckets();
        long[] counts = new long[b.size()];
        long[] negative = new long[b.size()];
        long[] known = new long[b.size()];
        for (int i = 0; i < b.size(); i++) {
            counts[i] = b.get(i).mentions();
            negative[i] = b.get(i).negative();
            known[i] = b.get(i).withSentiment();
        }
        Duration open = c.status().isClosed() ? null : Duration.between(c.openedAt(), now);
        return new CaseFigures(inbox.publishedWithin(c.id(), Detectors.HOUR, now), counts, negative, known,
                open != null && open.isNegative() ? Duration.ZERO : open, inbox.unhandledMediaInquiries(c.id()).size());
    }

    /** The thresholds of the case's playbook met now and not yet decided; empty without a playbook. */
    public Evaluation evaluate(long caseId) {
        Instant now = cases.now(caseId);
        CrisisCase c = cases.get(caseId);
        Optional<Playbook> playbook = casePlaybooks.currentPlaybook(caseId);
        if (playbook.isEmpty() || playbook.get().when().escalationThresholds().isEmpty()) {
            return Evaluation.NONE;
        }
        Playbook p = playbook.get();
        List<Playbook.EscalationThreshold> thresholds = p.when().escalationThresholds();
        List<Reminder> reminders = new ArrayList<>();
        boolean anyCheckable = false;
        for (int i = 0; i < thresholds.size(); i++) {
            Playbook.EscalationThreshold t = thresholds.get(i);
            if (t.checkable()) {
                anyCheckable = true;
            } else {
                reminders.add(new Reminder(i, t.when(), t.raiseToSeverity(), t.notifyRoles()));
            }
        }
        if (!anyCheckable) {
            return new Evaluation(List.of(), reminders);
        }
        CaseFigures figures = figures(c, now);
        Decisions decided = decisions(caseId);
        List<Proposal> proposals = new ArrayList<>();
        CallList callList = null;
        for (int i = 0; i < thresholds.size(); i++) {
            Playbook.EscalationThreshold t = thresholds.get(i);
            List<Met> met = ThresholdCheck.check(t, figures);
            if (met.isEmpty()) {
                continue;
            }
            Key key = new Key(i, t.when());
            Instant dismissed = decided.dismissedAt.get(key);
            if (dismissed != null && now.isBefore(dismissed.plus(DISMISS_COOL_DOWN))) {
                continue;
            }
            Map<Signal, Integer> accepted = decided.accepted.getOrDefault(key, Map.of());
            if (met.stream().noneMatch(m -> m.level() > accepted.getOrDefault(m.signal(), 0))) {
                continue;
            }
            if (callList == null) {
                callList = CallList.resolve(p, contacts::findByEmail, contacts::membersOf);
            }
            proposals.add(new Proposal(caseId, i, t.when(), met, c.severity(), t.raiseToSeverity(),
                    notify(t.notifyRoles(), callList)));
        }
        return new Evaluation(proposals, reminders);
    }

    private static List<Proposal.Notify> notify(List<String> roles, CallList callList) {
        List<Proposal.Notify> out = new ArrayList<>();
        for (String role : roles) {
            Optional<CallList.Entry> e = callList.entries().stream().filter(x -> x.role().id().equals(role)).findFirst();
            List<String> people = e.map(x -> Stream.concat(x.primary().stream(), x.backups().stream())
                    .map(Contact::name).distinct().toList()).orElse(List.of());
            out.add(new Proposal.Notify(role, e.map(x -> x.role().name()).orElse(role), people));
        }
        return out;
    }

    /**
     * Accepts {@code p}: the severity is raised to the threshold's (when the case is less severe)
     * and {@link EventCode#ESCALATION_ACCEPTED} is written, both in one transaction.
     *
     * @return the case as it is afterwards
     */
    public CrisisCase accept(Proposal p, String author) {
        String who = checkAuthor(author);
        Instant now = cases.now(p.caseId());
        jdbi.useTransaction(h -> {
            // CaseService's transaction joins this one (Jdbi hands nested calls the same handle)
            CrisisCase c = cases.get(p.caseId());
            int from = c.severity();
            if (p.raiseTo() < from) {
                var d = c.details();
                cases.update(c.id(), c.version(), new io.crisisconsole.cases.CaseDetails(d.title(), p.raiseTo(),
                        d.owner(), d.hashtag(), d.hubUrl()), who);
            }
            timeline.append(h, event(EventCode.ESCALATION_ACCEPTED, p, who, now).with("from", from)
                    .with("to", Math.min(from, p.raiseTo())));
        });
        return cases.get(p.caseId());
    }

    /** Dismisses {@code p}: {@link EventCode#ESCALATION_DISMISSED} is written; the threshold is silent for an hour. */
    public void dismiss(Proposal p, String author) {
        String who = checkAuthor(author);
        cases.get(p.caseId());
        timeline.append(event(EventCode.ESCALATION_DISMISSED, p, who, cases.now(p.caseId())).with("minutes",
                DISMISS_COOL_DOWN.toMinutes()));
    }

    private static TimelineEvent event(EventCode code, Proposal p, String who, Instant now) {
        List<Map<String, Object>> met = new ArrayList<>();
        for (Met m : p.met()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("signal", m.signal().name());
            // arguments are whole numbers: shares in percent, a baseline rate rounded
            double scale = m.signal() == Signal.NEGATIVE_SHARE_SPIKE ? 100 : 1;
            item.put("figure", Math.round(m.figure() * scale));
            item.put("against", Math.round(m.against() * scale));
            item.put("level", m.level());
            met.add(item);
        }
        return TimelineEvent.of(p.caseId(), code, who, now).with("threshold", p.threshold()).with("when", p.when())
                .withList("met", met).with("raiseTo", p.raiseTo()).with("roles", String.join(", ", p.roles()));
    }

    /** A threshold as decided: its index and its prose (a changed playbook is a new threshold). */
    private record Key(int threshold, String when) {
    }

    private static final class Decisions {
        final Map<Key, Map<Signal, Integer>> accepted = new HashMap<>();
        final Map<Key, Instant> dismissedAt = new HashMap<>();
    }

    private Decisions decisions(long caseId) {
        Decisions d = new Decisions();
        for (TimelineEntry e : timeline.list(caseId, List.of(EventCode.ESCALATION_ACCEPTED,
                EventCode.ESCALATION_DISMISSED))) {
            Map<String, Object> a = e.eventArgs();
            if (a == null || !(a.get("threshold") instanceof Number n)) {
                continue;
            }
            Key key = new Key(n.intValue(), String.valueOf(a.get("when")));
            if (EventCode.ESCALATION_DISMISSED.code().equals(e.eventCode())) {
                d.dismissedAt.merge(key, e.occurredAt(), (x, y) -> x.isAfter(y) ? x : y);
                continue;
            }
            Map<Signal, Integer> levels = d.accepted.computeIfAbsent(key, k -> new HashMap<>());
            if (a.get("met") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.get("level") instanceof Number level) {
                        try {
                            levels.merge(Signal.valueOf(String.valueOf(m.get("signal"))), level.intValue(), Math::max);
                        } catch (IllegalArgumentException unknownSignal) {
                            // written by a later version: nothing this one checks
                        }
                    }
                }
            }
        }
        return d;
    }

    private static String checkAuthor(String author) {
        if (author == null || author.isBlank()) {
            throw new ValidationException("author", "every timeline entry needs an author");
        }
        return author.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
