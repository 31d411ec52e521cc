package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.bench.BenchSuite.Bench;
import io.crisisconsole.bench.BenchSuite.Result;
import io.crisisconsole.bench.BenchSuite.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short version ({@code --quick}) of every benchmark of {@link BenchSuite}, in {@code mvn -B
 * verify}: each runs in a JVM of its own as the suite runs it and must end well and print at least
 * one figure line that reads back. Whether a figure passes is not checked: that depends on the
 * machine. An integration test (failsafe), because the start-up benchmark measures the packaged
 * jar; it is skipped where there is no Xvfb or jar, as a benchmark whose class is absent.
 */
class BenchSmokeIT {

    @TempDir
    Path tmp;

    static Stream<String> benches() {
        return BenchSuite.BENCHES.stream().map(Bench::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benches")
    void theShortVersionPrintsItsFigures(String name) throws Exception {
        Bench b = BenchSuite.chosen(name).get(0);
        Optional<Result> not = BenchSuite.notRunnable(b);
        Assumptions.assumeTrue(not.isEmpty(), () -> name + ": " + not.get().status().words + ", " + not.get().reason());
        List<String> lines = new ArrayList<>();
        // the start-up benchmark's AppCDS archive goes into a cache folder of the test's, not the user's
        Result r = BenchSuite.run(b, true, Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()), lines::add);

        assertThat(r.status()).as("%s: %s\n%s", name, r.reason(), String.join("\n", lines)).isEqualTo(Status.DONE);
        assertThat(r.figures()).isNotEmpty();
        assertThat(lines.stream().filter(l -> l.startsWith("FIGURE "))).allMatch(l -> BenchFigure.parse(l).isPresent());
    }
}
