package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.TimelineEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, real SIGKILL: a forked writer appends timeline entries and reports each commit;
 * it is killed at a random moment; the store must open with every reported commit in it.
 * {@code -Dcrash.runs=N} sets the number of runs (the {@code slow-tests} profile runs 50).
 */
class CrashDurabilityTest {

    static final int RUNS = Integer.getInteger("crash.runs", 4);

    @TempDir
    Path tmp;

    record Killed(long caseId, int acknowledged) {
    }

    /**
     * Starts the writer on {@code dir}, waits until it has acknowledged its first entry (under heavy
     * load that can take longer than the delay), kills it with SIGKILL {@code delayMs} later, and
     * returns what it acknowledged.
     */
    static Killed runAndKill(Path dir, long delayMs) throws Exception {
        return runAndKill(dir, delayMs, true);
    }

    static Killed runAndKill(Path dir, long delayMs, boolean maintenance) throws Exception {
        return runAndKill(dir, delayMs, List.of("-Dcrash.noMaintenance=" + !maintenance));
    }

    /** As above, with {@code properties} ({@code -Dname=value}, see {@link CrashWriter}) for the writer. */
    static Killed runAndKill(Path dir, long delayMs, List<String> properties) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        // -ea: H2's internal assertions (2.3.232 tripped one while moving chunks under commits)
        command.addAll(List.of(java, "-ea", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(properties);
        command.addAll(List.of(CrashWriter.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicInteger acked = new AtomicInteger();
        AtomicLong caseId = new AtomicLong(-1);
        StringBuffer other = new StringBuffer();
        Object started = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acked.set(Integer.parseInt(line.substring(4)));
                        synchronized (started) {
                            started.notifyAll();
                        }
                    } else if (line.startsWith("CASE ")) {
                        caseId.set(Long.parseLong(line.substring(5)));
                        synchronized (started) {
                            started.notifyAll();
                        }
                    } else {
                        other.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.start();
        synchronized (started) {
            long deadline = System.currentTimeMillis() + 30_000;
            while ((caseId.get() < 0 || acked.get() == 0) && System.currentTimeMillis() < deadline && p.isAlive()) {
                started.wait(200);
            }
        }
        assertThat(caseId.get()).as("writer started").isPositive();
        assertThat(acked.get()).as("writer acknowledged its first entry within 30 s").isPositive();
        Thread.sleep(delayMs);
        boolean alive = p.isAlive();
        p.destroyForcibly(); // SIGKILL on Linux
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        // it writes until killed: had it stopped by itself (a closed database, a failed compaction) it
        // would have printed why
        assertThat(alive).as("writer still writing when killed; it printed:%n%s", other).isTrue();
        return new Killed(caseId.get(), acked.get());
    }

    @Test
    void killedWritersLoseNothingTheyAcknowledged() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            Path dir = tmp.resolve("run-" + run);
            Killed k = runAndKill(dir, 100 + random.nextInt(1400));
            assertThat(k.acknowledged()).as("run %d (seed %d) wrote something", run, seed).isPositive();

            try (Store store = Store.open(new DataHome(dir))) {
                List<TimelineEntry> entries = Services.create(store, Clock.systemUTC()).cases().timeline(k.caseId());
                Set<String> bodies = entries.stream().map(TimelineEntry::body).collect(Collectors.toSet());
                for (int i = 1; i <= k.acknowledged(); i++) {
                    assertThat(bodies).as("run %d (seed %d): acknowledged entry %d of %d", run, seed, i,
                            k.acknowledged()).contains("ack-" + i + " +48 600 100 200");
                }
            }
        }
    }

    /**
     * Issue 9, point 12: the open store is rewritten to its data size ({@code SHUTDOWN COMPACT}, a
     * copy moved over the file, the database opened again). Kills during those rewrites lose nothing
     * acknowledged, and an encrypted store's copy, left or not, is never plaintext; the next open
     * removes it.
     */
    @Test
    void killsDuringRewritesOfTheOpenFileLoseNothingAndLeaveNoPlaintext() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        char[] passphrase = "correct horse battery".toCharArray();
        int copiesLeft = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean encrypted = run % 2 == 1;
            Path dir = tmp.resolve("rewrite-" + run);
            DataHome home = new DataHome(dir);
            List<String> properties = new ArrayList<>(List.of("-Dcrash.rewrites=true"));
            if (encrypted) {
                Store.open(home).close();
                Encryption.encrypt(home, passphrase);
                properties.add("-Dcrash.passphrase=" + new String(passphrase));
            }
            Killed k = runAndKill(dir, 300 + random.nextInt(1500), properties);
            String what = String.format("run %d (seed %d, %s)", run, seed, encrypted ? "encrypted" : "plain");
            assertThat(k.acknowledged()).as("%s wrote something", what).isPositive();
            Path temp = Path.of(home.storeFile() + ".tempFile");
            if (Files.exists(temp)) {
                copiesLeft++;
            }
            if (encrypted) {
                if (Files.size(home.storeFile()) > 0) {
                    assertThat(Store.isEncryptedFile(home.storeFile())).as(what).isTrue();
                }
                if (Files.exists(temp) && Files.size(temp) > 0) {
                    assertThat(Store.isEncryptedFile(temp)).as("%s: the rewrite's copy left by the kill", what).isTrue();
                }
                assertThat(EncryptionTest.contentsUnder(dir)).as(what).noneMatch(s -> s.contains("+48 600 100 200"));
            }

            try (Store store = Store.open(home, encrypted ? Encryption.unlock(home, passphrase) : null, false)) {
                List<TimelineEntry> entries = Services.create(store, Clock.systemUTC()).cases().timeline(k.caseId());
                Set<String> bodies = entries.stream().map(TimelineEntry::body).collect(Collectors.toSet());
                for (int i = 1; i <= k.acknowledged(); i++) {
                    assertThat(bodies).as("%s: acknowledged entry %d of %d", what, i, k.acknowledged())
                            .contains("ack-" + i + " +48 600 100 200");
                }
            }
            assertThat(temp).as(what).doesNotExist();
        }
        System.out.printf("CrashDurabilityTest: %d of %d kills left a rewrite's copy (killed during a rewrite)%n",
                copiesLeft, RUNS);
    }

    @Test
    void aDamagedTailAfterACrashIsReportedNotSilentlyOpenedOlder() throws Exception {
        Path dir = tmp.resolve("tail");
        // without the maintenance task, so the newest chunks are the end of the file (compaction
        // writes new chunks into freed space anywhere in it)
        Killed k = runAndKill(dir, 1500, false);
        assertThat(k.acknowledged()).isGreaterThan(10);
        DataHome home = new DataHome(dir);
        long size = Files.size(home.storeFile());
        try (RandomAccessFile f = new RandomAccessFile(home.storeFile().toFile(), "rw")) {
            f.setLength(size - 64 * 1024);
        }

        assertThatThrownBy(() -> Store.open(home).close())
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).problem())
                        .isIn(StoreException.Problem.LOST_CHANGES, StoreException.Problem.DAMAGED));
    }
}
