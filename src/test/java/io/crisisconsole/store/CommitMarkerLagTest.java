package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.EntryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit marker cannot be written after a commit (here: a non-empty directory stands where its
 * atomic rename goes, which needs no privileges): the change is saved and reported with a warning,
 * and the marker catches up with the next commit or the next open.
 */
class CommitMarkerLagTest {

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    static long commitSeq(Store store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT commit_seq FROM store_meta").mapTo(Long.class).one());
    }

    static void blockMarker(DataHome home) throws Exception {
        Path marker = home.dir().resolve(CommitMarker.FILE);
        Files.delete(marker);
        Files.createDirectories(marker.resolve("in-the-way"));
        Files.writeString(marker.resolve("in-the-way").resolve("file"), "x");
    }

    static void unblockMarker(DataHome home, byte[] content) throws Exception {
        Path marker = home.dir().resolve(CommitMarker.FILE);
        Files.delete(marker.resolve("in-the-way").resolve("file"));
        Files.delete(marker.resolve("in-the-way"));
        Files.delete(marker);
        Files.write(marker, content);
    }

    @Test
    void aChangeCommittedWhileTheMarkerCannotBeWrittenIsSavedWithAWarningAndTheMarkerCatchesUpAtTheNextOpen()
            throws Exception {
        DataHome home = home();
        byte[] older;
        CrisisCase c;
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            c = cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            older = Files.readAllBytes(home.dir().resolve(CommitMarker.FILE));
            List<String> told = new ArrayList<>();
            store.marker().onLagging(told::add);
            blockMarker(home);

            cases.addEntry(c.id(), EntryKind.NOTE, "once", null, "a");

            assertThat(store.marker().lagging()).get().asString().contains(CommitMarker.FILE).contains("could not be written");
            assertThat(store.marker().warning()).get().asString().startsWith("The change is saved, but the commit marker")
                    .contains("Do not repeat it");
            assertThat(told).hasSize(1);
            assertThat(cases.timeline(c.id())).extracting(e -> e.body()).containsOnlyOnce("once");
        }
        unblockMarker(home, older);
        assertThat(new CommitMarker(home.dir()).read().orElseThrow().commitSeq()).as("behind the store").isEqualTo(1);
        try (Store store = Store.open(home)) {
            assertThat(store.marker().read().orElseThrow().commitSeq()).as("caught up").isEqualTo(commitSeq(store))
                    .isEqualTo(2);
            assertThat(store.marker().lagging()).isEmpty();
            assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(c.id())).hasSize(2);
        }
    }

    @Test
    void aMarkerThatCannotBeWrittenAtOpenDoesNotStopTheStoreAndCatchesUpWithTheNextChange() throws Exception {
        DataHome home = home();
        CrisisCase c;
        try (Store store = Store.open(home)) {
            c = Services.create(store, Clock.systemUTC()).cases().open(new CaseDetails("Outage", 2, null, null, null), "a");
        }
        byte[] older = Files.readAllBytes(home.dir().resolve(CommitMarker.FILE));
        blockMarker(home);
        try (Store store = Store.open(home)) {
            assertThat(store.marker().lagging()).isPresent();
            assertThat(store.marker().warning()).get().asString().startsWith("The store is fine, but the commit marker");
            unblockMarker(home, older);
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            cases.addEntry(c.id(), EntryKind.NOTE, "next", null, "a");
            assertThat(store.marker().lagging()).isEmpty();
            assertThat(store.marker().read().orElseThrow().commitSeq()).isEqualTo(commitSeq(store));
        }
    }
}
