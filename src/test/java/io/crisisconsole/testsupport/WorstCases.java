package io.crisisconsole.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Generated worst-case input files for the readers of outside files (issue 9.8: "a 1 MiB file of
 * any shape is judged in under a second"), and how they are timed: each file is written to disk
 * first, then read and judged by the real reader to warm up (at least twice, up to ten times within
 * 1.5 s) and three times measured; the figure is the fastest of the three (the least disturbed by a
 * loaded machine).
 */
public final class WorstCases {

    /** The size the generated files aim at: 1 MiB less a little room for a head and a tail. */
    public static final int MIB = 1024 * 1024;

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private WorstCases() {
    }

    /**
     * One generated file. {@code expect} is text the verdict must contain: a problem's message and
     * where it is, or {@link #ACCEPTED}.
     */
    public record Case(String name, String fileName, byte[] content, String expect) {
        public static Case of(String name, String fileName, String text, String expect) {
            return new Case(name, fileName, text.getBytes(StandardCharsets.UTF_8), expect);
        }
    }

    /** The verdict of a file that was read without a problem. */
    public static final String ACCEPTED = "accepted";

    /** Reads and judges one file; returns {@link #ACCEPTED} or the (first) problem as the user sees it. */
    @FunctionalInterface
    public interface Judge {
        String judge(Path file) throws Exception;
    }

    /**
     * What one case measured: the fastest of the measured runs in wall-clock time, and in CPU time
     * of the judging thread (what the reader itself costs, whatever else the machine is doing).
     */
    public record Result(Case c, String verdict, long minMillis, long minCpuMillis) {
        public int bytes() {
            return c.content().length;
        }
    }

    /** {@code head}, then {@code unit.apply(0)}, {@code unit.apply(1)}... while the total stays under {@code size} bytes, then {@code tail}. */
    public static String fill(String head, IntFunction<String> unit, String tail, int size) {
        StringBuilder sb = new StringBuilder(size + 64).append(head);
        int budget = size - utf8(tail);
        int used = utf8(head);
        for (int i = 0; ; i++) {
            String u = unit.apply(i);
            int n = utf8(u);
            if (used + n > budget) {
                break;
            }
            sb.append(u);
            used += n;
        }
        return sb.append(tail).toString();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes every case into {@code dir}, judges each (2 warm-up runs, then the fastest of 3). */
    public static List<Result> run(Path dir, List<Case> cases, Judge judge, int warmUps, int runs) {
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            Path file = dir.resolve(c.fileName());
            try {
                Files.write(file, c.content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // warm up: at least warmUps runs, more (up to 10) while under 1.5 s, so that the JIT has
            // compiled the reader's hot paths before the figure is taken
            String verdict = null;
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmUps || i < 10 && System.nanoTime() - warmStart < 1_500_000_000L; i++) {
                verdict = verdict(judge, file);
            }
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                verdict = verdict(judge, file);
                best = Math.min(best, System.nanoTime() - start);
                bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - cpu);
            }
            results.add(new Result(c, verdict, best / 1_000_000, bestCpu / 1_000_000));
        }
        return results;
    }

    /** As {@link #run(Path, List, Judge, int, int)} with the figures of the tests: 2 warm-ups, 3 measured. */
    public static List<Result> run(Path dir, List<Case> cases, Judge judge) {
        return run(dir, cases, judge, 2, 3);
    }

    private static String verdict(Judge judge, Path file) {
        try {
            return judge.judge(file);
        } catch (Exception e) {
            return "threw " + e;
        }
    }

    /** The budget: a 1 MiB file of any shape is judged in under a second. */
    public static final long BUDGET_MILLIS = 1000;

    /**
     * Runs every case and fails, listing every case, when one is not judged as expected (its
     * verdict lacks {@code expect}) or its fastest run took {@value #BUDGET_MILLIS} ms or more of
     * the judging thread's CPU time. CPU time, not wall-clock time: on a 2-core machine shared with
     * other builds the wall-clock figure of the same run went from 0.3 s to 1.6 s; a reader that is
     * quadratic again still takes many seconds of CPU (40,000 unknown keys took 30 s).
     */
    public static void assertAllJudgedInTime(Path dir, List<Case> cases, Judge judge) {
        List<Result> results = run(dir, cases, judge);
        StringBuilder report = new StringBuilder();
        boolean failed = false;
        for (Result r : results) {
            boolean wrong = !r.verdict().contains(r.c().expect());
            boolean slow = r.minCpuMillis() >= BUDGET_MILLIS;
            failed |= wrong || slow;
            report.append(wrong ? "WRONG " : slow ? "SLOW  " : "ok    ").append(describe(r))
                    .append(wrong ? "\n        expected it to contain: " + r.c().expect() : "").append('\n');
        }
        System.out.print(report);
        if (failed) {
            throw new AssertionError("worst cases not judged as expected or not within " + BUDGET_MILLIS
                    + " ms:\n" + report);
        }
    }

    /** One line per result, for the benchmark and for failure messages. */
    public static String describe(Result r) {
        String v = r.verdict().length() > 160 ? r.verdict().substring(0, 157) + "..." : r.verdict();
        return String.format(java.util.Locale.ROOT, "%-38s %8d bytes %6d ms (cpu %5d ms)  %s", r.c().name(),
                r.bytes(), r.minMillis(), r.minCpuMillis(), v.replace('\n', ' '));
    }
}
