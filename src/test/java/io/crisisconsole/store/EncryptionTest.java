package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionTest {

    static final String PHONE = "+48 600 100 200";
    static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    private long seed(DataHome home) {
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Data breach at the call centre", 1, null, null, null), "anna");
            cases.addEntry(c.id(), EntryKind.ESCALATION, "Call the DPO on " + PHONE + " now", null, "anna");
            new Backups(home).backupNow(store);
            return c.id();
        }
    }

    /** Every byte of every file under the folder, zip entries unpacked, as text. */
    static List<String> contentsUnder(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                if (f.toString().endsWith(Backups.EXTENSION)) {
                    try (ZipFile zip = new ZipFile(f.toFile())) {
                        Enumeration<? extends ZipEntry> entries = zip.entries();
                        while (entries.hasMoreElements()) {
                            try (InputStream in = zip.getInputStream(entries.nextElement())) {
                                all.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    @Test
    void noContactDetailIsLeftInPlaintextInTheStoreOrItsBackups() throws Exception {
        DataHome home = home();
        long caseId = seed(home);
        assertThat(contentsUnder(home.dir())).as("the check can see plaintext when it is there")
                .anyMatch(s -> s.contains(PHONE));

        Encryption.Encrypted done = Encryption.encrypt(home, PASSPHRASE);

        assertThat(done.recoveryKey()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4})+");
        assertThat(done.plaintextCopiesRemoved()).hasSize(1);
        assertThat(Store.isEncryptedFile(home.storeFile())).isTrue();
        assertThat(contentsUnder(home.dir())).noneMatch(s -> s.contains(PHONE))
                .noneMatch(s -> s.contains("call centre"));
        try (Stream<Path> files = Files.walk(home.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }

        MasterKey key = Encryption.unlock(home, PASSPHRASE);
        try (Store store = Store.open(home, key, false)) {
            List<TimelineEntry> entries = Services.create(store, Clock.systemUTC()).cases().timeline(caseId);
            assertThat(entries).extracting(TimelineEntry::body).contains("Call the DPO on " + PHONE + " now");
            assertThat(store.isEncrypted()).isTrue();
            new Backups(home).backupNow(store);
        }
        assertThat(contentsUnder(home.dir())).noneMatch(s -> s.contains(PHONE));
        assertThat(new Backups(home).list()).allMatch(b -> b.manifest().encrypted());
    }

    @Test
    void aWrongPassphraseIsToldApartFromADamagedFile() throws Exception {
        DataHome home = home();
        seed(home);
        Encryption.encrypt(home, PASSPHRASE);

        assertThatThrownBy(() -> Store.open(home))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.NEEDS_PASSPHRASE));
        assertThatThrownBy(() -> Encryption.unlock(home, "wrong passphrase".toCharArray()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.WRONG_PASSPHRASE))
                .hasMessageContaining("not right");

        MasterKey key = Encryption.unlock(home, PASSPHRASE);
        try (RandomAccessFile f = new RandomAccessFile(home.storeFile().toFile(), "rw")) {
            f.seek(10); // just after "H2encrypt\n": the salt of H2's file encryption
            f.write(new byte[32]);
        }
        assertThatThrownBy(() -> Store.open(home, key, false))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED))
                .hasMessageContaining("damaged")
                .hasMessageContaining("The newest backup is from");
    }

    @Test
    void theRecoveryKeyOpensTheStoreAndEncryptedBackupsRestore() {
        DataHome home = home();
        long caseId = seed(home);
        Encryption.Encrypted done = Encryption.encrypt(home, PASSPHRASE);

        MasterKey key = Encryption.unlockWithRecoveryKey(home, done.recoveryKey().toLowerCase());
        Backups.Backup backup;
        try (Store store = Store.open(home, key, false)) {
            backup = new Backups(home).write(store, tmp.resolve("drill" + Backups.EXTENSION));
            Services.create(store, Clock.systemUTC()).cases().addEntry(caseId, EntryKind.NOTE, "after", null, "a");
        }
        assertThat(backup.manifest().encrypted()).isTrue();
        assertThatThrownBy(() -> Backups.restore(home, backup.file(), null)).hasMessageContaining("encrypted");

        Backups.restore(home, backup.file(), key.h2FilePassword());
        try (Store store = Store.open(home, key, false)) {
            assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(caseId))
                    .extracting(TimelineEntry::body).doesNotContain("after").contains("Call the DPO on " + PHONE + " now");
        }
    }

    @Test
    void decryptingGivesBackAPlainStore() {
        DataHome home = home();
        long caseId = seed(home);
        Encryption.encrypt(home, PASSPHRASE);
        Encryption.decrypt(home, Encryption.unlock(home, PASSPHRASE));

        assertThat(KeyFile.exists(home.dir())).isFalse();
        assertThat(Encryption.needsPassphrase(home)).isFalse();
        try (Store store = Store.open(home)) {
            assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(caseId)).hasSize(2);
        }
    }

    @Test
    void anInterruptedEncryptionLeavesAPlainStoreThatStillOpens() throws Exception {
        DataHome home = home();
        seed(home);
        // as if encryption stopped after the key file was moved in but before the encrypted file was
        KeyFile.create(home.dir(), PASSPHRASE);

        assertThat(Encryption.needsPassphrase(home)).isFalse();
        assertThat(KeyFile.exists(home.dir())).isFalse();
        try (Stream<Path> files = Files.list(home.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("store.key.json.unused-"));
        }
        Store.open(home).close();
    }

    @Test
    void failedStatementsDoNotCarryTheValuesTheyTriedToWrite() {
        try (Store store = Store.open(home())) {
            var dao = store.jdbi().onDemand(io.crisisconsole.timeline.TimelineDao.class);
            java.time.Instant now = java.time.Instant.now();
            assertThatThrownBy(() -> dao.append(999, EntryKind.NOTE, "anna", "Call " + PHONE, now, now, null, null,
                    null))
                    .as("what reaches the log when a write fails")
                    .satisfies(e -> {
                        java.io.StringWriter trace = new java.io.StringWriter();
                        e.printStackTrace(new java.io.PrintWriter(trace));
                        assertThat(trace.toString()).contains("TIMELINE_CASE").doesNotContain(PHONE);
                    });
        }
    }
}
