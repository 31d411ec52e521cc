package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.StoreOpener.Locked;
import io.crisisconsole.store.StoreOpener.OpenMode;
import io.crisisconsole.store.StoreOpener.Opened;
import io.crisisconsole.store.StoreOpener.Outcome;
import io.crisisconsole.store.StoreOpener.Refused;
import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every outcome of the open sequence, against real data folders. */
class StoreOpenerTest {

    static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    static CaseService cases(Store store) {
        return Services.create(store, Clock.systemUTC()).cases();
    }

    /** A store with one case and one entry; returns the case id. */
    static long seed(DataHome home) {
        try (Store store = Store.open(home)) {
            CrisisCase c = cases(store).open(new CaseDetails("Outage", 2, null, null, null), "anna");
            cases(store).addEntry(c.id(), EntryKind.NOTE, "first", null, "anna");
            return c.id();
        }
    }

    /** What a damaged file tail does: the marker says more changes were acknowledged than the file holds. */
    static long loseNewestChanges(DataHome home) {
        long marked = new CommitMarker(home.dir()).read().orElseThrow().commitSeq();
        new CommitMarker(home.dir()).reset(marked + 3, Instant.now());
        return marked;
    }

    static Opened opened(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Opened.class);
        return (Opened) outcome;
    }

    static Refused refused(Outcome outcome, StoreException.Problem problem) {
        assertThat(outcome).isInstanceOf(Refused.class);
        Refused refused = (Refused) outcome;
        assertThat(refused.problem()).as(refused.message()).isEqualTo(problem);
        return refused;
    }

    static Locked locked(Outcome outcome, Locked.Reason reason) {
        assertThat(outcome).isInstanceOf(Locked.class);
        Locked locked = (Locked) outcome;
        assertThat(locked.reason()).as(locked.message()).isEqualTo(reason);
        return locked;
    }

    static List<String> bodies(Store store, long caseId) {
        return cases(store).timeline(caseId).stream().map(TimelineEntry::body).toList();
    }

    @Test
    void aPlainStoreOpensWithoutCredentials() {
        DataHome home = home();
        long caseId = seed(home);
        try (StoreOpener opener = new StoreOpener(home)) {
            Opened opened = opened(opener.open(OpenMode.NORMAL));
            try (Store store = opened.store()) {
                assertThat(opened.restored()).isEmpty();
                assertThat(store.isEncrypted()).isFalse();
                assertThat(bodies(store, caseId)).contains("first");
            }
            assertThat(opener.hasKey()).isFalse();
        }
    }

    @Test
    void aNewDataFolderIsCreatedAndOpened() {
        DataHome home = home();
        try (StoreOpener opener = new StoreOpener(home); Store store = opener.open(OpenMode.NORMAL).storeOrThrow()) {
            assertThat(cases(store).list()).isEmpty();
        }
        assertThat(home.storeFile()).exists();
    }

    @Test
    void passphrasesThatArePassedPlainStoresDoNotNeedAreClearedAndIgnored() {
        DataHome home = home();
        seed(home);
        char[] passphrase = PASSPHRASE.toCharArray();
        try (StoreOpener opener = new StoreOpener(home)) {
            opened(opener.open(Credentials.passphrase(passphrase), OpenMode.NORMAL)).store().close();
        }
        assertThat(passphrase).containsOnly('\0');
    }

    @Test
    void anEncryptedStoreIsLockedUntilTheRightPassphraseAndTheKeyGoesToTheStore() {
        DataHome home = home();
        long caseId = seed(home);
        Encryption.encrypt(home, PASSPHRASE.toCharArray());
        byte[] before = fileBytes(home);

        try (StoreOpener opener = new StoreOpener(home)) {
            Locked needs = locked(opener.open(OpenMode.NORMAL), Locked.Reason.NEEDS_PASSPHRASE);
            assertThat(needs.message()).contains("is encrypted").contains(home.dir().toString());
            assertThat(needs.home()).isEqualTo(home);
            assertThatThrownBy(needs::storeOrThrow).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).problem())
                            .isEqualTo(StoreException.Problem.NEEDS_PASSPHRASE));

            char[] wrong = "not the passphrase".toCharArray();
            Locked wrongOne = locked(opener.open(Credentials.passphrase(wrong), OpenMode.NORMAL),
                    Locked.Reason.WRONG_PASSPHRASE);
            assertThat(wrongOne.message()).contains("passphrase is not right").contains("recovery key");
            assertThat(wrong).as("cleared after use").containsOnly('\0');
            assertThat(fileBytes(home)).as("a locked store is not touched").isEqualTo(before);

            char[] right = PASSPHRASE.toCharArray();
            Opened opened = opened(opener.open(Credentials.passphrase(right), OpenMode.NORMAL));
            assertThat(right).containsOnly('\0');
            try (Store store = opened.store()) {
                assertThat(store.isEncrypted()).isTrue();
                assertThat(bodies(store, caseId)).contains("first");
                assertThat(opener.hasKey()).as("the store took the key").isFalse();
                new Backups(home).backupNow(store); // the store still has the key for its backups
            }
        }
    }

    @Test
    void theRecoveryKeyUnlocksAWrongOneIsLockedAndCloseDestroysAnUnusedKey() {
        DataHome home = home();
        long caseId = seed(home);
        String recoveryKey = Encryption.encrypt(home, PASSPHRASE.toCharArray()).recoveryKey();

        try (StoreOpener opener = new StoreOpener(home)) {
            locked(opener.open(Credentials.recoveryKey("AAAA-BBBB".toCharArray()), OpenMode.NORMAL),
                    Locked.Reason.WRONG_PASSPHRASE);
            char[] typed = recoveryKey.toLowerCase().replace('-', ' ').toCharArray();
            assertThat(opener.unlock(Credentials.recoveryKey(typed))).isEmpty();
            assertThat(typed).containsOnly('\0');
            assertThat(opener.hasKey()).isTrue();
            assertThat(opener.unlock(Credentials.none())).as("unlocked once is enough").isEmpty();
            try (Store store = opener.open(OpenMode.NORMAL).storeOrThrow()) {
                assertThat(bodies(store, caseId)).contains("first");
            }
        }

        StoreOpener unused = new StoreOpener(home);
        assertThat(unused.unlock(Credentials.passphrase(PASSPHRASE.toCharArray()))).isEmpty();
        var key = unused.key();
        unused.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(unused.hasKey()).isFalse();
    }

    @Test
    void lostChangesWithABackupOfferRestoreAndOpeningAsIs() {
        DataHome home = home();
        seed(home);
        Backups.Backup backup;
        try (Store store = Store.open(home)) {
            backup = new Backups(home).backupNow(store);
        }
        long marked = loseNewestChanges(home);

        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.LOST_CHANGES);
            assertThat(refused.message()).contains("missing its newest changes").contains("change " + marked)
                    .contains("The newest backup is from");
            assertThat(refused.canRestore()).isTrue();
            assertThat(refused.canOpenAsIs()).isTrue();
            assertThat(refused.newestBackup()).map(Backups.Backup::file).contains(backup.file());

            try (Store store = opened(opener.open(OpenMode.ACCEPT_LOST_CHANGES)).store()) {
                assertThat(store.marker().read().orElseThrow().commitSeq()).as("accepting resets the marker")
                        .isEqualTo(marked);
            }
        }
        try (StoreOpener opener = new StoreOpener(home)) {
            opened(opener.open(OpenMode.NORMAL)).store().close();
        }
    }

    @Test
    void lostChangesWithoutABackupStillSayRestoreHelps() {
        DataHome home = home();
        seed(home);
        loseNewestChanges(home);
        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.LOST_CHANGES);
            assertThat(refused.newestBackup()).isEmpty();
            assertThat(refused.message()).contains("There is no backup in");
            assertThat(refused.canRestore()).as("from a backup kept elsewhere").isTrue();
            assertThat(refused.canOpenAsIs()).isTrue();
        }
    }

    @Test
    void theNewestBackupIsRestoredThenOpened() {
        DataHome home = home();
        long caseId = seed(home);
        try (Store store = Store.open(home)) {
            new Backups(home).backupNow(store);
            cases(store).addEntry(caseId, EntryKind.NOTE, "after the backup", null, "anna");
        }
        loseNewestChanges(home);

        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.LOST_CHANGES);
            Opened opened = opened(opener.restoreAndOpen(refused.newestBackup().orElseThrow().file()));
            try (Store store = opened.store()) {
                Backups.Restored restored = opened.restored().orElseThrow();
                assertThat(restored.manifest().createdAt()).isEqualTo(refused.newestBackup().get().manifest().createdAt());
                assertThat(restored.previousStore()).exists();
                assertThat(bodies(store, caseId)).contains("first").doesNotContain("after the backup");
            }
        }
    }

    @Test
    void anEncryptedStoreThatLostChangesIsRestoredWithTheKeyItWasUnlockedWith() {
        DataHome home = home();
        long caseId = seed(home);
        Encryption.encrypt(home, PASSPHRASE.toCharArray()); // writes a fresh encrypted backup
        loseNewestChanges(home);

        try (StoreOpener opener = new StoreOpener(home)) {
            assertThat(opener.restoreAndOpen(tmp.resolve("any.ccbackup"))).as("not before it is unlocked")
                    .isInstanceOf(Locked.class);
            Refused refused = refused(opener.open(Credentials.passphrase(PASSPHRASE.toCharArray()), OpenMode.NORMAL),
                    StoreException.Problem.LOST_CHANGES);
            assertThat(refused.newestBackup()).hasValueSatisfying(b -> assertThat(b.manifest().encrypted()).isTrue());
            assertThat(opener.hasKey()).as("kept for what the person chooses next").isTrue();

            Opened opened = opened(opener.restoreAndOpen(refused.newestBackup().get().file()));
            try (Store store = opened.store()) {
                assertThat(store.isEncrypted()).isTrue();
                assertThat(bodies(store, caseId)).contains("first");
            }
        }
        assertThat(Store.isEncryptedFile(home.storeFile())).isTrue();
    }

    @Test
    void aMissingBackupFileIsRefusedAndTheStoreStaysAsItWas() {
        DataHome home = home();
        seed(home);
        byte[] before = fileBytes(home);
        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.restoreAndOpen(tmp.resolve("nope.ccbackup")), StoreException.Problem.OTHER);
            assertThat(refused.message()).startsWith("There is no backup file");
            assertThat(refused.canRestore()).isFalse();
            assertThat(refused.canOpenAsIs()).isFalse();
        }
        assertThat(fileBytes(home)).isEqualTo(before);
    }

    @Test
    void aDamagedStoreIsRefusedWithRestoreOnly() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            CrisisCase c = cases(store).open(new CaseDetails("Outage", 2, null, null, null), "a");
            for (int i = 0; i < 300; i++) {
                cases(store).addEntry(c.id(), EntryKind.NOTE, "entry " + i + " " + "x".repeat(200), null, "a");
            }
            new Backups(home).backupNow(store);
        }
        long size = Files.size(home.storeFile());
        try (RandomAccessFile raf = new RandomAccessFile(home.storeFile().toFile(), "rw")) {
            byte[] junk = new byte[4096];
            Arrays.fill(junk, (byte) 0x5a);
            for (long at = 8192; at < size - 8192; at += 16384) {
                raf.seek(at);
                raf.write(junk);
            }
        }
        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.DAMAGED);
            assertThat(refused.message()).contains("damaged");
            assertThat(refused.canRestore()).isTrue();
            assertThat(refused.canOpenAsIs()).isFalse();
            assertThat(refused.newestBackup()).isPresent();
            assertThatThrownBy(refused::storeOrThrow).isInstanceOf(StoreException.class).hasMessageContaining("damaged");
        }
    }

    @Test
    void aStoreInAnOlderFormatIsRefusedAndLeftAlone() throws Exception {
        DataHome home = home();
        Files.createDirectories(home.dir());
        try (var in = getClass().getResourceAsStream("/stores/h2-1.4.200.mv.db")) {
            Files.copy(in, home.storeFile());
        }
        byte[] before = fileBytes(home);
        try (StoreOpener opener = new StoreOpener(home)) {
            Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.OLDER_FORMAT);
            assertThat(refused.message()).contains("older database format").contains("It was not changed");
            assertThat(refused.canRestore()).isFalse();
            assertThat(refused.canOpenAsIs()).isFalse();
            assertThat(refused.newestBackup()).isEmpty();
        }
        assertThat(fileBytes(home)).isEqualTo(before);
    }

    @Test
    void aStoreOpenInAnotherProcessIsRefused() throws Exception {
        DataHome home = home();
        seed(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Holder.class.getName(), home.dir().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = r.readLine();
            } while (line != null && !line.equals("OPEN"));
            assertThat(line).as("the other process has the store open").isEqualTo("OPEN");
            try (StoreOpener opener = new StoreOpener(home)) {
                Refused refused = refused(opener.open(OpenMode.NORMAL), StoreException.Problem.ALREADY_OPEN);
                assertThat(refused.message()).startsWith("Crisis Console is already open on " + home.dir());
                assertThat(refused.canRestore()).isFalse();
                assertThat(refused.canOpenAsIs()).isFalse();
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (StoreOpener opener = new StoreOpener(home)) {
            opened(opener.open(OpenMode.NORMAL)).store().close();
        }
    }

    @Test
    void aStrayKeyFileBesideAPlainStoreIsSetAside() throws Exception {
        DataHome home = home();
        long caseId = seed(home);
        // as if turning encryption on stopped after the key file was moved in but before the encrypted file
        KeyFile.create(home.dir(), PASSPHRASE.toCharArray());
        try (StoreOpener opener = new StoreOpener(home); Store store = opened(opener.open(OpenMode.NORMAL)).store()) {
            assertThat(bodies(store, caseId)).contains("first");
        }
        assertThat(KeyFile.exists(home.dir())).isFalse();
        try (Stream<Path> files = Files.list(home.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(KeyFile.FILE_NAME + ".unused-"));
        }
    }

    private static byte[] fileBytes(DataHome home) {
        try {
            return Files.readAllBytes(home.storeFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Another process that holds the store open until its stdin closes. */
    public static final class Holder {
        private Holder() {
        }

        public static void main(String[] args) throws Exception {
            try (Store store = Store.open(new DataHome(Path.of(args[0])))) {
                System.out.println("OPEN");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait until the test closes our stdin
                }
            }
        }
    }
}
