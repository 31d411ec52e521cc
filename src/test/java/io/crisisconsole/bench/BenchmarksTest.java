package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarksTest {

    @Test
    void percentilesAreByNearestRank() {
        long[] ns = new long[200];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = (200 - i) * 1_000_000L; // 200 ms down to 1 ms, unsorted
        }
        Benchmarks.Timings t = new Benchmarks.Timings(ns);
        assertThat(t.p50()).isEqualTo(100.0); // rank 100 of 200
        assertThat(t.p99()).isEqualTo(198.0); // rank 198
        assertThat(t.min()).isEqualTo(1.0);
        assertThat(t.max()).isEqualTo(200.0);
        assertThat(new Benchmarks.Timings(new long[] {7_000_000}).p99()).isEqualTo(7.0);
    }

    @Test
    void timingRunsTheWarmUpsAndTimesTheRest() throws Exception {
        int[] calls = {0};
        Benchmarks.Timings t = Benchmarks.time(3, 5, () -> calls[0]++);
        assertThat(calls[0]).isEqualTo(8);
        assertThat(t.runs()).isEqualTo(5);
    }

    @Test
    void quickIsTheArgumentAndIsTakenOutOfPositionalOnes() {
        assertThat(Benchmarks.quick(new String[] {"5", "--quick"})).isTrue();
        assertThat(Benchmarks.quick(new String[] {"5"})).isFalse();
        assertThat(Benchmarks.withoutQuick(new String[] {"--quick", "5"})).containsExactly("5");
        assertThat(Benchmarks.size(new String[] {"--quick"}, 15_000, 1_500)).isEqualTo(1_500);
    }

    @Test
    void countsAreShortInFigureNames() {
        assertThat(Benchmarks.count(15_000)).isEqualTo("15k");
        assertThat(Benchmarks.count(1_500)).isEqualTo("1.5k");
        assertThat(Benchmarks.count(200)).isEqualTo("200");
        assertThat(Benchmarks.count(200_000)).isEqualTo("200k");
    }

    @Test
    void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Benchmarks.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Benchmarks.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    }
}
