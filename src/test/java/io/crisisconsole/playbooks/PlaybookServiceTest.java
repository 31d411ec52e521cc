package io.crisisconsole.playbooks;

import static io.crisisconsole.playbooks.Fixtures.SMALL;
import static io.crisisconsole.playbooks.Fixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    PlaybookService playbooks;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        playbooks = new PlaybookService(store.jdbi(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    long commits() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT commit_seq FROM store_meta").mapTo(Long.class).one());
    }

    int rows(String table) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    void importingCreatesAPlaybookAndImportingAgainAddsAVersion() {
        StoredPlaybook first = playbooks.importYaml("/some/where/small.en.yaml", SMALL, "anna");
        assertThat(first.key()).isEqualTo("small-test");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.name()).isEqualTo("small-test.en");
        assertThat(first.title()).isEqualTo("Small test");
        assertThat(first.currentVersion()).isEqualTo(1);
        assertThat(first.bundled()).isFalse();
        assertThat(first.updatedAt()).isEqualTo(T0);

        clock.advance(Duration.ofMinutes(5));
        String edited = replaceOnce(SMALL, "title: Small test", "title: Small test, edited");
        StoredPlaybook second = playbooks.importYaml("small.en.yaml", edited, "marek");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.currentVersion()).isEqualTo(2);
        assertThat(second.title()).isEqualTo("Small test, edited");
        assertThat(second.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));

        assertThat(playbooks.versions(first.id())).extracting(PlaybookVersion::version, PlaybookVersion::author,
                PlaybookVersion::note).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "anna", "imported from small.en.yaml"),
                        org.assertj.core.groups.Tuple.tuple(2, "marek", "imported from small.en.yaml"));
        assertThat(playbooks.version(first.id(), 1).yaml()).isEqualTo(SMALL);
        assertThat(playbooks.current(first.id()).yaml()).as("kept exactly as written").isEqualTo(edited);
        assertThat(playbooks.currentPlaybook(first.id()).title()).isEqualTo("Small test, edited");
        assertThat(playbooks.find("small-test", "en")).contains(second);
        assertThat(playbooks.find("small-test", "ru")).isEmpty();
        assertThat(playbooks.list()).containsExactly(second);

        long before = commits();
        assertThat(playbooks.importYaml("small.en.yaml", edited, "marek").currentVersion())
                .as("the same text again is not a new version").isEqualTo(2);
        assertThat(commits()).isEqualTo(before);
    }

    @Test
    void theSameIdInAnotherLanguageIsAnotherPlaybook() {
        StoredPlaybook en = playbooks.importYaml("small.en.yaml", SMALL, "anna");
        StoredPlaybook pl = playbooks.importYaml("small.pl.yaml", replaceOnce(SMALL, "language: en", "language: pl"),
                "anna");
        assertThat(pl.id()).isNotEqualTo(en.id());
        assertThat(playbooks.list()).extracting(StoredPlaybook::name).containsExactly("small-test.en", "small-test.pl");
    }

    @Test
    void anInvalidImportLeavesNothingBehind() {
        long before = commits();
        String broken = replaceOnce(replaceOnce(SMALL, "      owner: lead", "      owner: boss"), "language: en",
                "language: de");
        assertThatThrownBy(() -> playbooks.importYaml("broken.yaml", broken, "anna"))
                .isInstanceOfSatisfying(PlaybookInvalidException.class, e -> assertThat(e.problems())
                        .extracting(PlaybookProblem::format).containsExactly(
                                "broken.yaml:3:11: language: unknown language 'de' (one of en, ru, pl, es)",
                                "broken.yaml:57:14: how.steps[0].owner: unknown role 'boss' (roles: lead)"))
                .hasMessageContaining("broken.yaml:3:11").hasMessageContaining("(and 1 more)");
        assertThat(rows("playbook")).isZero();
        assertThat(rows("playbook_version")).isZero();
        assertThat(commits()).isEqualTo(before);

        StoredPlaybook p = playbooks.importYaml("small.en.yaml", SMALL, "anna");
        assertThatThrownBy(() -> playbooks.importYaml("small.en.yaml", replaceOnce(SMALL, "      owner: lead",
                "      owner: boss"), "anna")).isInstanceOf(PlaybookInvalidException.class);
        assertThat(playbooks.get(p.id()).currentVersion()).isEqualTo(1);
        assertThat(rows("playbook_version")).isEqualTo(1);
        assertThatThrownBy(() -> playbooks.importYaml("small.en.yaml", SMALL, " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("author");
    }

    @Test
    void savingAVersionChecksTheVersionItStartedFrom() {
        StoredPlaybook p = playbooks.importYaml("small.en.yaml", SMALL, "anna");
        String v2 = replaceOnce(SMALL, "due_minutes: 15", "due_minutes: 10");
        StoredPlaybook saved = playbooks.saveVersion(p.id(), 1, v2, "anna", "faster first step");
        assertThat(saved.currentVersion()).isEqualTo(2);
        assertThat(playbooks.current(p.id())).satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.note()).isEqualTo("faster first step");
            assertThat(v.savedAt()).isEqualTo(T0);
        });

        // a second editor still on version 1
        String other = replaceOnce(SMALL, "due_minutes: 15", "due_minutes: 20");
        assertThatThrownBy(() -> playbooks.saveVersion(p.id(), 1, other, "marek", null))
                .isInstanceOf(PlaybookChangedException.class).isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("small-test.en").hasMessageContaining("now version 2");
        assertThat(playbooks.versions(p.id())).hasSize(2);

        assertThat(playbooks.saveVersion(p.id(), 2, v2, "anna", null).currentVersion())
                .as("unchanged text is not a new version").isEqualTo(2);
        assertThatThrownBy(() -> playbooks.saveVersion(p.id(), 2, replaceOnce(v2, "id: small-test", "id: renamed"),
                "anna", null)).isInstanceOfSatisfying(PlaybookInvalidException.class, e -> assertThat(e.problems())
                        .extracting(PlaybookProblem::format).containsExactly("playbook #" + p.id()
                                + ":2:5: id: a saved playbook keeps its id 'small-test'; import the file to make a new "
                                + "playbook"));
        assertThatThrownBy(() -> playbooks.saveVersion(p.id(), 2, "format: [", "anna", null))
                .isInstanceOf(PlaybookInvalidException.class);
        assertThatThrownBy(() -> playbooks.saveVersion(999, 1, SMALL, "anna", null))
                .isInstanceOf(ValidationException.class).hasMessage("no playbook #999");
        assertThat(playbooks.versions(p.id())).hasSize(2);
    }

    @Test
    void versionsAreAppendOnlyInTheDatabase() {
        StoredPlaybook p = playbooks.importYaml("small.en.yaml", SMALL, "anna");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
                "UPDATE playbook_version SET yaml = 'x' WHERE playbook_id = ?", p.id())))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
                "DELETE FROM playbook_version WHERE playbook_id = ?", p.id())))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("append-only");
        assertThat(playbooks.current(p.id()).yaml()).isEqualTo(SMALL);
    }

    @Test
    void diffMarksEveryLineSameAddedOrRemoved() {
        StoredPlaybook p = playbooks.importYaml("small.en.yaml", SMALL, "anna");
        String v2 = replaceOnce(replaceOnce(SMALL, "title: Small test\n", "title: Small test two\n"),
                "        rules: [Be human.]\n".substring(4), "    rules: [Be human., Be brief.]\n    # tone\n");
        playbooks.saveVersion(p.id(), 1, v2, "anna", null);

        List<DiffLine> diff = playbooks.diff(p.id(), 1, 2);
        assertThat(diff).filteredOn(d -> d.kind() != DiffLine.Kind.SAME).containsExactly(
                new DiffLine(DiffLine.Kind.REMOVED, 4, null, "title: Small test"),
                new DiffLine(DiffLine.Kind.ADDED, null, 4, "title: Small test two"),
                new DiffLine(DiffLine.Kind.REMOVED, 61, null, "    rules: [Be human.]"),
                new DiffLine(DiffLine.Kind.ADDED, null, 61, "    rules: [Be human., Be brief.]"),
                new DiffLine(DiffLine.Kind.ADDED, null, 62, "    # tone"));
        assertThat(diff).filteredOn(d -> d.kind() != DiffLine.Kind.ADDED).hasSize(81);
        assertThat(diff).filteredOn(d -> d.kind() != DiffLine.Kind.REMOVED).hasSize(82);
        assertThat(diff.get(0)).isEqualTo(new DiffLine(DiffLine.Kind.SAME, 1, 1, "format: 1"));
        assertThat(diff.get(diff.size() - 1)).isEqualTo(new DiffLine(DiffLine.Kind.SAME, 81, 82, "      role: Short updates."));

        assertThat(playbooks.diff(p.id(), 2, 2)).allMatch(d -> d.kind() == DiffLine.Kind.SAME);
        assertThatThrownBy(() -> playbooks.diff(p.id(), 1, 3)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no version 3");
    }

    @Test
    void aPlaybookOfAlmostOneMebibyteIsStored() {
        // comment lines of 1000 bytes (one comment of 1 MiB is refused: longer than 16,384 characters)
        String big = SMALL + ("#" + "я".repeat(499) + "\n").repeat((PlaybookReader.MAX_BYTES - SMALL.length()) / 1000);
        StoredPlaybook p = playbooks.importYaml("big.yaml", big, "anna");
        assertThat(playbooks.current(p.id()).yaml()).isEqualTo(big);
    }
}
