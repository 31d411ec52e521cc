package io.crisisconsole.playbooks.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.ManualTimer;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playbook editor: YAML as the source of truth, live validation, versions, diffs, import/export, autosave; no FX toolkit. */
class PlaybooksViewModelTest {

    @TempDir
    Path tmp;
    Store store;
    PlaybookService playbooks;
    AutosaveService autosaves;
    final QueuedTasks tasks = new QueuedTasks();
    final ManualTimer autosaveTimer = new ManualTimer();
    final Notifier notifier = new Notifier();
    PlaybooksViewModel vm;
    StoredPlaybook outage;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        playbooks = new PlaybookService(store.jdbi(), clock);
        playbooks.importYaml("service-outage.en.yaml", bundled("service-outage.en.yaml"), BundledPlaybooks.AUTHOR);
        playbooks.importYaml("service-outage.pl.yaml", bundled("service-outage.pl.yaml"), BundledPlaybooks.AUTHOR);
        autosaves = new AutosaveService(store.jdbi(), clock);
        vm = newViewModel();
        vm.reload();
        tasks.runAll();
        outage = vm.playbooks().stream().filter(p -> p.name().equals("service-outage.en")).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A playbook that comes with the app, as packaged. */
    static String bundled(String file) {
        try (InputStream in = PlaybooksViewModelTest.class.getResourceAsStream("/io/crisisconsole/playbooks/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PlaybooksViewModel newViewModel() {
        return new PlaybooksViewModel(playbooks, tasks, notifier, English.MESSAGES, () -> "anna",
                new EditorAutosave(autosaves, tasks, autosaveTimer, notifier, English.MESSAGES,
                        English.formats()));
    }

    private void openOutage() {
        vm.open(outage);
        tasks.runAll();
    }

    private String renamed() {
        return vm.yamlProperty().get().replace("title: Service outage", "title: Checkout outage");
    }

    @Test
    void listsThePlaybooksAndOpensOneWithItsVersions() {
        assertThat(vm.playbooks()).extracting(StoredPlaybook::name)
                .containsExactlyInAnyOrder("service-outage.en", "service-outage.pl");

        openOutage();

        assertThat(vm.openProperty().get()).isEqualTo(outage);
        assertThat(vm.yamlProperty().get()).contains("title: Service outage");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.forFormProperty().get().title()).isEqualTo("Service outage");
        assertThat(vm.versions()).extracting(PlaybookVersion::version).containsExactly(1);
    }

    @Test
    void aYamlEditIsValidatedAndRefreshesTheFormOnlyWhenValid() {
        openOutage();

        vm.yamlEdited(renamed());
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.forFormProperty().get().title()).isEqualTo("Checkout outage");

        vm.yamlEdited(vm.yamlProperty().get().replace("format: 1", "format: 1\nformat: 2"));
        assertThat(vm.problems()).isNotEmpty();
        assertThat(vm.problems()).extracting(PlaybookProblem::file).containsOnly("service-outage.en.yaml");
        assertThat(vm.forFormProperty().get().title()).as("the form keeps the last valid state")
                .isEqualTo("Checkout outage");
    }

    @Test
    void aFormEditIsWrittenIntoTheYaml() {
        openOutage();
        Playbook p = vm.forFormProperty().get();

        vm.formEdited(new Playbook(p.format(), p.id(), p.language(), "Login outage", p.summary(), p.when(), p.who(),
                p.how(), p.where()));

        assertThat(vm.yamlProperty().get()).contains("title: Login outage");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aOneFieldFormEditChangesOnlyThatLineAndTheDiffShowsOnlyIt() {
        openOutage();
        String saved = vm.yamlProperty().get();
        vm.yamlEdited(saved.replace("title: Service outage", "title: Service outage  # our name"));
        String withComment = vm.yamlProperty().get();
        Playbook p = vm.forFormProperty().get();

        vm.formEdited(new Playbook(p.format(), p.id(), p.language(), "Login outage", p.summary(), p.when(), p.who(),
                p.how(), p.where()));

        assertThat(vm.yamlProperty().get()).as("comments, folded summary and all else kept")
                .isEqualTo(withComment.replace("title: Service outage  #", "title: Login outage  #"));
        assertThat(vm.rewrittenProperty().get()).isFalse();
        assertThat(vm.diff()).filteredOn(d -> d.kind() != DiffLine.Kind.SAME)
                .extracting(DiffLine::kind, DiffLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiffLine.Kind.REMOVED, "title: Service outage"),
                        org.assertj.core.groups.Tuple.tuple(DiffLine.Kind.ADDED, "title: Login outage  # our name"));
        assertThat(vm.diffNoteProperty().get()).isEqualTo("Not saved yet: what saving would change against version 1.");
    }

