package io.crisisconsole.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave of the timeline composer, through the view-model, against a real store; no FX toolkit. */
class CaseDetailAutosaveTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    CaseService cases;
    AutosaveService autosave;
    QueuedTasks tasks;
    ManualTimer timer;
    Notifier notifier;
    SimpleObjectProperty<CrisisCase> selection;
    CaseDetailViewModel vm;
    CrisisCase a;
    CrisisCase b;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        Services services = Services.create(store, clock);
        cases = services.cases();
        autosave = services.autosave();
        tasks = new QueuedTasks();
        timer = new ManualTimer();
        notifier = new Notifier();
        selection = new SimpleObjectProperty<>();
        vm = new CaseDetailViewModel(cases, autosave, tasks, notifier, English.MESSAGES, English.formats(),
                () -> "anna", selection, c -> { }, clock, timer);
        a = cases.open(new CaseDetails("Checkout outage", 2, null, null, null), "anna");
        b = cases.open(new CaseDetails("Offensive post", 1, null, null, null), "anna");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void show(CrisisCase c) {
        selection.set(c);
        tasks.runAll();
    }

    private void type(String text) {
        vm.newTextProperty().set(text);
    }

    private Optional<AutosavedText> stored(CrisisCase c) {
        return autosave.find(CaseDetailViewModel.composerKey(c.id()));
    }

    private void refuseAutosaveUpdates() {
        store.jdbi().useHandle(h -> h.execute("CREATE TRIGGER autosave_refused BEFORE UPDATE ON autosave "
                + "FOR EACH ROW CALL 'io.crisisconsole.store.AppendOnlyTrigger'"));
    }

    @Test
    void typingIsWrittenOneSecondAfterTheFirstUnsavedChangeEvenWhileTypingGoesOn() {
        show(a);
        assertThat(timer.delay).isEqualTo(Duration.ofSeconds(1));
        assertThat(timer.isRunning()).isFalse();

        type("First");
        type("First complaints");
        type("First complaints on X");
        assertThat(timer.countdownsStarted).as("further typing does not push the save back").isEqualTo(1);
        assertThat(stored(a)).isEmpty();

        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).hasValueSatisfying(s -> {
            assertThat(s.content()).isEqualTo("First complaints on X");
            assertThat(s.kind()).isEqualTo("NOTE");
            assertThat(s.caseId()).isEqualTo(a.id());
            assertThat(s.savedAt()).isEqualTo(T0);
        });

        vm.newKindProperty().set(EntryKind.ESCALATION);
        assertThat(timer.isRunning()).as("the kind counts as a change").isTrue();
        timer.fire();
        tasks.runAll();
        assertThat(stored(a).orElseThrow().kind()).isEqualTo("ESCALATION");
    }

    @Test
    void nothingChangedMeansNothingWritten() {
        show(a);
        type("x");
        timer.fire();
        tasks.runAll();
        assertThat(timer.isRunning()).isFalse();
        assertThat(tasks.queued()).isZero();
        assertThat(vm.flushAutosave()).isTrue();
        assertThat(tasks.queued()).isZero();
    }

    @Test
    void emptyingTheComposerDeletesTheAutosave() {
        show(a);
        type("wrong case");
        timer.fire();
        tasks.runAll();
        type("");
        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).isEmpty();
    }

    @Test
    void switchingCasesWritesAtOnceAndComingBackRestoresTextAndKind() {
        show(a);
        vm.newKindProperty().set(EntryKind.DECISION);
        type("Apologise within the hour");
        show(b);
        assertThat(stored(a)).map(AutosavedText::content).contains("Apologise within the hour");
        assertThat(vm.newTextProperty().get()).as("the other case starts empty").isEmpty();
        assertThat(vm.newKindProperty().get()).isEqualTo(EntryKind.NOTE);
        assertThat(stored(b)).as("showing a case writes nothing for it").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        show(a);
        assertThat(vm.newTextProperty().get()).isEqualTo("Apologise within the hour");
        assertThat(vm.newKindProperty().get()).isEqualTo(EntryKind.DECISION);
        assertThat(notifier.messageProperty().get())
                .startsWith("Restored text you had not added yet (autosaved ").endsWith(")");
        assertThat(notifier.errorProperty().get()).isFalse();
        assertThat(timer.isRunning()).as("restoring is not typing").isFalse();
    }

    @Test
    void textTypedBeforeTheStoredAutosaveIsShownIsKeptWithIt() {
        autosave.save(CaseDetailViewModel.composerKey(a.id()), a.id(), "NOTE", "stored earlier");
        selection.set(a);
        type("typed just now"); // before the lookup answered
        tasks.runAll();
        assertThat(vm.newTextProperty().get()).isEqualTo("stored earlier\ntyped just now");
        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).map(AutosavedText::content).contains("stored earlier\ntyped just now");
    }

    @Test
    void addingTheEntryClearsComposerAndAutosave() {
        show(a);
        type("Support queue at 400 tickets");
        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).isPresent();

        vm.addEntry();
        tasks.runAll();

        assertThat(stored(a)).isEmpty();
        assertThat(vm.newTextProperty().get()).isEmpty();
        assertThat(timer.isRunning()).isFalse();
        assertThat(cases.timeline(a.id())).extracting(TimelineEntry::body).contains("Support queue at 400 tickets");
    }

    @Test
    void aSaveQueuedBehindTheAddCannotBringTheAddedTextBack() {
        show(a);
        type("Holding statement posted");
        vm.addEntry();   // queued
        timer.fire();    // the countdown ends before the add is done: its save queues behind the add
        assertThat(tasks.queued()).isEqualTo(2);
        tasks.runAll();

        assertThat(stored(a)).as("no duplicate to restore after a crash").isEmpty();
        assertThat(cases.timeline(a.id())).extracting(TimelineEntry::body).containsOnlyOnce("Holding statement posted");
        assertThat(vm.newTextProperty().get()).isEmpty();
    }

    @Test
    void aKindChangeWhileAddingDoesNotLeaveTheAddedTextAutosaved() {
        show(a);
        type("Reply to journalist sent");
        vm.addEntry();
        vm.newKindProperty().set(EntryKind.MESSAGE_PUBLISHED); // after submitting, before it is done
        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).isEmpty();
        assertThat(vm.newTextProperty().get()).isEmpty();
    }

    @Test
    void textTypedWhileAddingStaysInTheComposer() {
        show(a);
        type("First line");
        vm.addEntry();
        type("First line and more");
        timer.fire();
        tasks.runAll();
        assertThat(vm.newTextProperty().get()).isEqualTo("First line and more");
        assertThat(stored(a)).map(AutosavedText::content).contains("First line and more");
    }

    @Test
    void aFailedWriteKeepsTheTextEvenAcrossCaseSwitchesAndSaysSo() {
        show(a);
        type("Legal says");
        timer.fire();
        tasks.runAll();
        refuseAutosaveUpdates();

        type("Legal says: do not name the supplier");
        timer.fire();
        tasks.runAll();
        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get())
                .startsWith("Not autosaved: the store could not be written (")
                .endsWith(". Your text is still here; add it or copy it before closing.")
                .doesNotContain("do not name the supplier");
        assertThat(vm.newTextProperty().get()).isEqualTo("Legal says: do not name the supplier");
        assertThat(stored(a)).map(AutosavedText::content).as("old row intact").contains("Legal says");

        show(b); // tries again on the way out, fails again
        assertThat(notifier.messageProperty().get()).contains("Your text for case #" + a.id() + " is kept in memory");

        show(a);
        assertThat(vm.newTextProperty().get()).as("from memory, not the older stored text")
                .isEqualTo("Legal says: do not name the supplier");
        assertThat(notifier.errorProperty().get()).isTrue();

        store.jdbi().useHandle(h -> h.execute("DROP TRIGGER autosave_refused"));
        timer.fire();
        tasks.runAll();
        assertThat(stored(a)).map(AutosavedText::content).contains("Legal says: do not name the supplier");
        assertThat(notifier.messageProperty().get()).isEqualTo("Autosaved again");
        assertThat(notifier.errorProperty().get()).isFalse();
    }

    @Test
    void flushWritesPendingTextAndWaits() {
        show(a);
        type("typed a moment before closing");
        assertThat(vm.flushAutosave()).isTrue();
        assertThat(stored(a)).map(AutosavedText::content).contains("typed a moment before closing");
        assertThat(timer.isRunning()).isFalse();
    }

    @Test
    void flushAlsoWritesTextAnEarlierWriteFailedOn() {
        show(a);
        type("first");
        timer.fire();
        tasks.runAll();
        refuseAutosaveUpdates();
        type("first and second");
        show(b);
        assertThat(vm.flushAutosave()).as("still refused").isFalse();
        assertThat(notifier.errorProperty().get()).isTrue();

        store.jdbi().useHandle(h -> h.execute("DROP TRIGGER autosave_refused"));
        assertThat(vm.flushAutosave()).isTrue();
        assertThat(stored(a)).map(AutosavedText::content).contains("first and second");
    }

    @Test
    void textTooLongToAutosaveIsReportedAndKept() {
        show(a);
        String huge = "x".repeat(AutosaveService.MAX_CONTENT + 1);
        type(huge);
        timer.fire();
        tasks.runAll();
        assertThat(notifier.messageProperty().get())
                .startsWith("Not autosaved: the text is longer than 1,000,000 characters.");
        assertThat(vm.newTextProperty().get()).hasSize(AutosaveService.MAX_CONTENT + 1);
    }
}
