package io.crisisconsole.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.store.DataHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's window under a real X server (Xvfb): when the display dies, or the process is
 * sent SIGTERM, it ends within seconds, with a last backup and the store lock released. Skipped
 * (not failed) where Xvfb is not installed; {@code .ci/run} installs it where it can.
 */
class WindowLifecycleIT {

    /** Generous: the jar ends in 5 to 7 s after the display dies on a loaded 2-core machine. */
    private static final long EXIT_BUDGET_SECONDS = 30;

    @TempDir
    Path tmp;

    private Process xvfb;
    private String display;

    @BeforeEach
    void startXvfb() throws Exception {
        Path xvfbBinary = onPath("Xvfb");
        Assumptions.assumeTrue(xvfbBinary != null, "Xvfb is not installed (apt-get install xvfb xauth libgtk-3-0 libxtst6)");
        // -displayfd 1: Xvfb picks a free display number and writes it to its stdout once it listens
        xvfb = new ProcessBuilder(xvfbBinary.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        Assumptions.assumeTrue(number != null && number.strip().matches("\\d+"), "Xvfb did not start");
        display = ":" + number.strip();
    }

    @AfterEach
    void stopXvfb() throws InterruptedException {
        if (xvfb != null && xvfb.isAlive()) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void whenTheDisplayDiesTheAppBacksUpReleasesTheStoreAndExits() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(cli(data, "case", "create", "--title", "Power cut", "--severity", "2", "--author", "ola").exit())
                .isZero();
        Path log = tmp.resolve("window.log");
        Process window = startWindow(data, log);

        xvfb.destroy();
        long t0 = System.nanoTime();
        boolean ended = window.waitFor(EXIT_BUDGET_SECONDS, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!ended) {
            window.destroyForcibly();
        }
        assertThat(ended).as("the app ended within %d s of the display dying; log:%n%s", EXIT_BUDGET_SECONDS,
                Files.readString(log)).isTrue();
        System.out.println("display lost -> exit in " + ms + " ms");
        assertThat(window.exitValue()).as("exit code").isEqualTo(4);
        List<String> lost = Files.readAllLines(log).stream().filter(l -> l.contains("was lost")).toList();
        assertThat(lost).as("one line says the display was lost").hasSize(1);
        assertThat(lost.get(0)).contains("The display " + display + " was lost").contains("backed up");

        assertLockReleasedAndBackedUp(data);
    }

    @Test
    void sigtermBacksUpReleasesTheStoreAndExits() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(cli(data, "case", "create", "--title", "Flood", "--severity", "1", "--author", "ola").exit())
                .isZero();
        Path log = tmp.resolve("window.log");
        Process window = startWindow(data, log);

        window.destroy(); // SIGTERM, as at logout or `kill PID`
        boolean ended = window.waitFor(EXIT_BUDGET_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            window.destroyForcibly();
        }
        assertThat(ended).as("the app ended within %d s of SIGTERM; log:%n%s", EXIT_BUDGET_SECONDS,
                Files.readString(log)).isTrue();
        assertThat(window.exitValue()).as("exit code of SIGTERM").isEqualTo(143);
        assertThat(Files.readString(log)).contains("Stopping on SIGTERM").contains("Store closed");

        assertLockReleasedAndBackedUp(data);
    }

    private void assertLockReleasedAndBackedUp(Path data) throws Exception {
        Run list = cli(data, "case", "list");
        assertThat(list.exit()).as("a second process opens the store: " + list.err()).isZero();
        Run backups = cli(data, "backup", "--list");
        assertThat(backups.exit()).as(backups.err()).isZero();
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".ccbackup")).count())
                    .as("the last backup was written").isEqualTo(1);
        }
    }

    @Test
    void theWindowFrameComesFirstAndTheSecondStartMapsTheAppCdsArchive() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(cli(data, "case", "create", "--title", "Recall", "--severity", "2", "--author", "ola").exit()).isZero();
        Path cache = tmp.resolve("cache").resolve("crisis-console");
        for (int run = 1; run <= 2; run++) {
            Path log = tmp.resolve("window" + run + ".log");
            Process window = startWindow(data, log);
            waitForLine(window, log, "STARTUP ready");
            String out = Files.readString(log);
            assertThat(out.indexOf("STARTUP window-shown")).as("the frame is shown before the views are ready; log:%n%s", out)
                    .isGreaterThanOrEqualTo(0).isLessThan(out.indexOf("STARTUP ready"));
            List<String> childArgs = window.descendants().flatMap(h -> h.info().arguments().stream())
                    .flatMap(java.util.Arrays::stream).toList();
            if (run == 1) {
                assertThat(childArgs).as("the first run makes the archive").anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
            } else {
                assertThat(childArgs).as("the second run maps it").contains("-XX:SharedArchiveFile="
                        + only(cache, "appcds-*.jsa"));
            }
            window.destroy();
            assertThat(window.waitFor(EXIT_BUDGET_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(only(cache, "appcds-*.jsa")).as("the archive, after run %d", run).isNotNull();
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no part left").noneMatch(n -> n.endsWith(".part"));
        }
    }

    private static Path only(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
                s.forEach(found::add);
            }
        }
        assertThat(found).as("%s in %s", glob, dir).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void waitForLine(Process window, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains(line)) {
            if (!window.isAlive() || System.nanoTime() > deadline) {
                window.destroyForcibly();
                throw new AssertionError("no line " + line + "; log:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private Process startWindow(Path data, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-Dorg.slf4j.simpleLogger.log.io.crisisconsole=info",
                "-Dcrisisconsole.startup.marker=true", "-jar", jar(), "--data", data.toString());
        pb.environment().remove(DataHome.ENV_VAR);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // the AppCDS archive: not the user's
        pb.environment().put("DISPLAY", display);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process window = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("Window open on")) {
            if (!window.isAlive() || System.nanoTime() > deadline) {
                window.destroyForcibly();
                throw new AssertionError("the window did not open; log:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return window;
    }

    record Run(int exit, String out, String err) {
    }

    private Run cli(Path data, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar(), "--data", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(DataHome.ENV_VAR);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        return System.getProperty("crisisconsole.jar", "target/crisis-console.jar");
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
