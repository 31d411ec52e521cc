package io.crisisconsole.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Time to the first window: the packaged jar ({@code java -jar target/crisis-console.jar}, window
 * process and all) against {@link BareFxWindow}, a bare JavaFX window that opens an H2 file,
 * alternating in one run on one X server (Xvfb), on a data folder with one case. Each run is timed
 * from the process start to its {@code STARTUP window-shown} line (the app prints it when
 * {@code -Dcrisisconsole.startup.marker=true}, from the shown window's first pulse, as the bare one
 * does); the app's {@code STARTUP ready} line (the store open, the views in place) is timed too.
 * The app is also run with {@code -Dcrisisconsole.cds=false} to measure what the AppCDS archive
 * gives. Figures: the median of the pairs' ratios, and the medians of each kind.
 *
 * <p>Run after {@code mvn -B package -DskipTests}: {@code java -cp
 * "target/test-classes:target/classes:$(cat target/cp.txt)" io.crisisconsole.bench.StartupBenchmark [PAIRS]}
 * (default 9; {@code -Dcrisisconsole.jar=FILE} for another jar; {@code --quick}: one pair, no
 * warm-up, no run without AppCDS). Needs Xvfb.
 */
public final class StartupBenchmark {

    static final double TARGET_RATIO = 1.3;

    private StartupBenchmark() {
    }

    /** The jar measured: {@code -Dcrisisconsole.jar=FILE}, else {@code target/crisis-console.jar}. */
    static Path jar() {
        return Path.of(System.getProperty("crisisconsole.jar", "target/crisis-console.jar")).toAbsolutePath();
    }

    /** Why this benchmark cannot run here (no Xvfb on the PATH, or no jar), if it cannot. */
    public static Optional<String> missing() {
        boolean xvfb = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "Xvfb")));
        if (!xvfb) {
            return Optional.of("no Xvfb on the PATH");
        }
        if (!Files.isRegularFile(jar())) {
            return Optional.of(jar() + " is missing: build it first with mvn -B package -DskipTests");
        }
        return Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Benchmarks.quick(args);
        String[] rest = Benchmarks.withoutQuick(args);
        int pairs = rest.length > 0 ? Integer.parseInt(rest[0]) : quick ? 1 : 9;
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            throw new IllegalStateException(missing.get());
        }
        Path jar = jar();
        Path work = Files.createTempDirectory("startup-bench");
        Path data = work.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            String display = ":" + number.strip();
            // one case in the data folder (this also runs the migrations and imports the bundled playbooks)
            run(new ProcessBuilder(java, "-jar", jar.toString(), "--data", data.toString(), "case", "create",
                    "--title", "Checkout outage"), Map.of());
            List<String> app = List.of(java, "-Dcrisisconsole.startup.marker=true", "-jar", jar.toString(), "--data",
                    data.toString());
            List<String> appNoCds = List.of(java, "-Dcrisisconsole.startup.marker=true", "-Dcrisisconsole.cds=false",
                    "-jar", jar.toString(), "--data", data.toString());
            List<String> bare = List.of(java, "-cp", System.getProperty("java.class.path"),
                    BareFxWindow.class.getName(), work.resolve("bare").toString());
            // warm-up: the file cache, the first start's AppCDS archive, the bare store's creation
            // (none in the short version: its first app run makes the archive, so its figure is rough)
            for (int i = 0; i < (quick ? 0 : 2); i++) {
                time(app, display);
                time(bare, display);
            }
            double[] ratio = new double[pairs];
            double[] appMs = new double[pairs];
            double[] readyMs = new double[pairs];
            double[] bareMs = new double[pairs];
            double[] noCdsMs = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                // alternate which goes first, so a drift in the machine's load falls on both
                double[] a;
                double b;
                if (i % 2 == 0) {
                    a = time(app, display);
                    b = time(bare, display)[0];
                } else {
                    b = time(bare, display)[0];
                    a = time(app, display);
                }
                noCdsMs[i] = quick ? Double.NaN : time(appNoCds, display)[0];
                appMs[i] = a[0];
                readyMs[i] = a[1];
                bareMs[i] = b;
                ratio[i] = a[0] / b;
                System.out.printf(Locale.ROOT, "pair %d: app %.0f ms (ready %.0f ms), bare %.0f ms, ratio %.2f;"
                        + " app without AppCDS %.0f ms%n", i + 1, a[0], a[1], b, ratio[i], noCdsMs[i]);
            }
            double r = Benchmarks.median(ratio);
            System.out.printf(Locale.ROOT, "median of %d pairs: app %.0f ms, ready %.0f ms, bare %.0f ms,"
                    + " without AppCDS %.0f ms%n", pairs, Benchmarks.median(appMs), Benchmarks.median(readyMs),
                    Benchmarks.median(bareMs), Benchmarks.median(noCdsMs));
            BenchFigure.atMost("startup.ratio", r, "x", TARGET_RATIO).print();
            BenchFigure.atMost("startup.first-window", Benchmarks.median(appMs), "ms",
                    TARGET_RATIO * Benchmarks.median(bareMs)).print();
            System.out.printf(Locale.ROOT, "startup.bare-window %.0f ms; startup.ready %.0f ms;"
                    + " startup.first-window-without-appcds %.0f ms%n", Benchmarks.median(bareMs),
                    Benchmarks.median(readyMs), Benchmarks.median(noCdsMs));
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code command}, returns ms to its window-shown line and to its ready line (or the first), then ends it. */
    private static double[] time(List<String> command, String display) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        long start = System.nanoTime();
        Process p = pb.start();
        double shown = -1;
        double ready = -1;
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean bare = command.contains(BareFxWindow.class.getName());
            while ((line = out.readLine()) != null) {
                double ms = (System.nanoTime() - start) / 1e6;
                if (line.startsWith("STARTUP window-shown") && shown < 0) {
                    shown = ms;
                    if (bare) {
                        break;
                    }
                } else if (line.startsWith("STARTUP ready")) {
                    ready = ms;
                    break;
                } else if (seen.size() < 40) {
                    seen.add(line);
                }
            }
            if (shown < 0) {
                throw new IllegalStateException("no window from " + command + "; it printed: " + seen);
            }
            p.destroy(); // SIGTERM: the app backs up and closes its store; wait, its lock must be free for the next
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            // drain what it printed while closing (the stream may be closed with the process)
            try {
                while (out.readLine() != null) {
                    // nothing
                }
            } catch (IOException closed) {
                // gone with the process
            }
        }
        return new double[] {shown, ready < 0 ? shown : ready};
    }

    private static void run(ProcessBuilder pb, Map<String, String> env) throws IOException, InterruptedException {
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(pb.command() + " ended with " + p.exitValue());
        }
    }
}
