package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.testsupport.SmallDisk;
import io.crisisconsole.timeline.EntryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full and a read-only disk, for real: a 3 MiB tmpfs (skipped where mounting is not allowed).
 * The store says what is wrong in plain words, never that it is damaged, and goes on by itself once
 * the space is back.
 */
class DiskTroubleTest {

    @TempDir
    Path tmp;
    SmallDisk disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    DataHome home() throws Exception {
        disk = SmallDisk.mount(tmp.resolve("disk"), "3m");
        return new DataHome(disk.dir().resolve("data"));
    }


    @Test
    void aWriteOnAFullDiskIsReportedAsAFullDiskAndTheStoreGoesOnOnceSpaceIsBack() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Flood", 2, null, null, null), "a");
            cases.addEntry(c.id(), EntryKind.NOTE, "before the disk filled", null, "a");
            disk.fill();

            Throwable failure = null;
            int saved = 0;
            for (int i = 0; i < 40 && failure == null; i++) {
                try {
                    cases.addEntry(c.id(), EntryKind.NOTE, SmallDisk.incompressibleText(i), null, "a");
                    saved++;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("a write on a full disk fails").isNotNull();
            StoreException plain = StoreFailures.classify(home, failure).orElseThrow();
            assertThat(plain.problem()).isEqualTo(StoreException.Problem.DISK_FULL);
            assertThat(plain.getMessage()).contains("The disk holding " + home.dir() + " is full")
                    .contains("Free some space").doesNotContainIgnoringCase("restore").doesNotContain("damaged and");

            // still full: every use says so (H2 closed the database; opening it again needs space too)
            Throwable again = catchThrowable(() -> cases.addEntry(c.id(), EntryKind.NOTE, "still full", null, "a"));
            assertThat(StoreFailures.problemOf(again)).get().isIn(StoreException.Problem.DISK_FULL,
                    StoreException.Problem.CLOSED_AFTER_FAILURE);
            assertThatThrownBy(() -> new Backups(home).backupNow(store)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.problem()).isIn(StoreException.Problem.DISK_FULL,
                            StoreException.Problem.CLOSED_AFTER_FAILURE));

            disk.free();
            List<?> entries = cases.timeline(c.id());
            assertThat(store.reconnects()).as("a new pool behind the same Jdbi").isEqualTo(1);
            // the status-change entry, the note before, and every entry acknowledged while the disk filled
            assertThat(entries).hasSize(2 + saved);
            cases.addEntry(c.id(), EntryKind.NOTE, "after the space came back", null, "a");
            assertThat(cases.timeline(c.id())).hasSize(3 + saved);
            long seq = store.jdbi().withHandle(h -> h.createQuery("SELECT commit_seq FROM store_meta").mapTo(Long.class).one());
            assertThat(store.marker().read().orElseThrow().commitSeq()).isEqualTo(seq);
            new Backups(home).backupNow(store);
        }
        try (Store reopened = Store.open(home)) {
            assertThat(Services.create(reopened, Clock.systemUTC()).cases().list()).hasSize(1);
        }
    }

    @Test
    void aStoreOnAFullDiskDoesNotOpenAndSaysTheDiskIsFull() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Flood", 2, null, null, null), "a");
            disk.fill();
            Throwable failure = null;
            for (int i = 0; i < 40 && failure == null; i++) {
                failure = catchThrowable(() -> cases.addEntry(c.id(), EntryKind.NOTE, SmallDisk.incompressibleText(7), null, "a"));
            }
            assertThat(failure).isNotNull();
        }
        // H2 writes when it opens a file it did not close cleanly: on a full disk that fails
        assertThatThrownBy(() -> Store.open(home).close()).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.problem()).isEqualTo(StoreException.Problem.DISK_FULL);
            assertThat(e.getMessage()).startsWith("The disk holding " + home.dir() + " is full: the store cannot be opened")
                    .doesNotContainIgnoringCase("backup");
        });
        StoreOpener.Outcome outcome = new StoreOpener(home).open(StoreOpener.OpenMode.NORMAL);
        assertThat(outcome).isInstanceOfSatisfying(StoreOpener.Refused.class, r -> {
            assertThat(r.problem()).isEqualTo(StoreException.Problem.DISK_FULL);
            assertThat(r.canRestore()).as("a restore would not help").isFalse();
        });
        disk.free();
        try (Store store = Store.open(home)) {
            assertThat(Services.create(store, Clock.systemUTC()).cases().list()).extracting(CrisisCase::title)
                    .containsExactly("Flood");
        }
    }

    @Test
    void aReadOnlyDiskOpensTheStoreReadOnlyAndRefusesWritesPlainly() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            Services.create(store, Clock.systemUTC()).cases().open(new CaseDetails("Flood", 2, null, null, null), "a");
        }
        byte[] marker = Files.readAllBytes(home.dir().resolve(CommitMarker.FILE));
        List<String> before;
        try (Stream<Path> files = Files.list(home.dir())) {
            before = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(before).contains("store.mv.db", CommitMarker.FILE);
        disk.readOnly(true);
        try (StoreOpener opener = new StoreOpener(home);
                Store store = opener.open(StoreOpener.OpenMode.NORMAL).storeOrThrow()) {
            assertThat(store.readOnly()).contains("its disk is mounted read-only");
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.list().get(0);
            assertThat(cases.timeline(c.id())).hasSize(1);
            Throwable t = catchThrowable(() -> cases.addEntry(c.id(), EntryKind.NOTE, "no", null, "a"));
            StoreException plain = StoreFailures.classify(home, t).orElseThrow();
            assertThat(plain.problem()).isEqualTo(StoreException.Problem.READ_ONLY);
            assertThat(plain.getMessage()).startsWith("The store in " + home.dir()
                    + " is read-only because its disk is mounted read-only").doesNotContainIgnoringCase("restore");
            assertThatThrownBy(() -> new Backups(home).backupNow(store)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.problem()).isEqualTo(StoreException.Problem.READ_ONLY));
        }
        disk.readOnly(false);
        assertThat(Files.readAllBytes(home.dir().resolve(CommitMarker.FILE))).isEqualTo(marker);
        try (Stream<Path> files = Files.list(home.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing was made or removed")
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }
}
