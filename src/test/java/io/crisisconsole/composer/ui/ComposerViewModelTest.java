package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.DraftVersion;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.LengthOnlyChecker;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composer of a case through its view-model, with the real draft service over a real store and
 * the test checker that only counts (X 280, SMS 160); no FX toolkit. The check countdown and the
 * autosave countdown are separate manual timers.
 */
class ComposerViewModelTest {

    @TempDir
    Path tmp;
    ComposerFixture f;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer checkTimer = new ManualTimer();
    final ManualTimer autosaveTimer = new ManualTimer();
    final Notifier notifier = new Notifier();
    final AtomicInteger timelineChanges = new AtomicInteger();
    /** The brand name setting as the window's preferences hold it. */
    final AtomicReference<String> brand = new AtomicReference<>("");
    ComposerViewModel vm;

    @BeforeEach
    void open() {
        f = new ComposerFixture(tmp);
        vm = newViewModel();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ComposerViewModel newViewModel() {
        return new ComposerViewModel(f.outage, f.drafts, f.contacts, new LengthOnlyChecker(), tasks, notifier,
                English.MESSAGES, English.formats(), () -> "anna", brand::get,
                new EditorAutosave(f.autosaves, tasks, autosaveTimer, notifier, English.MESSAGES, English.formats()),
                timelineChanges::incrementAndGet, f.clock, checkTimer);
    }

    private Draft started() {
        vm.load();
        tasks.runAll();
        vm.createDraft("Holding statement");
        tasks.runAll();
        return vm.draftProperty().get();
    }

    private List<String> timeline() {
        return f.cases.timeline(f.outage.id()).stream().map(TimelineEntry::body).toList();
    }

    @Test
    void loadingACaseWithoutDraftsShowsNoneAndListsTheApprovers() {
        vm.load();
        assertThat(vm.busyProperty().get()).isTrue();
        tasks.runAll();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.drafts()).isEmpty();
        assertThat(vm.draftProperty().get()).isNull();
        assertThat(vm.approvers()).extracting(c -> c.name()).containsExactly("Anna Nowak");
        assertThat(vm.crisisCase()).isEqualTo(f.outage);
    }

    @Test
    void aNewDraftStartsFromThePlaybooksTemplatesWithTheCasesHashtagAndHub() {
        Draft d = started();

        assertThat(d.title()).isEqualTo("Holding statement");
        assertThat(d.status()).isEqualTo(DraftStatus.DRAFT);
        assertThat(d.stage()).isEqualTo(Stage.INVESTIGATING);
        assertThat(vm.drafts()).containsExactly(d);
        assertThat(vm.versions()).extracting(DraftVersion::version).containsExactly(1);
        assertThat(vm.variantProperty(Channel.X).get()).startsWith("We know {{issue}}.")
                .contains("https://status.example.com #CheckoutStatus");
        assertThat(vm.apologyProperty().get()).as("the playbook asks for an apology").isTrue();
        assertThat(vm.hasUnsavedChanges()).isFalse();
        assertThat(timelineChanges.get()).isEqualTo(1);
        assertThat(timeline()).last().asString().startsWith("Draft message \u201cHolding statement\u201d started");
        assertThat(notifier.messageProperty().get()).isEqualTo("Draft \u201cHolding statement\u201d started");
    }

    @Test
    void aChangeIsCheckedOnceTheCountdownEndsNotAtOnce() {
        started();
        assertThat(checkTimer.delay).isEqualTo(ComposerViewModel.CHECK_DELAY).isEqualTo(Duration.ofMillis(150));
        assertThat(checkTimer.isRunning()).as("showing a draft is not an edit").isFalse();

        vm.variantProperty(Channel.X).set("x".repeat(301));
        assertThat(checkTimer.isRunning()).isTrue();
        assertThat(vm.findings(Channel.X)).isEmpty();

        checkTimer.fire();

        assertThat(vm.findings(Channel.X)).extracting(Finding::code).containsExactly("over-limit");
        assertThat(vm.findings(Channel.SMS)).isEmpty();
        assertThat(vm.hasErrorsProperty().get()).isTrue();
        assertThat(vm.count(Channel.X)).map(vm::counterText).contains("301 / 280");
    }

