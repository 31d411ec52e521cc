package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.StoreOpener.OpenMode;
import io.crisisconsole.store.StoreOpener.Opened;
import io.crisisconsole.store.StoreOpener.Outcome;
import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.timeline.EntryKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, point 1: real processes killed with SIGKILL at random moments of encrypt, decrypt, backup
 * and restore ({@link HeavyOperation}). After each kill the next open finishes or undoes what was
 * interrupted and says so; nothing of the operation's work is left; an encrypted store has no
 * plaintext of its data anywhere under the data folder (every file scanned, zip entries unpacked,
 * for a marker written into the case title and every entry); no data is lost; the store opens.
 * Each operation runs once to the end first, to measure how long it takes; the kills fall at 5-95%
 * of that, or at 80-100% (where the swap and the clean-up are). {@code -Dinterrupt.runs=N} sets the kills per operation.
 */
class InterruptedOperationsTest {

    static final int KILLS = Integer.getInteger("interrupt.runs", 2);
    static final String MARKER = "MARKER-Q7X";
    static final char[] PASSPHRASE = HeavyOperation.PASSPHRASE;

    @TempDir
    static Path seeds;
    @TempDir
    Path tmp;

    static Path plainSeed;
    static Path encryptedSeed;
    static Path olderBackup;
    static int olderCount;
    static int plainCount;
    static int encryptedCount;

