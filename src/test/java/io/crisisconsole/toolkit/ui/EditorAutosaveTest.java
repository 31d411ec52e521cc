package io.crisisconsole.toolkit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.ui.CaseFormViewModel;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave of the small editors (here the case form), against a real store. */
class EditorAutosaveTest {

    @TempDir
    Path tmp;
    Store store;
    AutosaveService autosave;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer timer = new ManualTimer();
    final Notifier notifier = new Notifier();
    EditorAutosave editors;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        autosave = new AutosaveService(store.jdbi(), Clock.systemUTC());
        Messages english = Messages.forLocale(Locale.ENGLISH);
        editors = new EditorAutosave(autosave, tasks, timer, notifier, english, new Formats(english, ZoneId.systemDefault()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EditorAutosave.Session openForm(CaseFormViewModel vm) {
        return editors.open("case-form:new", null, vm::toDraft, vm::fillFromDraft, vm.titleProperty(),
                vm.severityProperty(), vm.ownerProperty(), vm.hashtagProperty(), vm.hubUrlProperty());
    }

    @Test
    void whatWasTypedInAFormComesBackWhenTheFormOpensAgain() {
        CaseFormViewModel typing = new CaseFormViewModel();
        openForm(typing);
        tasks.runAll();
        typing.titleProperty().set("Courier video goes viral");
        typing.severityProperty().set(2);
        typing.hashtagProperty().set("bad tag, still typing");
        assertThat(timer.isRunning()).as("a write is due within a second").isTrue();
        assertThat(timer.delay).isLessThanOrEqualTo(java.time.Duration.ofSeconds(1));
        timer.fire();
        tasks.runAll();
        assertThat(autosave.find("case-form:new")).isPresent();

        // the app died here; the form opens again in a new run
        CaseFormViewModel reopened = new CaseFormViewModel();
        openForm(reopened);
        tasks.runAll();

        assertThat(reopened.titleProperty().get()).isEqualTo("Courier video goes viral");
        assertThat(reopened.severityProperty().get()).isEqualTo(2);
        assertThat(reopened.hashtagProperty().get()).as("kept even though it is not valid yet")
                .isEqualTo("bad tag, still typing");
        assertThat(notifier.messageProperty().get()).startsWith("Restored what you had typed here");
        assertThat(timer.isRunning()).as("restoring is not a change").isFalse();
    }

    @Test
    void typingBeforeTheRestoreArrivesIsNotOverwritten() {
        CaseFormViewModel earlier = new CaseFormViewModel();
        earlier.titleProperty().set("old draft");
        autosave.save("case-form:new", null, null, earlier.toDraft());
        CaseFormViewModel vm = new CaseFormViewModel();
        openForm(vm);
        vm.titleProperty().set("typed right away");
        tasks.runAll();
        assertThat(vm.titleProperty().get()).isEqualTo("typed right away");
    }

    @Test
    void finishingTheEditorForgetsTheDraft() {
        CaseFormViewModel vm = new CaseFormViewModel();
        EditorAutosave.Session session = openForm(vm);
        vm.titleProperty().set("Outage");
        timer.fire();
        tasks.runAll();
        session.finish();
        tasks.runAll();
        assertThat(autosave.find("case-form:new")).isEmpty();
        vm.titleProperty().set("after finishing");
        assertThat(timer.isRunning()).isFalse();
    }

    @Test
    void closingTheAppWritesWhatOpenEditorsHoldWithoutWaitingForTheTimer() {
        CaseFormViewModel vm = new CaseFormViewModel();
        openForm(vm);
        tasks.runAll();
        vm.titleProperty().set("Typed just before closing");
        editors.flushAll();
        tasks.runAll();
        assertThat(autosave.find("case-form:new")).get()
                .satisfies(a -> assertThat(a.content()).contains("Typed just before closing"));
    }
}
