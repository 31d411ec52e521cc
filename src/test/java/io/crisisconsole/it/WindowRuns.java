package io.crisisconsole.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests of a started window (the jar's, the app image's) look for in its log, its processes and its cache. */
final class WindowRuns {

    /** How long a start may take on a loaded 2-core machine. */
    static final long START_BUDGET_SECONDS = 120;
    /** Generous: the jar ends in 5 to 7 s after the display dies or SIGTERM on a loaded 2-core machine. */
    static final long EXIT_BUDGET_SECONDS = 30;

    private WindowRuns() {
    }

    /** Waits until {@code log} holds {@code line}; fails (and ends the process) when it ends first or the budget is spent. */
    static void waitForLine(Process window, Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_BUDGET_SECONDS);
        while (!Files.readString(log).contains(line)) {
            if (!window.isAlive() || System.nanoTime() > deadline) {
                window.destroyForcibly();
                throw new AssertionError("no line " + line + "; log:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** The command lines of the process's children (the window process beside the watcher). */
    static List<String> childArguments(Process window) {
        return window.descendants().flatMap(h -> h.info().arguments().stream()).flatMap(Arrays::stream).toList();
    }

    /** The one file in {@code dir} matching {@code glob}, or null when there is none; fails when there are more. */
    static Path only(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
                s.forEach(found::add);
            }
        }
        assertThat(found).as("%s in %s", glob, dir).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Starts a window, its output to {@code log}. */
    interface Start {
        Process start(Path log) throws Exception;
    }

    /** What a test checks while the window of run 1 or 2 is open, after its views are ready. */
    interface WhileOpen {
        void check(int run, Process window, Path log) throws Exception;
    }

    /**
     * Starts the window twice on one data folder and cache folder ({@code cache}, where the AppCDS
     * archive goes): each time the frame is shown before the views are ready; the first run makes
     * the archive and the second maps it; each ends on SIGTERM with 143 and leaves one archive and no
     * part.
     */
    static void twoStartsMakeThenMapTheArchive(Path logs, Path cache, Start start, WhileOpen whileOpen)
            throws Exception {
        for (int run = 1; run <= 2; run++) {
            Path log = logs.resolve("window" + run + ".log");
            Process window = start.start(log);
            waitForLine(window, log, "STARTUP ready");
            String out = Files.readString(log);
            assertThat(out.indexOf("STARTUP window-shown")).as("the frame is shown before the views are ready; log:%n%s", out)
                    .isGreaterThanOrEqualTo(0).isLessThan(out.indexOf("STARTUP ready"));
            List<String> childArgs = childArguments(window);
            if (run == 1) {
                assertThat(childArgs).as("the first run makes the archive").anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
            } else {
                assertThat(childArgs).as("the second run maps it").contains("-XX:SharedArchiveFile="
                        + only(cache, "appcds-*.jsa"));
            }
            whileOpen.check(run, window, log);
            window.destroy(); // SIGTERM, as at logout or `kill PID`
            boolean ended = window.waitFor(EXIT_BUDGET_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                window.destroyForcibly();
            }
            assertThat(ended).as("run %d ended within %d s of SIGTERM; log:%n%s", run, EXIT_BUDGET_SECONDS,
                    Files.readString(log)).isTrue();
            assertThat(window.exitValue()).as("exit code of SIGTERM, run %d", run).isEqualTo(143);
            assertThat(only(cache, "appcds-*.jsa")).as("the archive, after run %d", run).isNotNull();
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no part left").noneMatch(n -> n.endsWith(".part"));
        }
    }
}