    @BeforeAll
    static void seed() throws Exception {
        plainSeed = seeds.resolve("plain");
        DataHome home = new DataHome(plainSeed);
        Random random = new Random(42);
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails(MARKER + " data breach", 1, null, null, null), "anna");
            for (int i = 0; i < 40; i++) {
                cases.addEntry(c.id(), EntryKind.NOTE, MARKER + " " + i + " " + text(random, 19_000), null, "anna");
                if (i == 14) {
                    olderBackup = new Backups(home).backupNow(store).file();
                    olderCount = cases.timeline(c.id()).size();
                }
            }
            plainCount = cases.timeline(c.id()).size();
        }
        compact(home, null); // small and quick to copy, as after a close
        encryptedSeed = seeds.resolve("encrypted");
        copy(plainSeed, encryptedSeed);
        DataHome enc = new DataHome(encryptedSeed);
        Encryption.encrypt(enc, PASSPHRASE.clone());
        MasterKey key = Encryption.unlock(enc, PASSPHRASE.clone());
        try (Store store = Store.open(enc, key, false)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            cases.addEntry(cases.list().get(0).id(), EntryKind.NOTE, MARKER + " after encryption", null, "anna");
            new Backups(enc).backupNow(store);
            encryptedCount = cases.timeline(cases.list().get(0).id()).size();
        }
        compact(enc, key);
        assertThat(new Backups(enc).list()).hasSize(2).allMatch(b -> b.manifest().encrypted());
        assertThat(scan(encryptedSeed)).as("the seed is encrypted throughout").isEmpty();
        assertThat(scan(plainSeed)).as("the scan finds plaintext where there is some").isNotEmpty();
    }

    @Test
    void killedEncryptionsAreFinishedOrUndone() throws Exception {
        killAtRandom("encrypt", plainSeed, (home, notes) -> {
            boolean encrypted = Store.isEncryptedFile(home.storeFile());
            if (!notes.isEmpty()) {
                assertThat(notes.get(0).kind()).isEqualTo(encrypted ? Recovery.Kind.ENCRYPT_FINISHED
                        : Recovery.Kind.ENCRYPT_UNDONE);
            }
            if (encrypted) {
                assertThat(new Backups(home).list()).isNotEmpty().allMatch(b -> b.manifest().encrypted());
            } else {
                assertThat(KeyFile.exists(home.dir())).isFalse();
            }
            return plainCount;
        });
    }

    @Test
    void killedDecryptionsAreFinishedOrUndoneAndTheBackupsStayReadable() throws Exception {
        killAtRandom("decrypt", encryptedSeed, (home, notes) -> {
            boolean encrypted = Store.isEncryptedFile(home.storeFile());
            if (!notes.isEmpty()) {
                assertThat(notes.get(0).kind()).isEqualTo(encrypted ? Recovery.Kind.DECRYPT_UNDONE
                        : Recovery.Kind.DECRYPT_FINISHED);
            }
            List<Backups.Backup> backups = new Backups(home).list();
            assertThat(backups).hasSize(2).allMatch(b -> b.manifest().encrypted() == encrypted);
            assertThat(KeyFile.exists(home.dir())).isEqualTo(encrypted);
            return encryptedCount;
        });
    }

    @Test
    void killedBackupsLeaveNoWorkFiles() throws Exception {
        killAtRandom("backup", plainSeed, (home, notes) -> {
            if (!notes.isEmpty()) {
                assertThat(notes).extracting(Recovery.Note::kind).containsOnly(Recovery.Kind.BACKUP_REMOVED);
            }
            try (Stream<Path> files = Files.list(new Backups(home).folder())) {
                for (Path f : files.filter(f -> !Files.isDirectory(f)).toList()) {
                    Backups.readManifest(f); // every file left is a whole backup
                }
            }
            return plainCount;
        });
    }

    @Test
    void killedRestoresAreFinishedOrUndone() throws Exception {
        killAtRandom("restore", plainSeed, (home, notes) -> {
            if (!notes.isEmpty()) {
                assertThat(notes).extracting(Recovery.Note::kind)
                        .containsAnyOf(Recovery.Kind.RESTORE_FINISHED, Recovery.Kind.RESTORE_UNDONE);
            }
            return -1; // checked below: either count
        }, "BACKUP");
    }

    /** What to check after the recovery of one run; returns the number of timeline entries the store must hold (-1: before or after a restore). */
    @FunctionalInterface
    interface Check {
        int check(DataHome home, List<Recovery.Note> notes) throws Exception;
    }

    private void killAtRandom(String op, Path seed, Check check, String... restoreArg) throws Exception {
        long seedValue = System.nanoTime();
        Random random = new Random(seedValue);
        long took = 0;
        int interrupted = 0;
        // more runs while kills fall after the end (the machine got faster than the first run said)
        for (int run = 0; run <= KILLS || (interrupted < KILLS && run <= 2 * KILLS + 1); run++) {
            Path dir = tmp.resolve("run" + run + "." + op);
            copy(seed, dir);
            String[] extra = restoreArg.length == 0 ? new String[0]
                    : new String[] {dir.resolve(Backups.FOLDER).resolve(olderBackup.getFileName()).toString()};
            // odd runs anywhere in the operation, even runs near its end (where the swap and the clean-up are)
            double at = run % 2 == 1 ? 0.05 + 0.9 * random.nextDouble() : 0.8 + 0.2 * random.nextDouble();
            long delay = run == 0 ? -1 : (long) (took * at);
            Child child = runChild(op, dir, delay, extra);
            if (run == 0) {
                assertThat(child.finished()).as("%s runs to the end when not killed", op).isTrue();
                took = child.tookMs();
                System.out.println(op + " took " + took + " ms on a store file of "
                        + Files.size(seed.resolve("store.mv.db")) / 1024 + " KiB");
            } else if (child.finished()) {
                took = Math.min(took, child.tookMs());
            }
            String what = op + " run " + run + " killed after " + delay + " ms of " + took + " (seed " + seedValue + ")";
            DataHome home = new DataHome(dir);
            boolean journalLeft = !Journal.files(dir).isEmpty();
            if (journalLeft) {
                interrupted++;
            }
            try (StoreOpener opener = new StoreOpener(home)) {
                List<Recovery.Note> notes = opener.recover();
                System.out.println(what + ": " + notes.stream().map(Recovery.Note::kind).toList());
                assertThat(notes).as(what + ": the report says what happened").hasSize(journalLeft ? 1 : 0);
                assertThat(notes).as(what).noneMatch(n -> n.kind() == Recovery.Kind.FAILED);
                assertThat(workFilesUnder(dir)).as(what + ": work files left").isEmpty();
                boolean encrypted = Store.isEncryptedFile(home.storeFile());
                if (encrypted) {
                    assertThat(scan(dir)).as(what + ": files with plaintext beside an encrypted store").isEmpty();
                }
                int expected = check.check(home, notes);
                Outcome outcome = opener.open(encrypted ? Credentials.passphrase(PASSPHRASE.clone()) : Credentials.none(),
                        OpenMode.NORMAL);
                assertThat(outcome).as(what + ": " + outcome).isInstanceOf(Opened.class);
                try (Store store = ((Opened) outcome).store()) {
                    CaseService cases = Services.create(store, Clock.systemUTC()).cases();
                    int count = cases.timeline(cases.list().get(0).id()).size();
                    if (expected >= 0) {
                        assertThat(count).as(what + ": entries").isEqualTo(expected);
                    } else {
                        assertThat(count).as(what + ": entries").isIn(olderCount, plainCount);
                    }
                }
                if (encrypted && opener.newRecoveryKey().isPresent()) {
                    // the recovery key of the interrupted encrypt was never shown: the new one opens the store
                    KeyFile.read(dir).unlockWithRecoveryKey(opener.newRecoveryKey().get()).destroy();
                    opener.recoveryKeyShown();
                }
                if (op.equals("decrypt") && !encrypted && run == KILLS) {
                    // turning encryption off re-wrote the backups: the older one restores with no key at all
                    Backups.Backup oldest = new Backups(home).list().get(1);
                    Backups.restore(home, oldest.file(), null);
                }
            }
        }
        assertThat(interrupted).as(op + ": kills that fell inside the operation (seed " + seedValue + ")")
                .isGreaterThanOrEqualTo(Math.min(KILLS, 2));
    }

    record Child(boolean finished, long tookMs) {
    }

    /** Runs {@link HeavyOperation}; kills it with SIGKILL {@code killAfterMs} after it began (-1: lets it finish). */
    static Child runChild(String op, Path dir, long killAfterMs, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", HeavyOperation.class.getName(), op, dir.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        AtomicLong began = new AtomicLong();
        AtomicLong ended = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("BEGIN")) {
                        synchronized (began) {
                            began.set(System.nanoTime());
                            began.notifyAll();
                        }
                    } else if (line.equals("DONE")) {
                        ended.set(System.nanoTime());
                        done.set(true);
                    } else {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // killed
            }
        });
        reader.start();
        synchronized (began) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (began.get() == 0 && p.isAlive() && System.currentTimeMillis() < deadline) {
                began.wait(100);
            }
        }
        assertThat(began.get()).as("%s began: %s", op, output).isPositive();
        if (killAfterMs < 0) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            assertThat(p.exitValue()).as("%s: %s", op, output).isZero();
        } else {
            Thread.sleep(killAfterMs);
            p.destroyForcibly(); // SIGKILL on Linux
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        }
        return new Child(done.get(), done.get() ? (ended.get() - began.get()) / 1_000_000 : -1);
    }

    /** Files and folders an operation works in, under {@code dir}. */
    static List<Path> workFilesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> {
                String n = p.getFileName().toString();
                return n.matches("(encrypt|decrypt|restore)-\\d+") || n.startsWith(Journal.PREFIX) || n.endsWith(".tmp")
                        || n.endsWith(".sql") || n.endsWith(".sql.aes") || n.contains("plain")
                        || (p.getParent() != null && p.getParent().getFileName().toString().equals(".work"));
            }).toList();
        }
    }

    /** The files under {@code dir} holding the marker in plaintext (zip entries unpacked). */
    static List<Path> scan(Path dir) throws IOException {
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            // not the lock file: closing any channel of it would drop this process's lock on it
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith(AppLock.FILE)).toList()) {
                if (contains(Files.readAllBytes(f), marker)) {
                    found.add(f);
                    continue;
                }
                byte[] head = new byte[2];
                try (InputStream in = Files.newInputStream(f)) {
                    if (in.read(head) == 2 && head[0] == 'P' && head[1] == 'K') {
                        try (ZipFile zip = new ZipFile(f.toFile())) {
                            Enumeration<? extends ZipEntry> entries = zip.entries();
                            while (entries.hasMoreElements()) {
                                try (InputStream e = zip.getInputStream(entries.nextElement())) {
                                    if (contains(e.readAllBytes(), marker)) {
                                        found.add(f);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int word = 2 + random.nextInt(9);
            for (int i = 0; i < word; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(' ');
        }
        return sb.substring(0, length);
    }

    static void compact(DataHome home, MasterKey key) throws Exception {
        char[] password = key == null ? null : key.h2FilePassword();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(Store.jdbcUrl(home.storeBase(), key != null),
                "crisis", Store.h2Password(password)); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
