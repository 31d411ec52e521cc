package io.crisisconsole.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
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
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline composer's autosave on its own, driven through the two properties it watches and
 * the case it is told about (the view-model's use of it is {@link CaseDetailAutosaveTest}).
 */
class TimelineComposerAutosaveTest {

    @TempDir
    Path tmp;
    Store store;
    AutosaveService autosave;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer timer = new ManualTimer();
    final Notifier notifier = new Notifier();
    final SimpleObjectProperty<CrisisCase> shown = new SimpleObjectProperty<>();
    final SimpleObjectProperty<EntryKind> kind = new SimpleObjectProperty<>(EntryKind.NOTE);
    final SimpleStringProperty text = new SimpleStringProperty("");
    TimelineComposerAutosave composer;
    CrisisCase a;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        autosave = new AutosaveService(store.jdbi(), clock);
        composer = new TimelineComposerAutosave(autosave, tasks, notifier, English.MESSAGES,
                English.formats(), clock, timer, shown::get, kind, text);
        a = Services.create(store, clock).cases().open(new CaseDetails("Checkout outage", 2, null, null, null), "anna");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String stored() {
        return autosave.find(TimelineComposerAutosave.key(a.id())).map(AutosavedText::content).orElse(null);
    }

    private void showA() {
        shown.set(a);
        composer.switchedTo(a);
        tasks.runAll();
    }

    @Test
    void oneCountdownOfOneSecondPerUnsavedChangeAndOnlyWithACaseShown() {
        assertThat(timer.delay).isEqualTo(Duration.ofSeconds(1));
        text.set("typed with no case");
        assertThat(timer.isRunning()).isFalse();

        showA();
        assertThat(text.get()).as("switching empties the composer").isEmpty();
        assertThat(timer.isRunning()).as("and that is not typing").isFalse();
        text.set("a");
        text.set("ab");
        assertThat(timer.countdownsStarted).isEqualTo(1);
        timer.fire();
        tasks.runAll();
        assertThat(stored()).isEqualTo("ab");
    }

    @Test
    void leavingWritesAtOnceAndComingBackRestoresWithAMessage() {
        showA();
        kind.set(EntryKind.ESCALATION);
        text.set("Call legal");
        composer.leaving();
        tasks.runAll();
        assertThat(stored()).isEqualTo("Call legal");

        shown.set(null);
        composer.switchedTo(null);
        assertThat(text.get()).isEmpty();
        assertThat(kind.get()).isEqualTo(EntryKind.NOTE);

        showA();
        assertThat(text.get()).isEqualTo("Call legal");
        assertThat(kind.get()).isEqualTo(EntryKind.ESCALATION);
        assertThat(notifier.messageProperty().get()).startsWith("Restored text you had not added yet (autosaved ");
    }

    @Test
    void aSaveOfTextAlreadyAddedIsSkippedAndTheComposerEmpties() {
        showA();
        text.set("Holding statement posted");
        long seq = composer.editCount();
        String key = TimelineComposerAutosave.key(a.id());
        composer.addedInStore(key, seq); // as the add's transaction does, before the queued save runs
        timer.fire();
        tasks.runAll();
        assertThat(stored()).isNull();

        composer.added(a.id(), key, seq, "Holding statement posted");
        assertThat(text.get()).isEmpty();
        assertThat(timer.isRunning()).isFalse();
    }

    @Test
    void flushWritesWhatIsPendingAndWaits() {
        showA();
        text.set("typed just before closing");
        assertThat(composer.flush()).isTrue();
        assertThat(stored()).isEqualTo("typed just before closing");
        assertThat(composer.flush()).as("nothing left").isTrue();
        assertThat(tasks.queued()).isZero();
    }
}
