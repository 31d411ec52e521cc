package io.crisisconsole.rehearsal;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.PublishedChecks;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.ResponseFigures;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistService;
import io.crisisconsole.workspace.UpdateRhythm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        ResponseFigures f = inbox.responseFigures(caseId, now);
        return new ExerciseScore.FirstResponse((int) f.mentions(), (int) f.answered(), (int) f.withinTarget(),
                (int) f.overdueUnanswered(), f.medianSeconds(), f.p90Seconds(), f.shareInTime());
    }

    private static List<ExerciseScore.Rhythm> rhythm(Playbook p, List<DraftPublication> publications, Instant start,
            Instant now) {
        return UpdateRhythm.of(p, publications, start, now).stream()
                .map(r -> new ExerciseScore.Rhythm(r.channel().yamlName(), r.publications(), r.intervalMinutes(),
                        r.longestGapMinutes(), r.late(), r.kept()))
                .toList();
    }

    private ExerciseScore.Steps steps(long caseId, Instant now) {
        Optional<Checklist> list = checklist.checklist(caseId);
        if (list.isEmpty()) {
            return new ExerciseScore.Steps(0, 0, 0, 0, 0, 0);
        }
        Checklist.Tally t = list.get().tally(now);
        return new ExerciseScore.Steps(t.total(), t.done(), t.doneLate(), t.skipped(), t.open(), t.openLate());
    }

    private ExerciseScore.Findings findings(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        List<ExerciseScore.PublishedFinding> each = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (PublishedChecks.Checked x : new PublishedChecks(drafts).check(c, p, publications)) {
            for (Finding f : x.findings()) {
                if (f.level() == Finding.Level.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
                each.add(new ExerciseScore.PublishedFinding(x.publication().channel().yamlName(),
                        x.publication().publishedAt(), f.level().name().toLowerCase(java.util.Locale.ROOT), f.code(),
                        f.message()));
            }
        }
        return new ExerciseScore.Findings(publications.size(), errors, warnings, each);
    }

    private static long minutes(Instant start, Instant t) {
        return Duration.between(start, t).toMinutes();
    }
}
