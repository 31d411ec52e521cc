package io.crisisconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The benchmarks of issue 14.3, each in a JVM of its own (this one's java and class path, the heap
 * it needs), their output passed through as it comes with the benchmark's name in front, their
 * {@link BenchFigure} lines collected; at the end a Markdown table of every figure (also written to
 * {@code target/bench/figures.md}, or {@code -Dbench.out=FILE}). A benchmark that fails, times out or
 * prints no figure is reported so and makes the suite exit 1; a MISS is reported, not a failure; a
 * benchmark that cannot run here (no Xvfb, no jar) is skipped with the reason, and one whose class is
 * not on the class path is reported "not present".
 *
 * <p>Run: {@code mvn -B -Pbench verify -DskipTests} (see the README's "Benchmarks"). Options
 * (system properties): {@code -Dbench.quick=true} (or the argument {@code --quick}) for the short
 * version of each, {@code -Dbench.only=startup,inbox} for some of them.
 */
public final class BenchSuite {

    /** One benchmark: its name for {@code bench.only}, its main class, its heap, and why it cannot run here. */
    public record Bench(String name, String className, String heap, Supplier<Optional<String>> cannotRun) {

        static Bench of(String name, String className, String heap) {
            return new Bench(name, className, heap, Optional::empty);
        }

        /** Whether its class is on this JVM's class path (looked up as a file, not loaded). */
        public boolean present() {
            return BenchSuite.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
        }
    }

    /** The suite, in the order it runs. */
    public static final List<Bench> BENCHES = List.of(
            new Bench("startup", StartupBenchmark.class.getName(), "256m", StartupBenchmark::missing),
            // the lead's, from main: named, not referenced, so that the suite builds without it
            Bench.of("composer", "io.crisisconsole.bench.ComposerWindowBenchmark", "512m"),
            Bench.of("inbox", InboxBenchmark.class.getName(), "400m"),
            Bench.of("import", MentionReaderBenchmark.class.getName(), "256m"),
            Bench.of("review", ReviewExportBenchmark.class.getName(), "1g"));

    /** What became of one benchmark's run. */
    public enum Status {
        DONE("ran"), FAILED("failed"), NO_FIGURE("printed no figure"), TIMED_OUT("timed out"), SKIPPED("skipped"),
        NOT_PRESENT("not present");

        final String words;

        Status(String words) {
            this.words = words;
        }

        /** Whether the suite fails for it. */
        public boolean fails() {
            return this == FAILED || this == NO_FIGURE || this == TIMED_OUT;
        }
    }

    /** One benchmark's outcome: its figures, and for any but DONE the reason. */
    public record Result(Bench bench, Status status, String reason, List<BenchFigure> figures, Duration took) {
    }

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Benchmarks.quick(args);
        List<Bench> chosen;
        try {
            chosen = chosen(System.getProperty("bench.only", ""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench/figures.md"));
        long start = System.nanoTime();
        String loadBefore = load();
        List<Result> results = new ArrayList<>();
        for (Bench b : chosen) {
            System.out.printf(Locale.ROOT, "== %s (%s)%s, load average %s%n", b.name(), b.className(),
                    quick ? ", quick" : "", load());
            Result r = run(b, quick, Map.of(), line -> System.out.println("[" + b.name() + "] " + line));
            System.out.printf(Locale.ROOT, "== %s: %s%s in %s%n", b.name(), r.status().words,
                    r.reason().isEmpty() ? "" : " (" + r.reason() + ")", seconds(r.took()));
            results.add(r);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        String table = table(results, LocalDate.now().toString(), machine()) + "\n" + summary(results, total, quick,
                loadBefore, load());
        System.out.println();
        System.out.print(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out);
        System.exit(results.stream().anyMatch(r -> r.status().fails()) ? 1 : 0);
    }

    /** The benchmarks {@code only} names (comma-separated), in the suite's order; all when it is blank. */
    public static List<Bench> chosen(String only) {
        List<String> names = Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String n : names) {
            if (BENCHES.stream().noneMatch(b -> b.name().equals(n))) {
                throw new IllegalArgumentException("bench.only: no benchmark " + n + "; there are "
                        + BENCHES.stream().map(Bench::name).collect(Collectors.joining(", ")));
            }
        }
        return BENCHES.stream().filter(b -> names.isEmpty() || names.contains(b.name())).toList();
    }

    /** Why {@code b} is not run here (its class missing, or what it needs), if it is not. */
    public static Optional<Result> notRunnable(Bench b) {
        if (!b.present()) {
            return Optional.of(new Result(b, Status.NOT_PRESENT, "no class " + b.className(), List.of(), Duration.ZERO));
        }
        return b.cannotRun().get().map(why -> new Result(b, Status.SKIPPED, why, List.of(), Duration.ZERO));
    }

    /**
     * Runs {@code b} in a JVM of its own ({@code --quick} when asked, with {@code env} added to its
     * environment), handing each line it prints to {@code lines}; a run longer than 3 minutes quick,
     * 30 minutes full, is ended with what it started.
     */
    public static Result run(Bench b, boolean quick, Map<String, String> env, Consumer<String> lines)
            throws IOException, InterruptedException {
        Optional<Result> not = notRunnable(b);
        if (not.isPresent()) {
            return not.get();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + b.heap(), "-Dbench.quick=" + quick));
        for (String forwarded : List.of("crisisconsole.jar", "bench.data")) {
            if (System.getProperty(forwarded) != null) {
                command.add("-D" + forwarded + "=" + System.getProperty(forwarded));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), b.className()));
        if (quick) {
            command.add(Benchmarks.QUICK);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(quick ? 3 : 30, TimeUnit.MINUTES)) {
                    timedOut.set(true);
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog-" + b.name());
        watchdog.setDaemon(true);
        watchdog.start();
        List<BenchFigure> figures = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.accept(line);
                BenchFigure.parse(line).ifPresent(figures::add);
                tail.add(line);
                if (tail.size() > 5) {
                    tail.remove(0);
                }
            }
        }
        int exit = p.waitFor();
        watchdog.interrupt();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (timedOut.get()) {
            return new Result(b, Status.TIMED_OUT, "ended after " + seconds(took), figures, took);
        }
        if (exit != 0) {
            return new Result(b, Status.FAILED, "exit " + exit + ": " + String.join(" / ", tail), figures, took);
        }
        return figures.isEmpty() ? new Result(b, Status.NO_FIGURE, "no FIGURE line", figures, took)
                : new Result(b, Status.DONE, "", List.copyOf(figures), took);
    }

    /** The Markdown table: a row per figure, and a row for a benchmark that gave none. */
    public static String table(List<Result> results, String date, String machine) {
        StringBuilder t = new StringBuilder("| benchmark | figure | value | target | result | date | machine |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            for (BenchFigure f : r.figures()) {
                t.append(row(r.bench().name(), f.name(), BenchFigure.number(f.value()) + " " + f.unit(),
                        f.bound().sign + " " + BenchFigure.number(f.target()) + " " + f.unit(),
                        f.passes() ? "PASS" : "MISS", date, machine));
            }
            if (r.status() != Status.DONE) {
                t.append(row(r.bench().name(), "—", "—", "—", r.status().words + ": " + r.reason().replace("|", "\\|"),
                        date, machine));
            }
        }
        return t.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String summary(List<Result> results, Duration total, boolean quick, String loadBefore,
            String loadAfter) {
        return String.format(Locale.ROOT, "%s run, %s in all (%s); load average %s before, %s after%n",
                quick ? "Quick (short versions, smaller sizes)" : "Full", seconds(total),
                results.stream().map(r -> r.bench().name() + " " + seconds(r.took())).collect(Collectors.joining(", ")),
                loadBefore, loadAfter);
    }

    /** The machine as the table names it: cores and Java version. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }
}
