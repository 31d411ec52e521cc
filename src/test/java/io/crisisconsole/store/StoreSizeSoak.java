package io.crisisconsole.store;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.EntryKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A long incident in fast motion: quick commits (timeline entries through the real services, one
 * transaction each), the store file measured after every commit. Used by {@link StoreSizeSoakTest}
 * and, as a main, for the README figures:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.crisisconsole.store.StoreSizeSoak 20000 [off]}
 * ({@code off}: without the maintenance task, as before the fix).
 */
final class StoreSizeSoak {

    static final long MB = 1024 * 1024;

    private StoreSizeSoak() {
    }

    record Sample(int commits, long seconds100, long fileBytes) {
    }

    record Result(int commits, List<Sample> samples, long maxBytes, long closedBytes, long dataBytes,
            double[] commitMillis, int maintenanceRuns, int rewrites, double seconds) {

        double percentile(double p) {
            double[] sorted = commitMillis.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
        }

        String summary() {
            return String.format("%d commits in %.0f s: max file %.1f MB, after close %.1f MB, data %.2f MB"
                    + " (SHUTDOWN COMPACT), %d compactions, %d rewrites, commit p50 %.1f ms p99 %.1f ms max %.0f ms", commits, seconds,
                    maxBytes / (double) MB, closedBytes / (double) MB, dataBytes / (double) MB, maintenanceRuns, rewrites,
                    percentile(0.5), percentile(0.99), percentile(1));
        }
    }

    /** {@code commits} timeline entries, one per transaction, in a new store in {@code dir}; a sample every {@code every}. */
    static Result soak(Path dir, int commits, int every) throws IOException, SQLException {
        DataHome home = new DataHome(dir);
        List<Sample> samples = new ArrayList<>();
        double[] millis = new double[commits];
        long max = 0;
        int runs;
        int rewrites;
        long start = System.nanoTime();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long caseId = cases.open(new CaseDetails("Soak", 2, "ola", null, null), "ola").id();
            for (int i = 1; i <= commits; i++) {
                long t0 = System.nanoTime();
                cases.addEntry(caseId, EntryKind.NOTE, "Update " + i + ": still investigating, next message at :30",
                        null, "ola");
                millis[i - 1] = (System.nanoTime() - t0) / 1e6;
                long size = Files.size(home.storeFile());
                max = Math.max(max, size);
                if (i % every == 0 || i == commits) {
                    samples.add(new Sample(i, (System.nanoTime() - start) / 10_000_000, size));
                }
            }
            runs = store.maintenanceRuns();
            rewrites = store.maintenanceRewrites();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long closed = Files.size(home.storeFile());
        return new Result(commits, samples, max, closed, compactedCopySize(home), millis, runs, rewrites, seconds);
    }

    /** The size of the data itself: a copy of the closed store, opened and closed with SHUTDOWN COMPACT. */
    static long compactedCopySize(DataHome home) throws IOException, SQLException {
        Path copyDir = Files.createTempDirectory(home.dir().getParent(), "compacted-");
        Path copy = copyDir.resolve("store.mv.db");
        Files.copy(home.storeFile(), copy);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copyDir.resolve("store"), "crisis", "");
                Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        long size = Files.size(copy);
        Files.delete(copy);
        Files.deleteIfExists(copyDir.resolve("store.trace.db"));
        Files.delete(copyDir);
        return size;
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean off = args.length > 1 && args[1].equals("off");
        if (off) {
            StoreMaintenance.settings = null;
        }
        Path dir = Files.createTempDirectory("soak-");
        Result r = soak(dir.resolve("data"), commits, Math.max(1, commits / 20));
        System.out.println((off ? "without maintenance: " : "with maintenance: ") + r.summary());
        for (Sample s : r.samples()) {
            System.out.printf("  %6d commits  %6.1f s  %7.1f MB%n", s.commits(), s.seconds100() / 100.0,
                    s.fileBytes() / (double) MB);
        }
    }
}
