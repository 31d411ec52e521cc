package io.crisisconsole.rehearsal;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.workspace.CallAttempt;
import io.crisisconsole.workspace.CallLogService;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.ChecklistService;
import io.crisisconsole.workspace.StepState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decides an exercise's expectations from what the team did, read through the features' services:
 * publications (the composer), answers (the inbox), calls and checklist steps (the workspace), and
 * publications written down by hand in the timeline, which went out without an approval.
 */
public final class ExpectationChecks {

    private final CaseService cases;
    private final DraftService drafts;
    private final CallLogService calls;
    private final ChecklistService checklist;
    private final CasePlaybookService casePlaybooks;

    public ExpectationChecks(CaseService cases, DraftService drafts, CallLogService calls, ChecklistService checklist,
            CasePlaybookService casePlaybooks) {
        this.cases = Objects.requireNonNull(cases);
        this.drafts = Objects.requireNonNull(drafts);
        this.calls = Objects.requireNonNull(calls);
        this.checklist = Objects.requireNonNull(checklist);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
    }

    /**
     * What the team did in a case, read once for all the expectations of one round, and only the
     * parts an expectation asks for (a round with only a call to check reads only the calls).
     *
     * <p>{@code unapproved}: when something was written down as published by hand (no approved draft
     * behind it); {@code hub}: the playbook's hub channel, or null; {@code mentionsOf}: the inbox
     * mentions of an inject, by inject id.
     */
    public static final class Facts {
        private final Lazy<List<DraftPublication>> publications;
        private final Lazy<List<Instant>> unapproved;
        private final Lazy<List<CallAttempt>> calls;
        private final Lazy<Optional<Checklist>> checklist;
        private final Lazy<Channel> hub;
        private final Function<String, List<Mention>> mentionsOf;

        public Facts(java.util.function.Supplier<List<DraftPublication>> publications,
                java.util.function.Supplier<List<Instant>> unapproved, java.util.function.Supplier<List<CallAttempt>> calls,
                java.util.function.Supplier<Optional<Checklist>> checklist, java.util.function.Supplier<Channel> hub,
                Function<String, List<Mention>> mentionsOf) {
            this.publications = new Lazy<>(publications);
            this.unapproved = new Lazy<>(unapproved);
            this.calls = new Lazy<>(calls);
            this.checklist = new Lazy<>(checklist);
            this.hub = new Lazy<>(hub);
            this.mentionsOf = mentionsOf;
        }

        public List<DraftPublication> publications() {
            return publications.get();
        }

        public List<Instant> unapproved() {
            return unapproved.get();
        }

        public List<CallAttempt> calls() {
            return calls.get();
        }

        public Optional<Checklist> checklist() {
            return checklist.get();
        }

        public Channel hub() {
            return hub.get();
        }

        public Function<String, List<Mention>> mentionsOf() {
            return mentionsOf;
        }
    }

    /** A value read on first use, then kept (one round, one thread). */
    private static final class Lazy<T> {
        private java.util.function.Supplier<T> read;
        private T value;

        Lazy(java.util.function.Supplier<T> read) {
            this.read = read;
        }

        T get() {
            if (read != null) {
                value = read.get();
                read = null;
            }
            return value;
        }
    }

    /** A decision: the state it ends in and the exercise time of what decided it. */
    public record Decision(ExpectationState state, Instant at) {
    }

    public Facts facts(long caseId, Function<String, List<Mention>> mentionsOf) {
        return new Facts(() -> drafts.publicationsOfCase(caseId),
                () -> cases.timeline(caseId).stream()
                        .filter(t -> EventCode.ENTRY_MESSAGE_PUBLISHED.code().equals(t.eventCode()))
                        .map(t -> t.occurredAt()).toList(),
                () -> calls.calls(caseId), () -> checklist.checklist(caseId),
                () -> casePlaybooks.currentPlaybook(caseId).map(Playbook::where).map(Playbook.Where::hub)
                        .map(Playbook.Hub::channel).orElse(null), mentionsOf);
    }

