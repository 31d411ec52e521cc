package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPlaybooksTest {

    @TempDir
    Path tmp;

    @Test
    void everyBundledPlaybookIsValidAndNamedAfterItsIdAndLanguage() throws Exception {
        List<BundledPlaybooks.Bundled> bundled = BundledPlaybooks.list();
        // every *.yaml in the source folder is packaged and found (others add files there)
        try (var files = Files.list(Path.of("playbooks"))) {
            assertThat(bundled).extracting(BundledPlaybooks.Bundled::fileName).containsExactlyElementsOf(
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList());
        }
        assertThat(bundled).extracting(BundledPlaybooks.Bundled::fileName).contains("service-outage.en.yaml")
                .doesNotContain("FORMAT.md");
        PlaybookReader reader = new PlaybookReader();
        for (BundledPlaybooks.Bundled b : bundled) {
            PlaybookReader.Parsed parsed = reader.read(b.fileName(), b.yaml());
            assertThat(parsed.problems()).as(b.fileName()).extracting(PlaybookProblem::format).isEmpty();
            assertThat(parsed.playbook().id() + "." + parsed.playbook().language() + ".yaml").isEqualTo(b.fileName());
        }
    }

    @Test
    void importedOnceOnTheFirstRunAndNeverAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        int count = BundledPlaybooks.list().size();
        try (Store store = TestStores.openIn(tmp)) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), clock);
            List<StoredPlaybook> imported = BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
            assertThat(imported).hasSize(count).allMatch(StoredPlaybook::bundled)
                    .allMatch(p -> p.currentVersion() == 1);
            StoredPlaybook outage = playbooks.find("service-outage", "en").orElseThrow();
            assertThat(playbooks.current(outage.id())).satisfies(v -> {
                assertThat(v.author()).isEqualTo("Crisis Console");
                assertThat(v.note()).isEqualTo("bundled with Crisis Console");
                assertThat(v.yaml()).isEqualTo(Fixtures.reference());
            });
            // the person changes a bundled playbook; the next start must not bring the old text back
            playbooks.saveVersion(outage.id(), 1, Fixtures.reference().replace("title: Service outage",
                    "title: Our outage plan"), "anna", null);
            assertThat(BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR)).isEmpty();
        }
        try (Store store = TestStores.openIn(tmp)) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), clock);
            assertThat(BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR)).isEmpty();
            assertThat(playbooks.list()).hasSize(count);
            assertThat(playbooks.find("service-outage", "en").orElseThrow())
                    .satisfies(p -> assertThat(p.title()).isEqualTo("Our outage plan"))
                    .satisfies(p -> assertThat(p.currentVersion()).isEqualTo(2))
                    .satisfies(p -> assertThat(p.bundled()).isTrue());
            String flag = store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT flag_value FROM app_flag WHERE name = 'bundled-playbooks-imported'").mapTo(String.class).one());
            assertThat(flag).isEqualTo(String.valueOf(count));
        }
    }

    @Test
    void aPlaybookAlreadyInTheStoreIsNotOverwrittenByTheBundledOne() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Store store = TestStores.openIn(tmp)) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), clock);
            String mine = Fixtures.reference().replace("title: Service outage", "title: Mine");
            StoredPlaybook own = playbooks.importYaml("mine.yaml", mine, "anna");
            List<StoredPlaybook> imported = BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
            assertThat(imported).extracting(StoredPlaybook::name).doesNotContain("service-outage.en");
            assertThat(playbooks.get(own.id()).title()).isEqualTo("Mine");
            assertThat(playbooks.get(own.id()).bundled()).isFalse();
        }
    }

    @Test
    void anInvalidBundledFileFailsLoudlyAndImportsNothing() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Store store = TestStores.openIn(tmp)) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), clock);
            List<BundledPlaybooks.Bundled> files = List.of(
                    new BundledPlaybooks.Bundled("small-test.en.yaml", Fixtures.SMALL),
                    new BundledPlaybooks.Bundled("broken.en.yaml", "format: 1\nformat: 2\n"));
            assertThatThrownBy(() -> playbooks.importBundledOnce(files, BundledPlaybooks.AUTHOR, BundledPlaybooks.FLAG))
                    .isInstanceOf(PlaybookInvalidException.class).hasMessageContaining("broken.en.yaml:2:1: duplicate key");
            assertThat(playbooks.list()).isEmpty();
            int flags = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_flag").mapTo(Integer.class)
                    .one());
            assertThat(flags).isZero();
        }
    }

    @Test
    void bundledFilesAreListedFromAJarToo() throws Exception {
        Path jar = tmp.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "io/crisisconsole/playbooks/", "");
            put(zip, "io/crisisconsole/playbooks/b.en.yaml", "b");
            put(zip, "io/crisisconsole/playbooks/a.ru.yaml", "а");
            put(zip, "io/crisisconsole/playbooks/FORMAT.md", "#");
            put(zip, "io/crisisconsole/playbooks/Playbook.class", "");
            put(zip, "io/crisisconsole/playbooks/sub/c.en.yaml", "c");
            put(zip, "other/d.en.yaml", "d");
        }
        assertThat(BundledPlaybooks.fromJar(jar)).containsExactlyInAnyOrder(
                new BundledPlaybooks.Bundled("a.ru.yaml", "а"), new BundledPlaybooks.Bundled("b.en.yaml", "b"));
    }

    private static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aPlaybookBundledByALaterVersionIsImportedOnItsFirstStart() {
        try (Store store = TestStores.openIn(tmp.resolve("later"))) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), java.time.Clock.systemUTC());
            List<BundledPlaybooks.Bundled> all = BundledPlaybooks.list();
            BundledPlaybooks.Bundled outage = all.stream()
                    .filter(b -> b.fileName().equals("service-outage.en.yaml")).findFirst().orElseThrow();
            List<BundledPlaybooks.Bundled> older = all.stream().filter(b -> b != outage).toList();
            assertThat(playbooks.importBundledOnce(older, BundledPlaybooks.AUTHOR, BundledPlaybooks.FLAG))
                    .hasSize(all.size() - 1);

            assertThat(playbooks.importBundledOnce(all, BundledPlaybooks.AUTHOR, BundledPlaybooks.FLAG))
                    .extracting(StoredPlaybook::name).containsExactly("service-outage.en");
            assertThat(playbooks.importBundledOnce(all, BundledPlaybooks.AUTHOR, BundledPlaybooks.FLAG)).isEmpty();
        }
    }
}
