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
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case list's search, filters, selection and new cases, over a real store; no FX toolkit. */
class CaseListViewModelTest {

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    CaseService cases;
    final QueuedTasks tasks = new QueuedTasks();
    final Notifier notifier = new Notifier();
    CaseListViewModel vm;
    CrisisCase outage;
    CrisisCase troll;
    CrisisCase post;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        cases = Services.create(store, clock).cases();
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna", "#CheckoutStatus", null), "t");
        clock.advance(Duration.ofMinutes(1));
        troll = cases.open(new CaseDetails("Old troll wave", 3, null, null, null), "t");
        troll = cases.changeStatus(troll.id(), troll.version(), CaseStatus.RESOLVED, null, "t");
        clock.advance(Duration.ofMinutes(1));
        post = cases.open(new CaseDetails("Offensive post", 1, "Marek", null, null), "t");
        vm = new CaseListViewModel(cases, tasks, notifier, English.MESSAGES, () -> "anna");
        vm.reload();
        tasks.runAll();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> titles() {
        return vm.visibleCases().stream().map(CrisisCase::title).toList();
    }

    private CaseListViewModel restartedWith(Long last) {
        javafx.beans.property.SimpleObjectProperty<Long> kept = new javafx.beans.property.SimpleObjectProperty<>(last);
        CaseListViewModel again = new CaseListViewModel(cases, tasks, notifier, English.MESSAGES, () -> "anna", kept);
        again.reload();
        tasks.runAll();
        return again;
    }

    @Test
    void theCaseSelectedLastIsSelectedAgainAfterARestart() {
        javafx.beans.property.SimpleObjectProperty<Long> kept = new javafx.beans.property.SimpleObjectProperty<>();
        CaseListViewModel first = new CaseListViewModel(cases, tasks, notifier, English.MESSAGES, () -> "anna", kept);
        first.reload();
        tasks.runAll();
        assertThat(first.selectedProperty().get()).as("nothing chosen yet, nothing chosen for you").isNull();
        first.selectedProperty().set(outage);
        assertThat(kept.get()).isEqualTo(outage.id());

        assertThat(restartedWith(kept.get()).selectedProperty().get().id()).isEqualTo(outage.id());
        assertThat(restartedWith(999L).selectedProperty().get().title()).as("a deleted case: the first")
                .isEqualTo("Offensive post");
        assertThat(restartedWith(troll.id()).selectedProperty().get().title())
                .as("a case the filter hides (resolved): the first shown").isEqualTo("Offensive post");
        CaseListViewModel later = restartedWith(outage.id());
        later.reload();
        tasks.runAll();
        later.selectedProperty().set(post);
        later.reload();
        tasks.runAll();
        assertThat(later.selectedProperty().get().id()).as("only the first load restores").isEqualTo(post.id());
    }

    @Test
    void showsTheCasesNotClosedNewestFirst() {
        assertThat(titles()).containsExactly("Offensive post", "Checkout outage");
        vm.statusFilterProperty().set(StatusFilter.ALL);
        assertThat(titles()).containsExactly("Offensive post", "Old troll wave", "Checkout outage");
        vm.statusFilterProperty().set(StatusFilter.RESOLVED);
        assertThat(titles()).containsExactly("Old troll wave");
    }

    @Test
    void searchCoversTitleOwnerHashtagAndCaseNumber() {
        vm.searchProperty().set("CHECKOUT");
        assertThat(titles()).containsExactly("Checkout outage");
        vm.searchProperty().set("marek");
        assertThat(titles()).containsExactly("Offensive post");
        vm.searchProperty().set("#checkoutstatus");
        assertThat(titles()).containsExactly("Checkout outage");
        vm.searchProperty().set("#" + post.id());
        assertThat(titles()).containsExactly("Offensive post");
        vm.searchProperty().set(" " + outage.id() + " ");
        assertThat(titles()).containsExactly("Checkout outage");
        vm.searchProperty().set("nothing like this");
        assertThat(titles()).isEmpty();
    }

    @Test
    void severityFilterNarrowsTheList() {
        vm.severityFilterProperty().set(1);
        assertThat(titles()).containsExactly("Offensive post");
        vm.severityFilterProperty().set(CaseListViewModel.ANY_SEVERITY);
        assertThat(titles()).hasSize(2);
    }

    @Test
    void aNewCaseGoesFirstIsSelectedAndClearsTheFiltersThatWouldHideIt() {
        vm.statusFilterProperty().set(StatusFilter.RESOLVED);
        vm.searchProperty().set("troll");
        vm.severityFilterProperty().set(3);
        List<CrisisCase> done = new ArrayList<>();

        vm.create(new CaseDetails("Data breach rumour", 1, "Ola", null, null), done::add);
        tasks.runAll();

        assertThat(titles()).containsExactly("Data breach rumour", "Offensive post", "Checkout outage");
        assertThat((Object) vm.statusFilterProperty().get()).isEqualTo(StatusFilter.NOT_CLOSED);
        assertThat(vm.searchProperty().get()).isEmpty();
        assertThat(vm.severityFilterProperty().get()).isEqualTo(CaseListViewModel.ANY_SEVERITY);
        assertThat(vm.selectedProperty().get().title()).isEqualTo("Data breach rumour");
        assertThat(done).extracting(CrisisCase::title).containsExactly("Data breach rumour");
        assertThat(notifier.messageProperty().get())
                .isEqualTo("Case #" + done.get(0).id() + " opened: Data breach rumour");
        assertThat(cases.list()).hasSize(4);
    }

    @Test
    void aCaseChangedElsewhereIsReplacedInTheListAndTheSelection() {
        vm.selectedProperty().set(vm.visibleCases().get(1));
        CrisisCase renamed = cases.update(outage.id(), outage.version(),
                new CaseDetails("Checkout outage (EU)", 2, "Anna", "#CheckoutStatus", null), "t");

        vm.caseChanged(renamed);

        assertThat(titles()).containsExactly("Offensive post", "Checkout outage (EU)");
        assertThat(vm.selectedProperty().get()).isEqualTo(renamed);
    }

    @Test
    void reloadingKeepsTheSelectionAsTheStoreHasItNow() {
        vm.selectedProperty().set(vm.visibleCases().get(0));
        cases.update(post.id(), post.version(), new CaseDetails("Offensive post", 1, "Marek Nowak", null, null), "t");

        vm.reload();
        tasks.runAll();

        assertThat(vm.selectedProperty().get().owner()).isEqualTo("Marek Nowak");
    }

    @Test
    void aRefusedCreateSaysWhyAndAddsNothing() {
        CaseListViewModel nobody = new CaseListViewModel(cases, tasks, notifier, English.MESSAGES, () -> " ");
        nobody.reload();
        List<CrisisCase> done = new ArrayList<>();

        nobody.create(new CaseDetails("Data breach rumour", 1, null, null, null), done::add);
        tasks.runAll();

        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Cannot open the case: ");
        assertThat(done).isEmpty();
        assertThat(nobody.visibleCases()).hasSize(2);
        assertThat(cases.list()).hasSize(3);
    }

    @Test
    void theVisibleListIsReadOnly() {
        assertThatThrownBy(() -> vm.visibleCases().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.visibleCases().add(outage)).isInstanceOf(UnsupportedOperationException.class);
    }
}
