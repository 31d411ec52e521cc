package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.StoreOpener.OpenMode;
import io.crisisconsole.store.StoreOpener.Opened;
import io.crisisconsole.store.StoreOpener.Outcome;
import io.crisisconsole.store.StoreOpener.Refused;
import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.timeline.EntryKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery of interrupted operations in states a random kill rarely hits, and its lock. */
class RecoveryTest {

    static final String MARKER = InterruptedOperationsTest.MARKER;
    static final char[] PASSPHRASE = HeavyOperation.PASSPHRASE;

    @TempDir
    Path tmp;

    private static void seed(DataHome home) {
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long id = cases.open(new CaseDetails(MARKER + " outage", 1, null, null, null), "anna").id();
            cases.addEntry(id, EntryKind.NOTE, MARKER + " call the DPO", null, "anna");
            new Backups(home).backupNow(store);
        }
    }

    @Test
    void anEncryptKilledJustAfterItBeganTheSwapIsFinishedAndANewRecoveryKeyIsMade() throws Exception {
        // the exact files a kill right after the journal said SWAPPING leaves: the checked encrypted
        // copy, its key file and its fresh encrypted backup in the work folder, the plain store and
        // its plain backup in place; made by a real encrypt of a copy of the same store
        DataHome home = new DataHome(tmp.resolve("data"));
        seed(home);
        DataHome done = new DataHome(tmp.resolve("done"));
        InterruptedOperationsTest.copy(home.dir(), done.dir());
        Path fresh = Encryption.encrypt(done, PASSPHRASE.clone()).freshBackup();
        Path work = Workspace.create(home, "encrypt");
        Files.copy(done.storeFile(), work.resolve("store.mv.db"));
        Files.copy(KeyFile.path(done.dir()), work.resolve(KeyFile.FILE_NAME));
        Files.copy(fresh, work.resolve(fresh.getFileName()));
        Files.writeString(home.dir().resolve(Encryption.UNSEEN_RECOVERY_KEY), "not shown");
        Journal journal = Journal.begin(home.dir(), Journal.Operation.ENCRYPT, List.of(work), Map.of());
        journal.put(Encryption.FRESH_BACKUP, fresh.getFileName().toString());
        journal.advance(Journal.Phase.SWAPPING);
        assertThat(InterruptedOperationsTest.scan(home.dir())).isNotEmpty();

        try (StoreOpener opener = new StoreOpener(home)) {
            assertThat(opener.recover()).extracting(Recovery.Note::kind).containsExactly(Recovery.Kind.ENCRYPT_FINISHED);
            assertThat(Store.isEncryptedFile(home.storeFile())).isTrue();
            assertThat(InterruptedOperationsTest.scan(home.dir())).as("plaintext left").isEmpty();
            assertThat(InterruptedOperationsTest.workFilesUnder(home.dir())).isEmpty();
            assertThat(new Backups(home).list()).hasSize(1).allMatch(b -> b.manifest().encrypted());

            Outcome outcome = opener.open(Credentials.passphrase(PASSPHRASE.clone()), OpenMode.NORMAL);
            assertThat(outcome).isInstanceOf(Opened.class);
            ((Opened) outcome).store().close();
            String recoveryKey = opener.newRecoveryKey().orElseThrow();
            KeyFile.read(home.dir()).unlockWithRecoveryKey(recoveryKey).destroy();
            opener.recoveryKeyShown();
        }
        assertThat(home.dir().resolve(Encryption.UNSEEN_RECOVERY_KEY)).doesNotExist();
        try (StoreOpener again = new StoreOpener(home)) {
            assertThat(again.recover()).isEmpty();
            ((Opened) again.open(Credentials.passphrase(PASSPHRASE.clone()), OpenMode.NORMAL)).store().close();
            assertThat(again.newRecoveryKey()).as("made once").isEmpty();
        }
    }

    @Test
    void theWorkFilesOfABackupAnotherProcessIsWritingAreLeftAlone() throws Exception {
        DataHome home = new DataHome(tmp.resolve("data"));
        seed(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", StoreOpenerTest.Holder.class.getName(),
                home.dir().toString()).redirectErrorStream(true).start();
        Path script = home.dir().resolve("backups/.work/script-live.sql");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = r.readLine();
            } while (line != null && !line.equals("OPEN"));
            assertThat(line).isEqualTo("OPEN");
            // as the other process's backup leaves them while it writes
            Files.createDirectories(script.getParent());
            Files.writeString(script, MARKER);
            Journal.begin(home.dir(), Journal.Operation.BACKUP, List.of(script), Map.of());

            try (StoreOpener opener = new StoreOpener(home)) {
                assertThat(opener.recover()).isEmpty();
                Outcome outcome = opener.open(OpenMode.NORMAL);
                assertThat(outcome).isInstanceOf(Refused.class);
                assertThat(((Refused) outcome).problem()).isEqualTo(StoreException.Problem.ALREADY_OPEN);
            }
            assertThat(script).exists();
            assertThat(Journal.files(home.dir())).hasSize(1);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (StoreOpener opener = new StoreOpener(home)) {
            assertThat(opener.recover()).extracting(Recovery.Note::kind).containsExactly(Recovery.Kind.BACKUP_REMOVED);
            ((Opened) opener.open(OpenMode.NORMAL)).store().close();
        }
        assertThat(script).doesNotExist();
        assertThat(Journal.files(home.dir())).isEmpty();
    }

    /** Found by the kill tests: a kill while a journal (or the marker) was being written left its temp file. */
    @Test
    void theTempFilesOfInterruptedSmallWritesAreRemovedAndNothingElse() throws Exception {
        DataHome home = new DataHome(tmp.resolve("data"));
        seed(home);
        Path journalTemp = home.dir().resolve(".journal-decrypt-799425b7-3a8f-4eba-9ed1-7c37320ac019.json.18286164884805143247.tmp");
        Path markerTemp = home.dir().resolve("." + CommitMarker.FILE + ".512.tmp");
        Path notOurs = home.dir().resolve(".notes.txt.1.tmp");
        for (Path p : List.of(journalTemp, markerTemp, notOurs)) {
            Files.writeString(p, "{\"op");
        }

        List<Recovery.Note> notes = Recovery.run(home);

        assertThat(journalTemp).doesNotExist();
        assertThat(markerTemp).doesNotExist();
        assertThat(notOurs).exists();
        assertThat(notes).isEmpty();
    }

    @Test
    void shreddingOverwritesBeforeDeletingAndLeavesWhatALinkPointsTo() throws Exception {
        Path file = tmp.resolve("secret.sql");
        Files.writeString(file, MARKER.repeat(1000));
        Path other = tmp.resolve("other");
        Files.writeString(other, MARKER);
        Path alias = tmp.resolve("alias");
        Files.createLink(alias, file); // a second name sees what the shred did to the blocks
        Path symlink = tmp.resolve("symlink");
        Files.createSymbolicLink(symlink, other);

        assertThat(Workspace.shred(file)).isTrue();
        Workspace.shred(symlink);

        assertThat(file).doesNotExist();
        assertThat(Files.readAllBytes(alias)).hasSize(MARKER.length() * 1000).containsOnly((byte) 0);
        assertThat(symlink).doesNotExist();
        assertThat(Files.readString(other)).isEqualTo(MARKER);
    }
}
