package io.crisisconsole.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What the benchmarks share: the {@code --quick} switch of the suite's smoke run, timing a piece of
 * work a number of times after warm-up runs, percentiles by nearest rank, and sizes in figure names.
 */
public final class Benchmarks {

    /** The argument (or {@code -Dbench.quick=true}) that asks a benchmark for its short version. */
    public static final String QUICK = "--quick";

    private Benchmarks() {
    }

    /** Whether the short version is asked for: seconds instead of minutes, figures only roughly right. */
    public static boolean quick(String[] args) {
        return Boolean.getBoolean("bench.quick") || Arrays.asList(args).contains(QUICK);
    }

    /** The arguments without {@link #QUICK}, for a benchmark that also takes positional ones. */
    public static String[] withoutQuick(String[] args) {
        return Arrays.stream(args).filter(a -> !a.equals(QUICK)).toArray(String[]::new);
    }

    /** {@code full} normally, {@code quick} in the short version. */
    public static int size(String[] args, int full, int quick) {
        return quick(args) ? quick : full;
    }

    /** A count as a figure name says it: 15000 is {@code 15k}, 1500 is {@code 1.5k}, 200 is {@code 200}. */
    public static String count(int n) {
        if (n < 1000) {
            return Integer.toString(n);
        }
        return n % 1000 == 0 ? n / 1000 + "k" : String.format(Locale.ROOT, "%.1fk", n / 1000.0);
    }

    /** Work whose time is taken; it may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} {@code warmups} times untimed, then {@code runs} times timed. */
    public static Timings time(int warmups, int runs, Work work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ns[i] = System.nanoTime() - start;
        }
        return new Timings(ns);
    }

    /** {@link #time(int, int, Work)} for work that hands back a result (kept from the optimiser). */
    public static Timings time(int warmups, int runs, Callable<?> work) throws Exception {
        Object[] sink = new Object[1];
        return time(warmups, runs, () -> {
            sink[0] = work.call();
        });
    }

    /** The median of some values (the mean of the middle two of an even number). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Times of some runs, sorted; percentiles by nearest rank (the value at rank ⌈q·n⌉). */
    public record Timings(long[] sortedNanos) {

        public Timings {
            if (sortedNanos.length == 0) {
                throw new IllegalArgumentException("no runs");
            }
            sortedNanos = sortedNanos.clone();
            Arrays.sort(sortedNanos);
        }

        /** The time at quantile {@code q} (0 < q ≤ 1) in milliseconds. */
        public double ms(double q) {
            int rank = (int) Math.ceil(q * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
        }

        public double p50() {
            return ms(0.5);
        }

        public double p99() {
            return ms(0.99);
        }

        public double min() {
            return sortedNanos[0] / 1e6;
        }

        public double max() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        public int runs() {
            return sortedNanos.length;
        }
    }
}