    @Test
    void saveVersionKeepsWhatChangedAsTheNewestVersion() {
        Draft d = started();
        vm.whatHappenedProperty().set("card payments fail for about 3,000 customers");
        assertThat(vm.hasUnsavedChanges()).isTrue();

        vm.saveVersion();
        vm.saveVersion(); // refused while the first one runs
        assertThat(tasks.queued()).isEqualTo(1);
        tasks.runAll();

        assertThat(vm.hasUnsavedChanges()).isFalse();
        assertThat(vm.versions()).extracting(DraftVersion::version).containsExactly(1, 2);
        assertThat(vm.draftProperty().get().currentVersion()).isEqualTo(2);
        assertThat(f.drafts.content(d.id()).core().whatHappened()).isEqualTo("card payments fail for about 3,000 customers");
        assertThat(notifier.messageProperty().get()).isEqualTo("Saved (version 2)");
        assertThat(timelineChanges.get()).as("saving is not a timeline event").isEqualTo(1);
    }

    @Test
    void reviewApprovalAndPublicationGoToTheTimeline() {
        started();
        assertThat(vm.canApproveProperty().get()).isFalse();

        vm.submitForReview();
        tasks.runAll();
        assertThat(vm.draftProperty().get().status()).isEqualTo(DraftStatus.IN_REVIEW);
        assertThat(notifier.messageProperty().get()).isEqualTo("Submitted for review");
        assertThat(vm.canApproveProperty().get()).as("no approver chosen yet").isFalse();

        vm.approverProperty().set(f.anna);
        assertThat(vm.canApproveProperty().get()).isTrue();
        vm.approve();
        tasks.runAll();
        assertThat(vm.draftProperty().get().status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(vm.draftProperty().get().approvedByName()).isEqualTo("Anna Nowak");
        assertThat(notifier.messageProperty().get()).isEqualTo("Approved by Anna Nowak");

        f.clock.advance(Duration.ofMinutes(5));
        vm.markPublished(Channel.X, null, "");
        tasks.runAll();
        assertThat(vm.publications()).extracting(DraftPublication::channel).containsExactly(Channel.X);
        assertThat(vm.publications().get(0).publishedAt()).isEqualTo(f.clock.instant());
        assertThat(notifier.messageProperty().get()).isEqualTo("Marked published on X");
        assertThat(f.cases.timeline(f.outage.id())).extracting(TimelineEntry::kind)
                .contains(EntryKind.DECISION, EntryKind.MESSAGE_PUBLISHED);
        assertThat(timelineChanges.get()).isEqualTo(4);
    }

    @Test
    void approvalIsRefusedWhileTheCheckFindsErrorsAndATimeMustBeATime() {
        started();
        vm.submitForReview();
        tasks.runAll();
        vm.approverProperty().set(f.anna);
        vm.variantProperty(Channel.SMS).set("s".repeat(161));

        vm.approve(); // checks at once, without waiting for the countdown

        assertThat(tasks.queued()).isZero();
        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).isEqualTo("Not approved: the check found errors; fix them first");
        assertThat(vm.canApproveProperty().get()).isFalse();
        assertThat(vm.draftProperty().get().status()).isEqualTo(DraftStatus.IN_REVIEW);

        vm.markPublished(Channel.X, null, "25:99");
        assertThat(tasks.queued()).isZero();
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Not marked published: \u201825:99\u2019 is not a time like 14:05");
    }

    @Test
    void backToDraftWithdrawsTheReview() {
        started();
        vm.submitForReview();
        tasks.runAll();

        vm.reopen();
        tasks.runAll();

        assertThat(vm.draftProperty().get().status()).isEqualTo(DraftStatus.DRAFT);
        assertThat(notifier.messageProperty().get()).isEqualTo("Back to draft");
        assertThat(timeline()).last().asString().contains("back to draft from review");
    }

