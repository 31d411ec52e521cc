package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.EntryKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store refuses to pass off damaged or silently older data as current. */
class StoreIntegrityTest {

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    @Test
    void theMarkerCountsWriteTransactionsOnly() {
        try (Store store = Store.open(home())) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long before = store.marker().read().orElseThrow().commitSeq();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            cases.addEntry(c.id(), EntryKind.NOTE, "one", null, "a");
            assertThat(store.marker().read().orElseThrow().commitSeq()).isEqualTo(before + 2);

            cases.timeline(c.id());
            cases.list();
            assertThat(store.marker().read().orElseThrow().commitSeq()).as("reads write nothing")
                    .isEqualTo(before + 2);
        }
        try (Store again = Store.open(home())) {
            long seq = again.jdbi().withHandle(h -> h.createQuery("SELECT commit_seq FROM store_meta")
                    .mapTo(Long.class).one());
            assertThat(again.marker().read().orElseThrow().commitSeq()).isEqualTo(seq);
        }
    }

    @Test
    void aStoreOlderThanItsMarkerIsNotOpenedSilently() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            new Backups(home).backupNow(store);
            cases.addEntry(c.id(), EntryKind.NOTE, "acknowledged later", null, "a");
        }
        // what a damaged file tail does: the store opens at an older state (shown by the crash test
        // with a real truncated file); here the older state is a copy taken before the last commit
        long marked = new CommitMarker(home.dir()).read().orElseThrow().commitSeq();
        new CommitMarker(home.dir()).reset(marked + 3, java.time.Instant.now());

        assertThatThrownBy(() -> Store.open(home))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.LOST_CHANGES))
                .hasMessageContaining("missing its newest changes")
                .hasMessageContaining("change " + marked)
                .hasMessageContaining("The newest backup is from");

        try (Store accepted = Store.open(home, true)) {
            assertThat(accepted.marker().read().orElseThrow().commitSeq()).as("accepting resets the marker")
                    .isEqualTo(marked);
        }
        Store.open(home).close();
    }

    @Test
    void damageInTheMiddleOfTheFileIsFoundWhenOpening() throws Exception {
        DataHome home = home();
        seedEntries(home, 300);
        Path file = home.storeFile();
        long size = Files.size(file);
        for (long at = 8192; at < size - 8192; at += 16384) {
            overwriteBlock(file, at);
        }
        assertThatThrownBy(() -> Store.open(home))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED))
                .hasMessageContaining("damaged");
    }

    /** A case with {@code entries} long timeline entries, in a store that is then closed. */
    private static void seedEntries(DataHome home, int entries) {
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            for (int i = 0; i < entries; i++) {
                cases.addEntry(c.id(), EntryKind.NOTE, "entry " + i + " " + "x".repeat(200), null, "a");
            }
        }
    }

    /** Overwrites the 4 KB block at {@code at} with junk. */
    private static void overwriteBlock(Path file, long at) throws java.io.IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            raf.seek(at);
            raf.write(junk);
        }
    }

    /**
     * A store closes rewritten to its data size (StoreMaintenance), in one chunk; H2 opens a file
     * whose only chunk is damaged as an empty database, without an error. It must be refused as
     * damaged and left as it was (H2 would cut it to an empty database), even when the commit marker
     * is gone too.
     */
    @Test
    void aCompactedFileWhoseChunkIsDamagedIsRefusedNotOpenedEmpty() throws Exception {
        DataHome home = home();
        seedEntries(home, 1_000);
        Path file = home.storeFile();
        assertThat(Files.size(file)).as("a store rewritten to its data size").isGreaterThan(Integrity.EMPTY_FILE_BYTES);
        overwriteBlock(file, 8192);
        Files.delete(home.dir().resolve(CommitMarker.FILE));
        byte[] damaged = Files.readAllBytes(file);

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> Store.open(home))
                    .as("attempt %d", attempt)
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED))
                    .hasMessageContaining("opens without any of its tables");
        }
        assertThat(Files.readAllBytes(file)).as("the damaged file as it was").isEqualTo(damaged);
    }

    /** The same file in a folder that is not writable: H2 cannot open it there at all ("read only"); it is damaged. */
    @Test
    void aCompactedFileWhoseChunkIsDamagedIsRefusedAsDamagedInAFolderThatIsNotWritable() throws Exception {
        DataHome home = home();
        seedEntries(home, 1_000);
        overwriteBlock(home.storeFile(), 8192);
        byte[] damaged = Files.readAllBytes(home.storeFile());

        try (AutoCloseable undo = io.crisisconsole.testsupport.SmallDisk.notWritable(home.dir())) {
            assertThat(home.readOnlyReason()).isPresent();
            assertThatThrownBy(() -> Store.open(home))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED))
                    .hasMessageContaining("opens without any of its tables");
        }
        assertThat(Files.readAllBytes(home.storeFile())).isEqualTo(damaged);
    }

    @Test
    void aStoreFromAnOlderH2FormatGetsAPlainMessageAndIsLeftAlone() throws Exception {
        // made with H2 1.4.200 (CREATE TABLE t(x INT)), the format of H2 before 2.0
        DataHome home = home();
        Files.createDirectories(home.dir());
        try (var in = getClass().getResourceAsStream("/stores/h2-1.4.200.mv.db")) {
            Files.copy(in, home.storeFile());
        }
        byte[] before = Files.readAllBytes(home.storeFile());

        assertThatThrownBy(() -> Store.open(home))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.OLDER_FORMAT))
                .hasMessageContaining("older database format")
                .hasMessageContaining("It was not changed");
        assertThat(Files.readAllBytes(home.storeFile())).isEqualTo(before);
    }
}
