package io.crisisconsole.rehearsal;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.PublishedFindings;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.ChecklistService;
import io.crisisconsole.workspace.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of an exercise (issue #12 item 4), recomputed from the store each time: first
 * responses, the holding statement, the update rhythm per channel, expectations, checklist steps,
 * the checks' findings on what went out, and anything published without approval; and each
 * objective with the rating the figures suggest beside the facilitator's.
 */
public final class ExerciseScoring {

    private final ExerciseService exercises;
    private final CaseService cases;
    private final InboxService inbox;
    private final DraftService drafts;
    private final ChecklistService checklist;
    private final CasePlaybookService casePlaybooks;

    public ExerciseScoring(ExerciseService exercises, CaseService cases, InboxService inbox, DraftService drafts,
            ChecklistService checklist, CasePlaybookService casePlaybooks) {
        this.exercises = Objects.requireNonNull(exercises);
        this.cases = Objects.requireNonNull(cases);
        this.inbox = Objects.requireNonNull(inbox);
        this.drafts = Objects.requireNonNull(drafts);
        this.checklist = Objects.requireNonNull(checklist);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
    }

    public ExerciseScore score(long caseId) {
        ExerciseView v = exercises.view(caseId);
        Exercise e = v.exercise();
        Instant start = e.startedAt();
        Instant now = v.now();
        CrisisCase c = cases.get(caseId);
        Playbook p = casePlaybooks.currentPlaybook(caseId).orElse(null);
        List<DraftPublication> publications = drafts.publicationsOfCase(caseId);

        Channel hub = p == null || p.where().hub() == null ? Channel.WEBSITE : p.where().hub().channel();
        Long holding = publications.stream().filter(x -> x.channel() == hub).map(DraftPublication::publishedAt)
                .min(Instant::compareTo).map(t -> minutes(start, t)).orElse(null);
        Integer holdingTarget = p == null ? null : p.when().slas().firstPublicReplyMinutes();

        List<ExerciseScore.ExpectationResult> each = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int expired = 0;
        int open = 0;
        for (ExerciseView.ExpectationView x : v.expectations()) {
            ExpectationRow r = x.row();
            switch (r.state()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case EXPIRED -> expired++;
                case PENDING -> open++;
            }
            each.add(new ExerciseScore.ExpectationResult(x.expectation().id(), x.expectation().type().yamlName(),
                    x.expectation().text(), x.expectation().objective(),
                    r.state() == ExpectationState.PENDING ? null : r.state().result().yamlName(),
                    r.decidedAt() == null ? null : minutes(start, r.decidedAt()),
                    r.deadlineAt() == null ? null : minutes(start, r.deadlineAt()), r.manual(), r.note()));
        }

        Map<String, ObjectiveRating> rated = new HashMap<>();
        exercises.ratings(caseId).forEach(r -> rated.put(r.objectiveId(), r));
        List<ExerciseScore.ObjectiveScore> objectives = new ArrayList<>();
        for (Scenario.Objective o : v.scenario().objectives()) {
            List<ExerciseScore.ExpectationResult> of = each.stream().filter(x -> o.id().equals(x.objective())).toList();
            int ok = (int) of.stream().filter(x -> "passed".equals(x.result())).count();
            boolean decided = of.stream().anyMatch(x -> x.result() != null);
            ObjectiveRating r = rated.get(o.id());
            objectives.add(new ExerciseScore.ObjectiveScore(o.id(), o.text(), ok, of.size(),
                    decided ? suggested(ok, of.size()) : null, r == null ? null : r.rating(),
                    r == null ? null : r.note()));
        }

        List<ExerciseScore.Unapproved> unapproved = cases.timeline(caseId).stream()
                .filter(t -> EventCode.ENTRY_MESSAGE_PUBLISHED.code().equals(t.eventCode()))
                .map(t -> new ExerciseScore.Unapproved(t.id(), t.occurredAt(), t.body())).toList();

        return new ExerciseScore(caseId, e.scenarioId(), e.scenarioTitle(), e.language(), e.state(),
                minutes(start, now), firstResponse(caseId, now), holding, holdingTarget,
                rhythm(p, publications, start, now), new ExerciseScore.Expectations(passed, failed, expired, open, each),
                steps(caseId, now), findings(c, p, publications), unapproved, objectives);
    }

    /** All passed: performed; at least half: some challenges; some: major challenges; none: not performed. */
    static Rating suggested(int passed, int total) {
        if (total > 0 && passed == total) {
            return Rating.PERFORMED;
        }
        if (passed > 0 && passed * 2 >= total) {
            return Rating.SOME_CHALLENGES;
        }
        return passed > 0 ? Rating.MAJOR_CHALLENGES : Rating.NOT_PERFORMED;
    }

    private ExerciseScore.FirstResponse firstResponse(long caseId, Instant now) {
        List<Mention> mentions = inbox.list(caseId, InboxQuery.all());
        Map<InboxType, Integer> targets = inbox.replyMinutes(caseId);
        List<Long> seconds = new ArrayList<>();
        int within = 0;
        int overdue = 0;
        for (Mention m : mentions) {
            Integer target = targets.get(m.type());
            Instant due = target == null ? null : m.publishedAt().plus(Duration.ofMinutes(target));
            if (m.firstResponseAt() != null) {
                long s = Math.max(0, Duration.between(m.publishedAt(), m.firstResponseAt()).toSeconds());
                seconds.add(s);
                if (due == null || !m.firstResponseAt().isAfter(due)) {
                    within++;
                }
            } else if (due != null && now.isAfter(due)) {
                overdue++;
            }
        }
        seconds.sort(Long::compareTo);
        return new ExerciseScore.FirstResponse(mentions.size(), seconds.size(), within, overdue,
                rank(seconds, 0.5), rank(seconds, 0.9), mentions.isEmpty() ? null : within / (double) mentions.size());
    }

    /** Nearest rank: the value at rank ceil(q n) of the sorted values; null for none. */
    static Long rank(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int k = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(1, k) - 1);
    }

    private static List<ExerciseScore.Rhythm> rhythm(Playbook p, List<DraftPublication> publications, Instant start,
            Instant now) {
        if (p == null) {
            return List.of();
        }
        int interval = p.when().slas().updateIntervalMinutes();
        Instant windowEnd = start.plus(Duration.ofMinutes(p.when().slas().updateIntervalAppliesForMinutes()));
        Map<Channel, List<Instant>> byChannel = new EnumMap<>(Channel.class);
        for (DraftPublication x : publications) {
            byChannel.computeIfAbsent(x.channel(), k -> new ArrayList<>()).add(x.publishedAt());
        }
        List<ExerciseScore.Rhythm> out = new ArrayList<>();
        for (Map.Entry<Channel, List<Instant>> en : byChannel.entrySet()) {
            List<Instant> times = en.getValue().stream().sorted().toList();
            Instant until = now.isBefore(windowEnd) ? now : windowEnd;
            Long longest = null;
            int late = 0;
            for (int i = 0; i < times.size(); i++) {
                Instant from = times.get(i);
                if (!from.isBefore(windowEnd)) {
                    break;
                }
                Instant to = i + 1 < times.size() ? times.get(i + 1) : until;
                if (to.isAfter(windowEnd)) {
                    to = windowEnd;
                }
                if (!to.isAfter(from)) {
                    continue;
                }
                long gap = Duration.between(from, to).toMinutes();
                longest = longest == null ? gap : Math.max(longest, gap);
                if (gap > interval) {
                    late++;
                }
            }
            out.add(new ExerciseScore.Rhythm(en.getKey().yamlName(), times.size(), interval, longest, late, late == 0));
        }
        return out;
    }

    private ExerciseScore.Steps steps(long caseId, Instant now) {
        Optional<Checklist> list = checklist.checklist(caseId);
        if (list.isEmpty()) {
            return new ExerciseScore.Steps(0, 0, 0, 0, 0, 0);
        }
        int done = 0;
        int doneLate = 0;
        int skipped = 0;
        int open = 0;
        int openLate = 0;
        for (ChecklistItem i : list.get().items()) {
            if (i.state() == StepState.DONE) {
                done++;
                if (i.doneAt() != null && i.doneAt().isAfter(i.due())) {
                    doneLate++;
                }
            } else if (i.state() == StepState.SKIPPED) {
                skipped++;
            } else {
                open++;
                if (now.isAfter(i.due())) {
                    openLate++;
                }
            }
        }
        return new ExerciseScore.Steps(list.get().items().size(), done, doneLate, skipped, open, openLate);
    }

    private ExerciseScore.Findings findings(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        List<ExerciseScore.PublishedFinding> each = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (PublishedFindings.Published x : PublishedFindings.of(c, p, publications, drafts::versions)) {
            Finding f = x.finding();
            if (f.level() == Finding.Level.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            each.add(new ExerciseScore.PublishedFinding(x.publication().channel().yamlName(),
                    x.publication().publishedAt(), f.level().name().toLowerCase(java.util.Locale.ROOT), f.code(),
                    f.message()));
        }
        return new ExerciseScore.Findings(publications.size(), errors, warnings, each);
    }

    private static long minutes(Instant start, Instant t) {
        return Duration.between(start, t).toMinutes();
    }
}
