package io.crisisconsole.playbooks.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playbook a case follows, its call list and the update rhythm; real store, no FX toolkit. */
class CasePlaybookViewModelTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    CaseService cases;
    PlaybookService playbooks;
    CasePlaybookService casePlaybooks;
    final QueuedTasks tasks = new QueuedTasks();
    final Notifier notifier = new Notifier();
    final SimpleObjectProperty<CrisisCase> selection = new SimpleObjectProperty<>();
    final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    final AtomicInteger timelineChanges = new AtomicInteger();
    CasePlaybookViewModel vm;
    CrisisCase outage;
    StoredPlaybook serviceOutage;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        Services services = Services.create(store, clock);
        cases = services.cases();
        playbooks = services.playbooks();
        playbooks.importYaml("service-outage.en.yaml", PlaybooksViewModelTest.bundled("service-outage.en.yaml"),
                BundledPlaybooks.AUTHOR);
        serviceOutage = playbooks.find("service-outage", "en").orElseThrow();
        casePlaybooks = services.casePlaybooks();
        ContactService contacts = services.contacts();
        contacts.create(new ContactDetails("Anna Nowak", "Head of PR", null, List.of(), List.of("anna@acme.pl"),
                List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM, ContactGroup.SPOKESPEOPLE), null));
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna", null, null), "anna");
        vm = new CasePlaybookViewModel(casePlaybooks, playbooks, contacts, tasks, notifier, English.MESSAGES,
                English.formats(), () -> "anna", selection,
                timelineChanges::incrementAndGet, timeline, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void show(CrisisCase c) {
        selection.set(c);
        timeline.setAll(c == null ? List.of() : cases.timeline(c.id()));
        tasks.runAll();
    }

    @Test
    void aCaseWithoutAPlaybookOffersThePlaybooksAndUsesTheDefaultRhythm() {
        show(outage);

        assertThat(vm.choices()).containsExactly(serviceOutage);
        assertThat(vm.playbookProperty().get()).isNull();
        assertThat(vm.cadenceProperty().get()).startsWith("No public message yet");
        clock.advance(Duration.ofMinutes(40));
        vm.refreshCadence();
        assertThat(vm.cadenceOverdueProperty().get()).as("default: first message within 60 min").isFalse();
    }

    @Test
    void choosingAPlaybookWritesItToTheTimelineAndItsTargetsApply() {
        show(outage);
        clock.advance(Duration.ofMinutes(40));

        vm.choose(serviceOutage);
        tasks.runAll();

        assertThat(vm.playbookProperty().get().id()).isEqualTo(serviceOutage.id());
        assertThat(casePlaybooks.of(outage.id())).map(StoredPlaybook::id).contains(serviceOutage.id());
        assertThat(timelineChanges.get()).isEqualTo(1);
        assertThat(notifier.messageProperty().get()).isEqualTo("Case #" + outage.id() + " follows Service outage");
        assertThat(vm.cadenceOverdueProperty().get()).as("the playbook wants the first message within 30 min").isTrue();

        vm.choose(serviceOutage);
        assertThat(tasks.queued()).as("already chosen").isZero();
    }

    @Test
    void aPublishedMessageInTheTimelineMovesTheNextUpdate() {
        casePlaybooks.assign(outage.id(), serviceOutage.id(), "anna");
        show(outage);
        clock.advance(Duration.ofMinutes(10));
        cases.addEntry(outage.id(), EntryKind.MESSAGE_PUBLISHED, "X: we know", null, "anna");

        timeline.setAll(cases.timeline(outage.id()));

        assertThat(vm.cadenceProperty().get()).startsWith("Last public message ").contains("next update due");
        assertThat(vm.cadenceOverdueProperty().get()).isFalse();
    }

    @Test
    void theTimelineOfAnotherCaseShowsNoRhythm() {
        show(outage);
        CrisisCase other = cases.open(new CaseDetails("Offensive post", 1, null, null, null), "anna");
        selection.set(other); // its timeline is not loaded yet
        assertThat(vm.cadenceProperty().get()).isEmpty();
        assertThat(vm.cadenceOverdueProperty().get()).isFalse();
    }

    @Test
    void theCallListNamesThePeopleOfEachRoleAndTheGaps() {
        casePlaybooks.assign(outage.id(), serviceOutage.id(), "anna");
        show(outage);
        AtomicInteger ready = new AtomicInteger();

        vm.loadCallList(ready::incrementAndGet);
        tasks.runAll();

        CallList list = vm.callListProperty().get();
        assertThat(ready.get()).isEqualTo(1);
        CallList.Entry lead = list.entries().stream().filter(e -> e.role().id().equals("incident-lead")).findFirst()
                .orElseThrow();
        assertThat(lead.primary()).extracting(c -> c.name()).containsExactly("Anna Nowak");
        assertThat(lead.notifyOnActivation()).isTrue();
        assertThat(list.unfilled()).extracting(e -> e.role().id()).contains("legal", "customer-care");
    }

    @Test
    void theChoicesAreReadOnly() {
        show(outage);
        assertThatThrownBy(() -> vm.choices().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
