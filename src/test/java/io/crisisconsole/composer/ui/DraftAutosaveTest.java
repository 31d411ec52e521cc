package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave of the shown draft: its text format and its sessions, against a real store. */
class DraftAutosaveTest {

    @TempDir
    Path tmp;
    Store store;
    AutosaveService autosaves;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer timer = new ManualTimer();
    final ComposerFields fields = new ComposerFields();
    final List<DraftAutosave.Snapshot> restored = new ArrayList<>();
    DraftAutosave autosave;
    long caseId;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        autosaves = new AutosaveService(store.jdbi(), Clock.systemUTC());
        caseId = Services.create(store, Clock.systemUTC()).cases()
                .open(new CaseDetails("Checkout outage", 2, null, null, null), "anna").id();
        autosave = new DraftAutosave(new EditorAutosave(autosaves, tasks, timer, new Notifier(), English.MESSAGES,
                English.formats()), caseId, fields,
                (s, c) -> restored.add(new DraftAutosave.Snapshot(s, c)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String stored(long draftId) {
        return autosaves.find(DraftAutosave.key(draftId)).map(AutosavedText::content).orElse(null);
    }

    @Test
    void theStageIsOnTheFirstLineAndTheContentAsJsonAfterIt() {
        DraftContent c = DraftContent.empty().withText(Channel.X, "line one\nline two");

        String text = DraftAutosave.encode(Stage.MONITORING, c);

        assertThat(text).startsWith("MONITORING\n{");
        assertThat(DraftAutosave.decode(text)).isEqualTo(new DraftAutosave.Snapshot(Stage.MONITORING, c));
        assertThatThrownBy(() -> DraftAutosave.decode("no stage line")).isInstanceOf(RuntimeException.class);
        assertThat(DraftAutosave.key(7)).isEqualTo("draft:7");
    }

    @Test
    void aChangeIsWrittenUnderTheDraftsKeyWithTheCase() {
        autosave.open(7);
        tasks.runAll();
        fields.variantProperty(Channel.X).set("typed");
        timer.fire();
        tasks.runAll();

        assertThat(DraftAutosave.decode(stored(7)).content().text(Channel.X)).isEqualTo("typed");
        assertThat(autosaves.find("draft:7").orElseThrow().caseId()).isEqualTo(caseId);
    }

    @Test
    void whatWasKeptComesBackThroughTheCallbackAndUnreadableTextIsIgnored() {
        DraftContent kept = DraftContent.empty().withText(Channel.SMS, "kept");
        autosaves.save("draft:7", caseId, null, DraftAutosave.encode(Stage.IDENTIFIED, kept));
        autosaves.save("draft:8", caseId, null, "not an autosave of the composer");

        autosave.open(7);
        tasks.runAll();
        assertThat(restored).containsExactly(new DraftAutosave.Snapshot(Stage.IDENTIFIED, kept));

        autosave.restart(8);
        tasks.runAll();
        assertThat(restored).hasSize(1);
        assertThat(stored(7)).as("restart forgets the autosave of the version just saved").isNull();
    }

    @Test
    void aDetachedSessionIsNoLongerWrittenByThisAutosave() {
        autosave.open(7);
        tasks.runAll();
        EditorAutosave.Session s = autosave.detach();
        assertThat(s).isNotNull();
        assertThat(autosave.detach()).isNull();
        autosave.saveNow(); // nothing shown: nothing to do
        assertThat(tasks.queued()).isZero();
        s.finish();
        tasks.runAll();
    }
}
