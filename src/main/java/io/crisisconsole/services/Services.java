package io.crisisconsole.services;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.ContactTransfer;
import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.SuggestionService;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.SavedReplyService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.PlaybookReviewService;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.rehearsal.BundledScenarios;
import io.crisisconsole.rehearsal.ExerciseScoring;
import io.crisisconsole.rehearsal.ExerciseService;
import io.crisisconsole.rehearsal.ExpectationChecks;
import io.crisisconsole.rehearsal.ReplayFiles;
import io.crisisconsole.rehearsal.ScriptedRun;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.ReviewService;
import io.crisisconsole.review.report.HtmlReportWriter;
import io.crisisconsole.review.report.JsonReportWriter;
import io.crisisconsole.review.report.MarkdownReportWriter;
import io.crisisconsole.review.report.PdfReportWriter;
import io.crisisconsole.review.report.ReviewExporter;
import io.crisisconsole.review.report.ReviewReportBuilder;
import io.crisisconsole.signals.EscalationService;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.workspace.CallLogService;
import io.crisisconsole.workspace.ChannelClockService;
import io.crisisconsole.workspace.ChecklistService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Every service of the app, each built once over one open store and handed the services it uses
 * through its constructor. The window ({@code app.AppContext}) and every command of the command
 * line build from here, so both work with the same services wired the same way; no service builds
 * another. Opening the store, and importing the bundled playbooks, stay with the caller.
 */
public record Services(
        TimelineService timeline,
        CaseService cases,
        AutosaveService autosave,
        PlaybookService playbooks,
        CasePlaybookService casePlaybooks,
        ContactService contacts,
        ContactTransfer contactTransfer,
        DraftService drafts,
        InboxService inbox,
        SavedReplyService savedReplies,
        ChecklistService checklist,
        CallLogService calls,
        ChannelClockService channelClocks,
        EscalationService escalations,
        ExerciseService exercises,
        ExerciseScoring exerciseScores,
        ScriptedRun exerciseRuns,
        DebriefService debriefs,
        ReviewService reviews,
        SuggestionService suggestions,
        PlaybookReviewService playbookReviews,
        ReviewReportBuilder reviewReports,
        ReviewExporter reviewExports) {

    public Services {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(autosave, "autosave");
        Objects.requireNonNull(playbooks, "playbooks");
        Objects.requireNonNull(casePlaybooks, "casePlaybooks");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(contactTransfer, "contactTransfer");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(savedReplies, "savedReplies");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(channelClocks, "channelClocks");
        Objects.requireNonNull(escalations, "escalations");
        Objects.requireNonNull(exercises, "exercises");
        Objects.requireNonNull(exerciseScores, "exerciseScores");
        Objects.requireNonNull(exerciseRuns, "exerciseRuns");
        Objects.requireNonNull(debriefs, "debriefs");
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(suggestions, "suggestions");
        Objects.requireNonNull(playbookReviews, "playbookReviews");
        Objects.requireNonNull(reviewReports, "reviewReports");
        Objects.requireNonNull(reviewExports, "reviewExports");
    }

    /** The services over {@code store} (already open, and closed by the caller), on {@code clock}. */
    public static Services create(Store store, Clock clock) {
        Jdbi jdbi = store.jdbi();
        TimelineService timeline = new TimelineService(jdbi, TimelineText.forBodies());
        AutosaveService autosave = new AutosaveService(jdbi, clock);
        CaseService cases = new CaseService(jdbi, timeline, autosave, clock, store::sync);
        PlaybookService playbooks = new PlaybookService(jdbi, clock);
        CasePlaybookService casePlaybooks = new CasePlaybookService(jdbi, cases, playbooks, timeline);
        ContactService contacts = new ContactService(jdbi, clock);
        ContactTransfer contactTransfer = new ContactTransfer(contacts);
        DraftService drafts = new DraftService(jdbi, clock, store::sync, timeline, cases, casePlaybooks,
                contacts);
        InboxService inbox = new InboxService(jdbi, clock, timeline, cases, casePlaybooks);
        SavedReplyService savedReplies = new SavedReplyService(jdbi, clock, playbooks);
        ChecklistService checklist = new ChecklistService(jdbi, clock, timeline, cases, casePlaybooks, contacts);
        // required steps must be done or skipped before a case is resolved
        cases.addCloseCheck(checklist);
        CallLogService calls = new CallLogService(jdbi, clock, timeline, cases, contacts);
        ChannelClockService channelClocks = new ChannelClockService(cases, casePlaybooks, drafts, clock.getZone());
        EscalationService escalations = new EscalationService(jdbi, clock, cases, casePlaybooks, inbox, contacts,
                timeline);
        ExpectationChecks checks = new ExpectationChecks(cases, drafts, calls, checklist, casePlaybooks);
        ExerciseService exercises = new ExerciseService(jdbi, clock, timeline, cases, playbooks, casePlaybooks, inbox,
                drafts, checks, new ReplayFiles(BundledScenarios::resource));
        // an exercise's case runs on the exercise's clock: every stamp of it is exercise time
        cases.setCaseTime(exercises);
        DebriefService debriefs = new DebriefService(jdbi, clock, timeline, cases, playbooks, casePlaybooks, contacts);
        ExerciseScoring exerciseScores = new ExerciseScoring(exercises, cases, inbox, drafts, checklist, casePlaybooks);
        ReviewService reviews = new ReviewService(jdbi, timeline, cases, inbox, drafts, casePlaybooks);
        SuggestionService suggestions = new SuggestionService(cases, casePlaybooks, playbooks, drafts, inbox, debriefs);
        // the suggestions count from the review's impact began and read its lessons
        suggestions.setReviewFacts(new SuggestionService.ReviewFacts() {
            @Override
            public Optional<Instant> impactBegan(long caseId) {
                return Optional.ofNullable(reviews.keyTime(caseId, KeyTime.IMPACT_BEGAN).at());
            }

            @Override
            public String lessons(long caseId) {
                return reviews.review(caseId).text().lessons();
            }
        });
        ReviewReportBuilder reviewReports = new ReviewReportBuilder(clock, cases, inbox, drafts, checklist,
                casePlaybooks, debriefs, exerciseScores, reviews);
        ReviewExporter reviewExports = new ReviewExporter(reviewReports, List.of(new MarkdownReportWriter(),
                new HtmlReportWriter(), new PdfReportWriter(), new JsonReportWriter()));
        return new Services(timeline, cases, autosave, playbooks, casePlaybooks, contacts, contactTransfer, drafts,
                inbox, savedReplies, checklist, calls, channelClocks, escalations, exercises, exerciseScores,
                new ScriptedRun(exercises, cases, inbox, drafts, checklist, calls, contacts, casePlaybooks),
                debriefs, reviews, suggestions, new PlaybookReviewService(jdbi, clock, playbooks, cases), reviewReports,
                reviewExports);
    }
}
