package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder this process may not write (chmod 0500 for an ordinary user, chattr +i for root; so
 * this runs on most machines without privileges): the store opens read-only, writes nothing, and
 * refuses changes in plain words.
 */
class ReadOnlyFolderTest {

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderThatIsNotWritableOpensReadOnlyAndRefusesChangesPlainly() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Flood", 2, null, null, null), "a");
            cases.addEntry(c.id(), EntryKind.NOTE, "seen", null, "a");
        }
        List<String> before = files(home.dir());
        String permissions = Files.getPosixFilePermissions(home.dir()).toString();
        try (AutoCloseable undo = SmallDisk.notWritable(home.dir())) {
            assertThat(home.readOnlyReason()).contains("the folder is not writable (permissions or an immutable attribute)");
            StoreOpener.Outcome outcome = new StoreOpener(home).open(StoreOpener.OpenMode.NORMAL);
            assertThat(outcome).isInstanceOf(StoreOpener.Opened.class);
            try (Store store = outcome.storeOrThrow()) {
                assertThat(store.readOnly()).isPresent();
                CaseService cases = Services.create(store, Clock.systemUTC()).cases();
                CrisisCase c = cases.list().get(0);
                assertThat(cases.timeline(c.id())).hasSize(2);

                Throwable t = catchThrowable(() -> cases.addEntry(c.id(), EntryKind.NOTE, "refused", null, "a"));
                assertThat(t).isNotNull();
                StoreException plain = StoreFailures.classify(home, t).orElseThrow();
                assertThat(plain.problem()).isEqualTo(StoreException.Problem.READ_ONLY);
                assertThat(plain.getMessage()).isEqualTo("The store in " + home.dir() + " is read-only because the folder"
                        + " is not writable (permissions or an immutable attribute): the change was not made. Copy the"
                        + " folder to a writable disk and use --data, or make it writable.");
                assertThat(new BackupScheduler(store, new Backups(home), java.time.Duration.ofHours(1), m -> {
                }).backupIfChanged()).as("no backups of a store that cannot change").isFalse();
            }
            assertThat(files(home.dir())).as("nothing written: no lock, trace or marker file").isEqualTo(before);
        }
        assertThat(Files.getPosixFilePermissions(home.dir()).toString()).isEqualTo(permissions);
        try (Store store = Store.open(home)) {
            assertThat(store.readOnly()).isEmpty();
        }
    }

    @Test
    void anEncryptedStoreInAFolderThatIsNotWritableUnlocksAndOpensReadOnly() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            Services.create(store, Clock.systemUTC()).cases().open(new CaseDetails("Secret", 2, null, null, null), "a");
        }
        Encryption.encrypt(home, "a long passphrase".toCharArray());
        try (AutoCloseable undo = SmallDisk.notWritable(home.dir());
                StoreOpener opener = new StoreOpener(home)) {
            StoreOpener.Outcome outcome = opener.open(Credentials.passphrase("a long passphrase".toCharArray()),
                    StoreOpener.OpenMode.NORMAL);
            try (Store store = outcome.storeOrThrow()) {
                assertThat(store.isEncrypted()).isTrue();
                assertThat(store.readOnly()).isPresent();
                assertThat(Services.create(store, Clock.systemUTC()).cases().list()).extracting(CrisisCase::title)
                        .containsExactly("Secret");
            }
        }
    }

    @Test
    void aReadOnlyStoreThatNeedsAnUpdateIsRefusedPlainly() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            // what a store of an older version looks like to Flyway: its newest migration not applied
            store.jdbi().useHandle(h -> h.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = "
                    + "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")"));
        }
        try (AutoCloseable undo = SmallDisk.notWritable(home.dir())) {
            StoreOpener.Outcome outcome = new StoreOpener(home).open(StoreOpener.OpenMode.NORMAL);
            assertThat(outcome).isInstanceOfSatisfying(StoreOpener.Refused.class, r -> {
                assertThat(r.problem()).isEqualTo(StoreException.Problem.READ_ONLY);
                assertThat(r.message()).contains("must be brought up to date").contains("not writable")
                        .doesNotContainIgnoringCase("restore");
                assertThat(r.canRestore()).isFalse();
            });
        }
    }

    @Test
    void noStoreInAFolderThatIsNotWritableIsSaidPlainly() throws Exception {
        DataHome home = home();
        Files.createDirectories(home.dir());
        try (AutoCloseable undo = SmallDisk.notWritable(home.dir())) {
            StoreOpener.Outcome outcome = new StoreOpener(home).open(StoreOpener.OpenMode.NORMAL);
            assertThat(outcome).isInstanceOfSatisfying(StoreOpener.Refused.class, r -> {
                assertThat(r.problem()).isEqualTo(StoreException.Problem.READ_ONLY);
                assertThat(r.message()).startsWith("There is no store in " + home.dir() + ", and none can be made there");
            });
        }
    }
}
