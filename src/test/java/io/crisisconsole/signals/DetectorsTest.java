package io.crisisconsole.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crisisconsole.playbooks.Playbook;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detectors with known numbers; expected values are worked out here, another way. */
class DetectorsTest {

    /** P(X >= k) by summing the probabilities below k from p(0) = e^-rate upwards, in BigDecimal-free plain doubles. */
    static double tailFromBelow(int k, double rate) {
        double p = Math.exp(-rate);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += p;
            p = p * rate / (i + 1);
        }
        return 1 - below;
    }

    @Test
    void thePoissonTailMatchesHandWorkedValues() {
        // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
        assertThat(Detectors.poissonUpperTail(3, 1.0)).isCloseTo(1 - 2.5 / Math.E, within(1e-12));
        // P(X >= 1 | 2) = 1 - e^-2
        assertThat(Detectors.poissonUpperTail(1, 2.0)).isCloseTo(1 - Math.exp(-2), within(1e-12));
        assertThat(Detectors.poissonUpperTail(0, 5.0)).isEqualTo(1.0);
        for (int[] c : new int[][] {{30, 10}, {25, 12}, {18, 4}, {8, 10}, {60, 30}}) {
            assertThat(Detectors.poissonUpperTail(c[0], c[1])).as("P(X >= %d | %d)", c[0], c[1])
                    .isCloseTo(tailFromBelow(c[0], c[1]), within(1e-10));
        }
        // far in the tail, where 1 - CDF loses every digit: P(X >= 40 | 10) = sum of terms from 40, the first
        // e^-10 10^40 / 40! dominating
        double first = Math.exp(-10 + 40 * Math.log(10) - lnFactorial(40));
        assertThat(Detectors.poissonUpperTail(40, 10)).isBetween(first, first * 1.5);
        // big counts: Stirling beyond 256 against a plain sum of logarithms
        assertThat(Detectors.logFactorial(1000)).isCloseTo(lnFactorial(1000), within(1e-8));
    }

    static double lnFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    @Test
    void aSpikeFiresOnceAndTheCoolDownHoldsTheNextBuckets() {
        long[] counts = {10, 12, 8, 11, 9, 10, 40, 38, 10, 9, 10, 11, 10, 45};
        List<Detectors.Spike> spikes = Detectors.spikes(counts);
        assertThat(spikes).extracting(Detectors.Spike::bucket).containsExactly(6, 7, 13);
        assertThat(spikes).extracting(Detectors.Spike::fired).containsExactly(true, false, true);
        // the baseline of bucket 6 is the mean of 0..5; bucket 7 leaves the elevated 6 out; 13 leaves 6 and 7 out
        assertThat(spikes.get(0).baseline()).isCloseTo((10 + 12 + 8 + 11 + 9 + 10) / 6.0, within(1e-12));
        assertThat(spikes.get(1).baseline()).isCloseTo(60 / 6.0, within(1e-12));
        assertThat(spikes.get(2).baseline()).isCloseTo((60 + 10 + 9 + 10 + 11 + 10) / 11.0, within(1e-12));
        assertThat(spikes.get(0).pValue()).isCloseTo(Detectors.poissonUpperTail(40, 10), within(1e-20));
        assertThat(Detectors.currentSpike(counts)).hasValueSatisfying(s -> assertThat(s.bucket()).isEqualTo(13));
    }

    @Test
    void smallCountsAndAShortPastAreNoSpike() {
        // five mentions after an empty hour: very unlikely at the floor rate 0.5, but under the minimum of 20
        assertThat(Detectors.poissonUpperTail(5, 0.5)).isLessThan(Detectors.SPIKE_ALPHA);
        assertThat(Detectors.spikes(new long[] {0, 0, 0, 0, 0, 5})).isEmpty();
        // 50 mentions with only three buckets before: no baseline yet
        assertThat(Detectors.spikes(new long[] {1, 2, 1, 50})).isEmpty();
        assertThat(Detectors.spikes(new long[] {1, 2, 1, 2, 50})).extracting(Detectors.Spike::bucket).containsExactly(4);
        // 20 mentions against a usual 15: P(X >= 20 | 15) is about 0.12, nothing unusual
        assertThat(Detectors.spikes(new long[] {15, 15, 15, 15, 20})).isEmpty();
        // an old spike is not a current one
        assertThat(Detectors.currentSpike(new long[] {1, 2, 1, 2, 50, 2, 1})).isEmpty();
        assertThat(Detectors.currentSpike(new long[] {1, 2, 1, 2, 50, 2})).isPresent();
    }

    @Test
    void theNegativeShareSpikesOnItsOwn() {
        // a steady 20% negative of 40 a quarter, then 24 of 40 (60%) at the same volume
        long[] known = {40, 40, 40, 40, 40};
        long[] negative = {8, 8, 8, 8, 24};
        List<Detectors.NegativeSpike> spikes = Detectors.negativeSpikes(negative, known);
        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.bucket()).isEqualTo(4);
            assertThat(s.share()).isCloseTo(0.6, within(1e-12));
            assertThat(s.baselineShare()).isCloseTo(0.2, within(1e-12));
            // z = (0.6 - 0.2) / sqrt(0.2 * 0.8 / 40) = 0.4 / 0.063245...
            assertThat(s.z()).isCloseTo(0.4 / Math.sqrt(0.16 / 40), within(1e-9));
            assertThat(s.fired()).isTrue();
        });
        // the volume is no spike
        assertThat(Detectors.spikes(known)).isEmpty();
        // 12 of 19 is a high share but under the minimum of 20 with a sentiment
        assertThat(Detectors.negativeSpikes(new long[] {8, 8, 8, 8, 12}, new long[] {40, 40, 40, 40, 19})).isEmpty();
        // 14 of 40 (35%, z about 2.37) is not enough
        assertThat(Detectors.negativeSpikes(new long[] {8, 8, 8, 8, 14}, known)).isEmpty();
    }

    @Test
    void theThresholdSaysWhatIsMetAndHowFar() {
        Playbook.EscalationThreshold t = new Playbook.EscalationThreshold("More than 100 an hour, or 2 hours.", 1,
                List.of("lead"), 100, true, null, 120, true);
        CaseFigures quiet = new CaseFigures(99, new long[] {1, 2, 1, 2, 3}, new long[5], new long[5],
                Duration.ofMinutes(119), 0);
        assertThat(ThresholdCheck.check(t, quiet)).isEmpty();
        CaseFigures busy = new CaseFigures(242, new long[] {1, 2, 1, 2, 90}, new long[5], new long[5],
                Duration.ofMinutes(250), 2);
        assertThat(ThresholdCheck.check(t, busy)).containsExactly(
                new Met(Signal.MENTIONS_PER_HOUR, 242, 100, 2),
                new Met(Signal.SPIKE, 90, 1.5, 3),
                new Met(Signal.DURATION, 250, 120, 2),
                new Met(Signal.MEDIA_INQUIRY, 2, 1, 2));
        assertThat(ThresholdCheck.check(t, new CaseFigures(500, new long[0], new long[0], new long[0], null, 0)))
                .as("a resolved case is not running long").extracting(Met::signal)
                .containsExactly(Signal.MENTIONS_PER_HOUR);
        assertThat(ThresholdCheck.check(new Playbook.EscalationThreshold("Prose only.", 1, List.of()), busy)).isEmpty();
        assertThat(List.of(19L, 20L, 39L, 40L, 79L, 80L, 160L).stream().map(ThresholdCheck::spikeLevel))
                .containsExactly(1, 1, 1, 2, 2, 3, 4);
    }
}