    /**
     * The decision on a pending expectation whose window is open, at exercise time {@code now}:
     * passed at the time of what met it (within its window), failed at the time of what broke it,
     * expired at its deadline once that has passed unmet; empty while still open.
     */
    public Optional<Decision> decide(Scenario.Expectation x, ExpectationRow row, Facts f, Instant now) {
        Instant start = row.startsAt();
        Instant deadline = row.deadlineAt();
        if (x.type() == Scenario.ExpectationType.APPROVED_BEFORE_PUBLISHING) {
            return approved(f, start, deadline, now);
        }
        Optional<Instant> met = switch (x.type()) {
            case RESPOND -> respond(x, f, start);
            case HOLDING_STATEMENT -> publications(f, x.channel() != null ? Channel.fromYaml(x.channel()) : f.hub(),
                    start).findFirst();
            case ESCALATED -> f.calls().stream()
                    .filter(c -> c.roleId().equals(x.role()) && c.outcome() != CallOutcome.NO_ANSWER
                            && !c.calledAt().isBefore(start))
                    .map(CallAttempt::calledAt).min(Comparator.naturalOrder());
            case STEP_DONE -> f.checklist().flatMap(c -> c.items().stream()
                    .filter(i -> i.step().id().equals(x.step()) && i.state() == StepState.DONE)
                    .map(ChecklistItem::doneAt).filter(Objects::nonNull).findFirst());
            case APPROVED_BEFORE_PUBLISHING -> Optional.empty();
            case MANUAL -> Optional.empty();
        };
        if (met.isPresent() && (deadline == null || !met.get().isAfter(deadline))) {
            return Optional.of(new Decision(ExpectationState.PASSED, met.get().isBefore(start) ? start : met.get()));
        }
        if (deadline != null && !now.isBefore(deadline)) {
            return Optional.of(new Decision(ExpectationState.EXPIRED, deadline));
        }
        return Optional.empty();
    }

    /**
     * Failed at the first publication written down by hand (no approval behind it) in the window;
     * once the deadline passed, passed when something went out in the window, else expired.
     */
    private static Optional<Decision> approved(Facts f, Instant start, Instant deadline, Instant now) {
        Optional<Instant> broken = f.unapproved().stream()
                .filter(t -> !t.isBefore(start) && (deadline == null || !t.isAfter(deadline)))
                .min(Comparator.naturalOrder());
        if (broken.isPresent()) {
            return Optional.of(new Decision(ExpectationState.FAILED, broken.get()));
        }
        if (deadline != null && !now.isBefore(deadline)) {
            boolean any = publications(f, null, start).anyMatch(t -> !t.isAfter(deadline));
            return Optional.of(new Decision(any ? ExpectationState.PASSED : ExpectationState.EXPIRED, deadline));
        }
        return Optional.empty();
    }

    /** The first answer to the inject it follows, or the first publication on its channel (either, when both apply). */
    private static Optional<Instant> respond(Scenario.Expectation x, Facts f, Instant start) {
        Stream<Instant> answers = x.after() == null ? Stream.empty() : f.mentionsOf().apply(x.after()).stream()
                .map(Mention::firstResponseAt).filter(Objects::nonNull).filter(t -> !t.isBefore(start));
        Stream<Instant> published = x.channel() != null ? publications(f, Channel.fromYaml(x.channel()), start)
                : x.after() == null ? publications(f, null, start) : Stream.empty();
        return Stream.concat(answers, published).min(Comparator.naturalOrder());
    }

    /** Publication times on {@code channel} (any channel when null) from {@code start} on, earliest first. */
    private static Stream<Instant> publications(Facts f, Channel channel, Instant start) {
        return f.publications().stream().filter(p -> channel == null || p.channel() == channel)
                .map(DraftPublication::publishedAt).filter(t -> !t.isBefore(start)).sorted();
    }
}
