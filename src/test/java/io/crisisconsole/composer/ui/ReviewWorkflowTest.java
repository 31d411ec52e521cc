package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review steps of a draft with the real draft service: each saves the editor first, one at a time. */
class ReviewWorkflowTest {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final CheckReport CLEAN = new CheckReport(List.of(), List.of());

    @TempDir
    Path tmp;
    ComposerFixture f;
    final QueuedTasks tasks = new QueuedTasks();
    final Notifier notifier = new Notifier();
    final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    final List<ReviewWorkflow.Stepped> stepped = new ArrayList<>();
    ReviewWorkflow workflow;
    Draft draft;
    DraftContent content;

    @BeforeEach
    void open() {
        f = new ComposerFixture(tmp);
        workflow = new ReviewWorkflow(f.drafts, tasks, notifier, English.MESSAGES, () -> "anna", f.clock, () -> WARSAW,
                busy, stepped::add);
        draft = f.drafts.create(f.outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        content = f.drafts.content(draft.id());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Draft last() {
        return stepped.get(stepped.size() - 1).after().draft();
    }

    @Test
    void savingUnchangedContentKeepsTheVersionAndIsNoTimelineEvent() {
        workflow.saveVersion(draft, Stage.INVESTIGATING, content);
        assertThat(busy.get()).isTrue();
        tasks.runAll();

        assertThat(busy.get()).isFalse();
        ReviewWorkflow.Stepped s = stepped.get(0);
        assertThat(s.before()).isEqualTo(draft);
        assertThat(s.after().draft().currentVersion()).isEqualTo(1);
        assertThat(s.after().content()).isEqualTo(content);
        assertThat(s.after().versions()).hasSize(1);
        assertThat(s.stage()).isEqualTo(Stage.INVESTIGATING);
        assertThat(s.timelineChanged()).isFalse();
        assertThat(notifier.messageProperty().get()).isEqualTo("Saved (version 1)");
    }

    @Test
    void aStepSavesTheEditorFirstThenRuns() {
        DraftContent edited = content.withText(Channel.X, "We know checkout fails.");

        workflow.submitForReview(draft, Stage.IDENTIFIED, edited);
        tasks.runAll();

        assertThat(last().status()).isEqualTo(DraftStatus.IN_REVIEW);
        assertThat(last().currentVersion()).isEqualTo(2);
        assertThat(last().stage()).isEqualTo(Stage.IDENTIFIED);
        assertThat(f.drafts.content(draft.id())).isEqualTo(edited);
        assertThat(stepped.get(0).timelineChanged()).isTrue();
        assertThat(notifier.messageProperty().get()).isEqualTo("Submitted for review");
    }

    @Test
    void oneStepAtATimeAndNoneWithoutADraft() {
        workflow.saveVersion(draft, Stage.INVESTIGATING, content);
        workflow.submitForReview(draft, Stage.INVESTIGATING, content);
        workflow.reopen(null, Stage.INVESTIGATING, content);
        assertThat(tasks.queued()).isEqualTo(1);
        tasks.runAll();
        assertThat(stepped).hasSize(1);
    }

    @Test
    void approvalNeedsACleanCheckAndNamesTheApprover() {
        workflow.submitForReview(draft, Stage.INVESTIGATING, content);
        tasks.runAll();
        Draft inReview = last();
        CheckReport withError = new CheckReport(List.of(), List.of(new Finding(Channel.X, "over-limit",
                Finding.Level.ERROR, 0, 1, "1 character over the limit")));

        workflow.approve(inReview, Stage.INVESTIGATING, content, f.anna, withError);
        assertThat(tasks.queued()).isZero();
        assertThat(notifier.messageProperty().get()).isEqualTo("Not approved: the check found errors; fix them first");

        workflow.approve(inReview, Stage.INVESTIGATING, content, f.anna, CLEAN);
        tasks.runAll();
        assertThat(last().status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(last().approvedByName()).isEqualTo("Anna Nowak");
        assertThat(notifier.messageProperty().get()).isEqualTo("Approved by Anna Nowak");
    }

    @Test
    void aRefusedStepSaysWhatFailedAndFreesTheWorkflow() {
        workflow.reopen(draft, Stage.INVESTIGATING, content); // a draft is already a draft: nothing to do
        tasks.runAll();
        workflow.approve(last(), Stage.INVESTIGATING, content, f.anna, CLEAN); // not in review
        tasks.runAll();

        assertThat(busy.get()).isFalse();
        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get())
                .startsWith("Approving failed: only a draft in review can be approved");
        assertThat(stepped).hasSize(1);
    }

    @Test
    void aPublicationIsDatedAsEnteredInLocalTimeOrNow() {
        assertThat(workflow.publishedAt(null, " ")).isEqualTo(f.clock.instant());
        assertThat(workflow.publishedAt(LocalDate.of(2026, 11, 24), "9:05"))
                .isEqualTo(LocalDate.of(2026, 11, 24).atTime(9, 5).atZone(WARSAW).toInstant());
        assertThat(workflow.publishedAt(null, "08:30")).as("today, here")
                .isEqualTo(ComposerFixture.T0.atZone(WARSAW).toLocalDate().atTime(8, 30).atZone(WARSAW).toInstant());
        assertThatThrownBy(() -> workflow.publishedAt(null, "half past nine"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("\u2018half past nine\u2019 is not a time like 14:05");
    }

    @Test
    void publishingWritesTheChannelAndATimeInTheFutureIsRefused() {
        workflow.submitForReview(draft, Stage.INVESTIGATING, content.withText(Channel.X, "We know."));
        tasks.runAll();
        workflow.approve(last(), Stage.INVESTIGATING, f.drafts.content(draft.id()), f.anna, CLEAN);
        tasks.runAll();
        Draft approved = last();
        DraftContent saved = f.drafts.content(draft.id());

        workflow.markPublished(approved, Stage.INVESTIGATING, saved, Channel.X, LocalDate.of(2030, 1, 1), "12:00");
        tasks.runAll();
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Marking published failed: a message cannot be marked published in the future.");

        f.clock.advance(Duration.ofMinutes(3));
        workflow.markPublished(approved, Stage.INVESTIGATING, saved, Channel.X, null, null);
        tasks.runAll();
        assertThat(stepped.get(stepped.size() - 1).after().publications()).singleElement()
                .satisfies(p -> assertThat(p.publishedAt()).isEqualTo(f.clock.instant()));
        assertThat(notifier.messageProperty().get()).isEqualTo("Marked published on X");
    }

    @Test
    void leavingADraftSavesItInTheBackgroundAndSaysSoOrWhyNot() {
        List<Draft> saved = new ArrayList<>();
        workflow.saveWhenLeaving(draft, Stage.INVESTIGATING, content.withText(Channel.SMS, "Sorry."), saved::add);
        tasks.runAll();
        assertThat(saved).extracting(Draft::currentVersion).containsExactly(2);
        assertThat(notifier.messageProperty().get()).isEqualTo("Saved \u201cHolding statement\u201d (version 2)");
        assertThat(busy.get()).as("leaving does not block the workflow").isFalse();

        workflow.saveWhenLeaving(draft, Stage.INVESTIGATING, content.withText(Channel.SMS, "Stale."), saved::add);
        tasks.runAll();
        assertThat(saved).hasSize(1);
        assertThat(notifier.messageProperty().get())
                .startsWith("Your changes to \u201cHolding statement\u201d are autosaved but not saved as a version: ");
    }

    @Test
    void theZoneIsReadWhenATimeIsEntered() {
        ReviewWorkflow utc = new ReviewWorkflow(f.drafts, tasks, notifier, English.MESSAGES, () -> "anna", f.clock,
                () -> ZoneOffset.UTC, busy, stepped::add);
        assertThat(utc.publishedAt(LocalDate.of(2026, 11, 24), "9:00")).isEqualTo(ComposerFixture.T0);
    }
}