    @Test
    void switchingDraftsSavesTheOneBeingLeftAndShowsTheOther() {
        Draft first = started();
        vm.whatHappenedProperty().set("checkout fails");

        vm.createDraft("Update");
        tasks.runAll();
        Draft second = vm.draftProperty().get();
        assertThat(vm.drafts()).extracting(Draft::title).containsExactly("Update", "Holding statement");
        assertThat(f.drafts.get(first.id()).currentVersion()).as("the draft left was saved").isEqualTo(2);
        assertThat(vm.whatHappenedProperty().get()).as("the new draft starts from the core message")
                .isEqualTo("checkout fails");

        vm.select(vm.drafts().get(1));
        tasks.runAll();
        assertThat(vm.draftProperty().get().id()).isEqualTo(first.id());
        assertThat(vm.drafts().get(1).currentVersion()).isEqualTo(2);
        assertThat(vm.versions()).hasSize(2);

        vm.select(vm.drafts().get(1));
        assertThat(tasks.queued()).as("already shown").isZero();
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void typingIsAutosavedAndComesBackAfterACrash() {
        Draft d = started();
        vm.whatHappenedProperty().set("card payments fail");
        assertThat(autosaveTimer.isRunning()).isTrue();
        autosaveTimer.fire();
        tasks.runAll();
        assertThat(f.autosaves.find(ComposerViewModel.autosaveKey(d.id()))).isPresent();

        ComposerViewModel afterCrash = newViewModel();
        afterCrash.load();
        tasks.runAll();

        assertThat(afterCrash.draftProperty().get().id()).isEqualTo(d.id());
        assertThat(afterCrash.whatHappenedProperty().get()).isEqualTo("card payments fail");
        assertThat(afterCrash.hasUnsavedChanges()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Restored what you had typed here");
    }

    @Test
    void closingSavesWhatChangedAndForgetsTheAutosave() {
        Draft d = started();
        vm.keyFactsProperty().set("about 3,000 customers\n\n  refund of 5 EUR  ");
        assertThat(vm.core().keyFacts()).containsExactly("about 3,000 customers", "refund of 5 EUR");

        vm.close();
        tasks.runAll();

        assertThat(vm.draftProperty().get()).isNull();
        assertThat(f.drafts.get(d.id()).currentVersion()).isEqualTo(2);
        assertThat(f.drafts.content(d.id()).core().keyFacts()).containsExactly("about 3,000 customers", "refund of 5 EUR");
        assertThat(f.autosaves.find(ComposerViewModel.autosaveKey(d.id()))).map(AutosavedText::content).isEmpty();
        assertThat(notifier.messageProperty().get()).isEqualTo("Saved \u201cHolding statement\u201d (version 2)");
    }

    @Test
    void anEarlierVersionCanBePutBackIntoTheEditor() {
        started();
        String original = vm.variantProperty(Channel.X).get();
        vm.variantProperty(Channel.X).set("Rewritten");
        vm.saveVersion();
        tasks.runAll();

        vm.restoreVersion(vm.versions().get(0));
        tasks.runAll();

        assertThat(vm.variantProperty(Channel.X).get()).isEqualTo(original);
        assertThat(vm.hasUnsavedChanges()).isTrue();
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Version 1 is in the editor; Save version to keep it as the newest");
        assertThat(f.autosaves.find(ComposerViewModel.autosaveKey(vm.draftProperty().get().id()))).isPresent();
    }

    @Test
    void fillPlaceholdersUsesTheCoreMessage() {
        started();
        vm.whatHappenedProperty().set("card payments fail for about 3,000 customers.");
        vm.whatYouShouldDoProperty().set("Please pay by bank transfer meanwhile.");
        vm.nextUpdateProperty().set("16:30");

        vm.fillPlaceholders();

        assertThat(vm.variantProperty(Channel.X).get())
                .startsWith("We know card payments fail for about 3,000 customers.")
                .contains("Please pay by bank transfer meanwhile.", "Next update 16:30.")
                .doesNotContain("{{");
        assertThat(vm.variantProperty(Channel.SMS).get()).as("no value for the brand yet").startsWith("{{brand}}: ");
        assertThat(checkTimer.isRunning()).as("filling is an edit").isTrue();
        assertThat(notifier.messageProperty().get()).as("the fill step says where the brand name is set")
                .isEqualTo("The brand name is not set, so {{brand}} stays: set it under \u201cBrand\u201d in the sidebar");
    }

    @Test
    void theBrandNameSettingFillsBrandInNewDraftsAndOnFill() {
        brand.set("Northwind Rail");
        started();
        assertThat(vm.variantProperty(Channel.SMS).get()).as("a new draft starts with the brand filled")
                .startsWith("Northwind Rail: {{issue}}.");

        vm.variantProperty(Channel.STAFF_MEMO).set("{{brand}} staff: {{issue}}");
        vm.whatHappenedProperty().set("Card payments fail at checkout.");
        vm.fillPlaceholders();

        assertThat(vm.variantProperty(Channel.SMS).get()).startsWith("Northwind Rail: Card payments fail at checkout.");
        assertThat(vm.variantProperty(Channel.STAFF_MEMO).get()).as("after a colon the value keeps its capital").isEqualTo("Northwind Rail staff: Card payments fail at checkout");
        assertThat(notifier.messageProperty().get()).as("nothing to say about the brand").isNotEqualTo(
                English.MESSAGES.get("composer.fill.noBrand"));
    }

    @Test
    void theSuggestedTitleNamesTheStageAndTheTime() {
        String time = English.formats().clock(ComposerFixture.T0);
        assertThat(vm.suggestedTitle()).isEqualTo("Holding statement " + time);
        vm.stageProperty().set(Stage.IDENTIFIED);
        assertThat(vm.suggestedTitle()).isEqualTo("Update (identified) " + time);
        vm.stageProperty().set(Stage.RESOLVED);
        assertThat(vm.suggestedTitle()).isEqualTo("Resolved " + time);
    }

    @Test
    void theChecksKnowTheCasesHashtagAndHubAndThePlaybooksRules() {
        started();
        MessageContext c = vm.context();
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.hashtag()).isEqualTo("#CheckoutStatus");
        assertThat(c.hubUrl()).isEqualTo("https://status.example.com");
        assertThat(c.apologyRequired()).isTrue();
        assertThat(c.forbiddenPhrases()).containsKey("en");
    }

    @Test
    void theListsAreReadOnly() {
        started();
        assertThatThrownBy(() -> vm.drafts().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.versions().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.publications().setAll(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.approvers().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.findings(Channel.X).setAll(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void countersReadAsThePlatformsCount() {
        assertThat(vm.counterText(null)).isEmpty();
        assertThat(vm.counterText(new ChannelCount(Channel.X, 231, 280, 0, null))).isEqualTo("231 / 280");
        assertThat(vm.counterText(new ChannelCount(Channel.SMS, 134, 201, 2, "UCS-2", 3)))
                .isEqualTo("134 / 201 UCS-2 \u00b7 2 SMS parts of 3");
        assertThat(vm.counterText(new ChannelCount(Channel.EMAIL, 1, 0, 0, null))).isEqualTo("1 character");
        assertThat(vm.counterText(new ChannelCount(Channel.EMAIL, 512, 0, 0, null)))
                .isEqualTo("512 characters");
    }

    @Test
    void contactsAddedOrRenamedWhileTheComposerIsOpenShowAsApproversOnReload() {
        vm.load();
        tasks.runAll();
        vm.approverProperty().set(vm.approvers().get(0));
        io.crisisconsole.contacts.Contact ben = f.contacts.create(new io.crisisconsole.contacts.ContactDetails("Ben Ortiz",
                "Legal counsel", null, List.of(), List.of("ben@example.com"), List.of(), null, null, null,
                java.util.Set.of(io.crisisconsole.contacts.ContactGroup.LEGAL), null));
        io.crisisconsole.contacts.Contact anna = f.contacts.get(f.anna.id());
        f.contacts.update(anna.id(), anna.version(), new io.crisisconsole.contacts.ContactDetails("Anna Nowak-Kowalska",
                anna.roleTitle(), null, List.of(), anna.emails(), List.of(), null, null, null, anna.groups(), null));
        assertThat(vm.approvers()).extracting(c -> c.name()).as("not read yet").containsExactly("Anna Nowak");

        vm.reloadApprovers();
        tasks.runAll();

        assertThat(vm.approvers()).extracting(c -> c.name()).containsExactlyInAnyOrder("Anna Nowak-Kowalska", "Ben Ortiz");
        assertThat(vm.approverProperty().get().name()).as("still chosen, as stored now").isEqualTo("Anna Nowak-Kowalska");
        f.contacts.delete(f.anna.id());
        vm.reloadApprovers();
        tasks.runAll();
        assertThat(vm.approvers()).extracting(c -> c.id()).containsExactly(ben.id());
        assertThat(vm.approverProperty().get()).as("a deleted approver is no longer chosen").isNull();
    }
}