    @Test
    void aFormEditThatCannotBeMadeInPlaceRewritesTheFileAndTheDiffPaneSaysSo() {
        openOutage();
        String flow = vm.yamlProperty().get().replace("  slas:\n    internal_alert_minutes: 15\n"
                + "    first_public_reply_minutes: 30\n    update_interval_minutes: 20\n"
                + "    update_interval_applies_for_minutes: 120\n    complaint_reply_minutes: 60\n",
                "  slas: {internal_alert_minutes: 15, first_public_reply_minutes: 30, update_interval_minutes: 20, "
                + "update_interval_applies_for_minutes: 120, complaint_reply_minutes: 60}\n");
        vm.yamlEdited(flow);
        assertThat(vm.problems()).isEmpty();
        Playbook p = vm.forFormProperty().get();
        Playbook.When w = p.when();
        Playbook.Slas s = w.slas();
        Playbook.Slas faster = new Playbook.Slas(10, s.firstPublicReplyMinutes(), s.updateIntervalMinutes(),
                s.updateIntervalAppliesForMinutes(), s.complaintReplyMinutes());
        Playbook edited = new Playbook(p.format(), p.id(), p.language(), p.title(), p.summary(),
                new Playbook.When(w.triggers(), w.severityLevels(), faster, w.escalationThresholds()), p.who(), p.how(),
                p.where());

        vm.formEdited(edited);

        assertThat(flow).isNotEqualTo(vm.yamlProperty().get());
        assertThat(vm.rewrittenProperty().get()).isTrue();
        assertThat(vm.diffNoteProperty().get()).startsWith("This form edit could not be written into the YAML in place");
        assertThat(new PlaybookReader().read("x.yaml", vm.yamlProperty().get()).playbook()).isEqualTo(edited);
    }

    @Test
    void savingMakesANewVersionAndShowsWhatChanged() {
        openOutage();
        vm.yamlEdited(renamed());

        vm.save("renamed for the checkout incident");
        tasks.runAll();

        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.openProperty().get().currentVersion()).isEqualTo(2);
        assertThat(vm.versions()).extracting(PlaybookVersion::version).containsExactly(1, 2);
        assertThat(notifier.messageProperty().get()).isEqualTo("Saved Checkout outage as version 2");
        assertThat(playbooks.current(outage.id()).yaml()).contains("title: Checkout outage");

        vm.showDiff(1, 2);
        tasks.runAll();
        assertThat(vm.diff()).filteredOn(d -> d.kind() != DiffLine.Kind.SAME).extracting(DiffLine::text)
                .containsExactly("title: Service outage", "title: Checkout outage");
        assertThat(vm.diff()).extracting(DiffLine::text).contains("\u22ef");
    }

    @Test
    void yamlWithProblemsIsNotSaved() {
        openOutage();
        vm.yamlEdited(vm.yamlProperty().get().replace("format: 1", "format: one"));

        vm.save("broken");
        tasks.runAll();

        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Not saved: fix the ");
        assertThat(playbooks.get(outage.id()).currentVersion()).isEqualTo(1);
    }

    @Test
    void revertShowsTheSavedVersionAgain() {
        openOutage();
        String saved = vm.yamlProperty().get();
        vm.yamlEdited(renamed());

        vm.revert();
        tasks.runAll();

        assertThat(vm.yamlProperty().get()).isEqualTo(saved);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void anUnsavedEditComesBackWhenThePlaybookOpensAgainAfterACrash() {
        openOutage();
        vm.yamlEdited(renamed());
        autosaveTimer.fire();
        tasks.runAll();

        PlaybooksViewModel afterCrash = newViewModel();
        afterCrash.open(outage);
        tasks.runAll();

        assertThat(afterCrash.yamlProperty().get()).contains("title: Checkout outage");
        assertThat(afterCrash.dirtyProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Restored what you had typed here");
    }

    @Test
    void importingAnInvalidFileReportsEveryProblemAndAValidOneAddsAPlaybook() throws Exception {
        Path bad = tmp.resolve("bad.en.yaml");
        Files.writeString(bad, "format: 1\nid: bad\n", StandardCharsets.UTF_8);
        List<List<PlaybookProblem>> shown = new ArrayList<>();

        vm.importFile(bad, shown::add);
        tasks.runAll();
        assertThat(notifier.messageProperty().get()).startsWith("Not imported: bad.en.yaml has ");
        assertThat(shown).singleElement().satisfies(p -> assertThat(p).isNotEmpty());

        Path good = tmp.resolve("login-outage.en.yaml");
        Files.writeString(good, playbooks.current(outage.id()).yaml().replace("id: service-outage", "id: login-outage"),
                StandardCharsets.UTF_8);
        vm.importFile(good, shown::add);
        tasks.runAll();
        assertThat(notifier.messageProperty().get()).startsWith("Imported Service outage (login-outage.en, version 1)");
        assertThat(vm.playbooks()).hasSize(3);
        assertThat(shown).hasSize(1);
    }

    @Test
    void exportWritesTheSavedVersionNotTheEditor() throws Exception {
        openOutage();
        String saved = vm.yamlProperty().get();
        vm.yamlEdited(renamed());
        Path out = tmp.resolve("out.yaml");

        vm.exportTo(out);
        tasks.runAll();

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(saved);
        assertThat(notifier.messageProperty().get()).isEqualTo("Exported to " + out);
    }

    @Test
    void unchangedRunsOfTheDiffBecomeOneLine() {
        List<DiffLine> all = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            all.add(new DiffLine(i == 6 ? DiffLine.Kind.ADDED : DiffLine.Kind.SAME, i, i, "line " + i));
        }
        assertThat(PlaybooksViewModel.withContext(all, 1)).extracting(DiffLine::text)
                .containsExactly("\u22ef", "line 5", "line 6", "line 7", "\u22ef");
    }

    @Test
    void theListsAreReadOnly() {
        openOutage();
        assertThatThrownBy(() -> vm.playbooks().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.problems().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.versions().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vm.diff().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
