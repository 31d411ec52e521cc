package io.crisisconsole.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case workspace apart from its autosave (that is {@link CaseDetailAutosaveTest}): the timeline,
 * adding and correcting entries, status and edits, conflicts; real store, no FX toolkit.
 */
class CaseDetailViewModelTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    CaseService cases;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer timer = new ManualTimer();
    final Notifier notifier = new Notifier();
    final SimpleObjectProperty<CrisisCase> selection = new SimpleObjectProperty<>();
    final List<CrisisCase> changed = new ArrayList<>();
    CaseDetailViewModel vm;
    CrisisCase outage;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        Services services = Services.create(store, clock);
        cases = services.cases();
        vm = new CaseDetailViewModel(cases, services.autosave(), tasks, notifier, English.MESSAGES,
                English.formats(), () -> "anna",
                selection, changed::add, clock, timer);
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna", null, null), "anna");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void show(CrisisCase c) {
        selection.set(c);
        tasks.runAll();
    }

    private List<String> bodies() {
        return vm.entries().stream().map(TimelineEntry::body).toList();
    }

    @Test
    void showingACaseLoadsItsTimelineAndShowingNoneEmptiesIt() {
        assertThat(vm.currentProperty().get()).isNull();
        show(outage);
        assertThat(vm.currentProperty().get()).isEqualTo(outage);
        assertThat(bodies()).containsExactly("Case opened: SEV2 High, owner Anna");

        show(null);
        assertThat(vm.currentProperty().get()).isNull();
        assertThat(vm.entries()).isEmpty();
    }

    @Test
    void anEntryCanBeAddedOnlyWithACaseAndText() {
        assertThat(vm.canAddProperty().get()).isFalse();
        show(outage);
        assertThat(vm.canAddProperty().get()).isFalse();
        vm.newTextProperty().set("   ");
        assertThat(vm.canAddProperty().get()).isFalse();
        vm.addEntry();
        assertThat(tasks.queued()).isZero();
        vm.newTextProperty().set("Support queue at 400 tickets");
        assertThat(vm.canAddProperty().get()).isTrue();
    }

    @Test
    void anAddedEntryAppearsInTheTimelineAndTheComposerEmpties() {
        show(outage);
        clock.advance(Duration.ofMinutes(3));
        vm.newKindProperty().set(EntryKind.DECISION);
        vm.newTextProperty().set("Pause all paid social");

        vm.addEntry();
        tasks.runAll();

        assertThat(bodies()).containsExactly("Case opened: SEV2 High, owner Anna", "Pause all paid social");
        assertThat(vm.entries().get(1).kind()).isEqualTo(EntryKind.DECISION);
        assertThat(vm.entries().get(1).author()).isEqualTo("anna");
        assertThat(vm.newTextProperty().get()).isEmpty();
        assertThat(vm.newKindProperty().get()).as("the next entry starts as a note").isEqualTo(EntryKind.NOTE);
        assertThat(notifier.messageProperty().get()).isEqualTo("Decision added to case #" + outage.id());
        assertThat(cases.timeline(outage.id())).hasSize(2);
    }

    @Test
    void aCorrectionIsAddedAndTheOriginalStays() {
        show(outage);
        vm.newTextProperty().set("3,000 customers affected");
        vm.addEntry();
        tasks.runAll();
        TimelineEntry wrong = vm.entries().get(1);
        assertThat(vm.isCorrected(wrong)).isFalse();

        vm.correct(wrong, "about 300 customers affected");
        tasks.runAll();

        assertThat(bodies()).containsExactly("Case opened: SEV2 High, owner Anna", "3,000 customers affected",
                "about 300 customers affected");
        TimelineEntry correction = vm.entries().get(2);
        assertThat(correction.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(vm.entry(correction.correctsId())).isEqualTo(wrong);
        assertThat(vm.isCorrected(wrong)).isTrue();
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Correction added; the original entry stays in the timeline");
    }

    @Test
    void aStatusChangeUpdatesTheCaseEverywhereAndItsTimeline() {
        show(outage);
        vm.changeStatus(CaseStatus.ACTIVE, "trending on X");
        tasks.runAll();

        assertThat(vm.currentProperty().get().status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(changed).extracting(CrisisCase::status).containsExactly(CaseStatus.ACTIVE);
        assertThat(bodies()).last().isEqualTo("Status Open \u2192 Active: trending on X");
        assertThat(notifier.messageProperty().get()).isEqualTo("Case #" + outage.id() + " is now Active");

        vm.changeStatus(CaseStatus.ACTIVE, null);
        assertThat(tasks.queued()).as("already active: nothing to do").isZero();
    }

    @Test
    void anEditIsSavedAndWrittenToTheTimeline() {
        show(outage);
        vm.update(new CaseDetails("Checkout outage (EU)", 1, "Anna", null, null));
        tasks.runAll();

        assertThat(vm.currentProperty().get().title()).isEqualTo("Checkout outage (EU)");
        assertThat(changed).extracting(CrisisCase::title).containsExactly("Checkout outage (EU)");
        assertThat(vm.entries()).extracting(TimelineEntry::kind).contains(EntryKind.CASE_UPDATED);
        assertThat(notifier.messageProperty().get()).isEqualTo("Case #" + outage.id() + " saved");
    }

    @Test
    void aChangeMadeElsewhereMeanwhileIsNotOverwrittenAndTheCaseIsReloaded() {
        show(outage);
        CrisisCase elsewhere = cases.update(outage.id(), outage.version(),
                new CaseDetails("Checkout outage", 2, "Marek", null, null), "cli");

        vm.changeStatus(CaseStatus.CONTAINED, null);
        tasks.runAll();

        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Status not changed: case #" + outage.id()
                + " was changed elsewhere");
        assertThat(vm.currentProperty().get()).isEqualTo(elsewhere);
        assertThat(changed).containsExactly(elsewhere);
        assertThat(cases.get(outage.id()).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void theTimelineIsReadOnlyAndTheKindsAreThoseAPersonWrites() {
        show(outage);
        assertThatThrownBy(() -> vm.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(vm.kindChoices()).containsExactlyElementsOf(EntryKind.userEnteredKinds())
                .doesNotContain(EntryKind.STATUS_CHANGE, EntryKind.CORRECTION);
        assertThat(vm.now()).isEqualTo(T0);
    }
}
