package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.bench.BenchSuite.Bench;
import io.crisisconsole.bench.BenchSuite.Result;
import io.crisisconsole.bench.BenchSuite.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSuiteTest {

    /** A benchmark that prints some output, a figure that passes and one that misses. */
    public static final class Measures {
        public static void main(String[] args) {
            System.out.println("quick: " + Benchmarks.quick(args) + ", property " + Boolean.getBoolean("bench.quick"));
            BenchFigure.atMost("fake.fast", 3, "ms", 16).print();
            BenchFigure.atMost("fake.slow", 30, "ms", 16).print();
        }
    }

    public static final class PrintsNothing {
        public static void main(String[] args) {
            System.out.println("measured, but forgot the figure");
        }
    }

    public static final class Throws {
        public static void main(String[] args) {
            BenchFigure.atMost("fake.partial", 1, "ms", 16).print();
            throw new IllegalStateException("the store would not open");
        }
    }

    private static Bench bench(Class<?> main) {
        return Bench.of(main.getSimpleName().toLowerCase(), main.getName(), "64m");
    }

    private static Result run(Bench b, boolean quick, List<String> lines) throws Exception {
        return BenchSuite.run(b, quick, Map.of(), lines::add);
    }

    @Test
    void aBenchmarkRunsInAJvmOfItsOwnAndItsFiguresAreCollected() throws Exception {
        List<String> lines = new ArrayList<>();
        Result r = run(bench(Measures.class), true, lines);

        assertThat(r.status()).isEqualTo(Status.DONE);
        assertThat(r.figures()).extracting(BenchFigure::name).containsExactly("fake.fast", "fake.slow");
        assertThat(r.figures()).extracting(BenchFigure::passes).containsExactly(true, false);
        assertThat(lines).contains("quick: true, property true");
        assertThat(r.status().fails()).as("a MISS is not a failure of the suite").isFalse();
    }

    @Test
    void withoutQuickTheBenchmarkIsNotAskedForItsShortVersion() throws Exception {
        List<String> lines = new ArrayList<>();
        run(bench(Measures.class), false, lines);
        assertThat(lines).contains("quick: false, property false");
    }

    @Test
    void aBenchmarkThatPrintsNoFigureOrFailsFailsTheSuite() throws Exception {
        Result silent = run(bench(PrintsNothing.class), true, new ArrayList<>());
        assertThat(silent.status()).isEqualTo(Status.NO_FIGURE);
        assertThat(silent.status().fails()).isTrue();

        Result thrown = run(bench(Throws.class), true, new ArrayList<>());
        assertThat(thrown.status()).isEqualTo(Status.FAILED);
        assertThat(thrown.status().fails()).isTrue();
        assertThat(thrown.reason()).startsWith("exit 1").contains("the store would not open");
        assertThat(thrown.figures()).extracting(BenchFigure::name).containsExactly("fake.partial");
    }

    @Test
    void aMissingClassIsNotPresentAndAMissingNeedIsSkippedWithItsReason() throws Exception {
        Result absent = run(Bench.of("gone", "io.crisisconsole.bench.NoSuchBenchmark", "64m"), true, new ArrayList<>());
        assertThat(absent.status()).isEqualTo(Status.NOT_PRESENT);
        assertThat(absent.reason()).contains("io.crisisconsole.bench.NoSuchBenchmark");

        Bench needsX = new Bench("needs-x", Measures.class.getName(), "64m", () -> Optional.of("no Xvfb on the PATH"));
        Result skipped = run(needsX, true, new ArrayList<>());
        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.reason()).isEqualTo("no Xvfb on the PATH");
        assertThat(List.of(absent, skipped)).noneMatch(r -> r.status().fails());
    }

    @Test
    void onlyPicksBenchmarksByNameInTheSuitesOrderAndRefusesAnUnknownOne() {
        assertThat(BenchSuite.chosen("")).isEqualTo(BenchSuite.BENCHES);
        List<String> names = BenchSuite.BENCHES.stream().map(Bench::name).toList();
        String last = names.get(names.size() - 1);
        String first = names.get(0);
        assertThat(BenchSuite.chosen(last + ", " + first)).extracting(Bench::name).containsExactly(first, last);
        assertThatThrownBy(() -> BenchSuite.chosen("inbx")).hasMessageContaining("inbx").hasMessageContaining(first);
    }

    @Test
    void theTableHasARowPerFigureAndOneForABenchmarkWithoutFigures() {
        Bench a = bench(Measures.class);
        Bench b = Bench.of("gone", "x.Y", "64m");
        String table = BenchSuite.table(List.of(
                new Result(a, Status.DONE, "", List.of(BenchFigure.atMost("fake.fast", 3, "ms", 16),
                        BenchFigure.atLeast("fake.rate", 1.5, "x", 2)), Duration.ofSeconds(1)),
                new Result(b, Status.FAILED, "exit 1: a|b", List.of(), Duration.ofSeconds(1))), "2026-12-03",
                "2 cores, Java 17");

        assertThat(table.lines().toList()).containsExactly(
                "| benchmark | figure | value | target | result | date | machine |",
                "| --- | --- | --- | --- | --- | --- | --- |",
                "| measures | fake.fast | 3.00 ms | <= 16.0 ms | PASS | 2026-12-03 | 2 cores, Java 17 |",
                "| measures | fake.rate | 1.50 x | >= 2.00 x | MISS | 2026-12-03 | 2 cores, Java 17 |",
                "| gone | — | — | — | failed: exit 1: a\\|b | 2026-12-03 | 2 cores, Java 17 |");
    }
}
