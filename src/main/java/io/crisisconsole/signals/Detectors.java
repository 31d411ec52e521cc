package io.crisisconsole.signals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The escalation detectors, as pure functions over pre-aggregated 15-minute buckets (oldest first,
 * the last one the bucket in progress). No store, no clock: the numbers in, what is met out.
 *
 * <p><b>Mention spike</b>: a bucket is <em>elevated</em> when it holds at least
 * {@value #SPIKE_MIN_COUNT} mentions and the Poisson upper tail P(X &ge; count) at the baseline
 * rate is below {@value #SPIKE_ALPHA}. The baseline rate is the mean of up to
 * {@value #BASELINE_BUCKETS} earlier buckets (24 hours) that were not elevated themselves, so a spike
 * does not become its own baseline; at least {@value #MIN_BASELINE_BUCKETS} such buckets (an hour)
 * are needed, and the rate is at least {@value #MIN_BASELINE_RATE} (an empty past does not make
 * every mention a spike). Poisson because mentions are counts of independent arrivals; the mean is
 * its maximum-likelihood rate. A spike <em>fires</em> at an elevated bucket that follows more than
 * {@value #COOL_DOWN_BUCKETS} buckets (an hour) without one: a wave lasting three hours fires once,
 * not twelve times.
 *
 * <p><b>Negative share spike</b>: the share of negative among the mentions with a known sentiment
 * in a bucket against the baseline share of the same earlier buckets (up to
 * {@value #BASELINE_BUCKETS}, not elevated, at least {@value #MIN_BASELINE_BUCKETS} and
 * {@value #NEGATIVE_MIN_COUNT} mentions with a sentiment in them). Elevated when the bucket has at
 * least {@value #NEGATIVE_MIN_COUNT} mentions with a sentiment, its share is at least
 * {@value #NEGATIVE_MIN_RISE} above the baseline share, and the one-sided binomial z-score
 * (share - p0) / sqrt(p0 (1 - p0) / n) is at least {@value #NEGATIVE_Z} (p &lt; 0.001), with p0
 * kept within {@value #MIN_BASELINE_SHARE} and 1 - {@value #MIN_BASELINE_SHARE}. The same
 * cool-down applies.
 */
public final class Detectors {

    public static final Duration BUCKET = Duration.ofMinutes(15);
    public static final Duration HOUR = Duration.ofHours(1);
    public static final int SPIKE_MIN_COUNT = 20;
    public static final double SPIKE_ALPHA = 0.001;
    public static final int BASELINE_BUCKETS = 96;
    public static final int MIN_BASELINE_BUCKETS = 4;
    public static final double MIN_BASELINE_RATE = 0.5;
    public static final int COOL_DOWN_BUCKETS = 4;
    public static final int NEGATIVE_MIN_COUNT = 20;
    public static final double NEGATIVE_MIN_RISE = 0.15;
    public static final double NEGATIVE_Z = 3.09;
    public static final double MIN_BASELINE_SHARE = 0.05;
    /** A spike is current while its latest elevated bucket is the one in progress or the one before. */
    public static final int CURRENT_BUCKETS = 2;

    private Detectors() {
    }

    /**
     * An elevated bucket.
     *
     * @param bucket its index; {@code count} its mentions; {@code baseline} the baseline rate per bucket
     * @param pValue P(X &ge; count) at the baseline rate
     * @param fired whether it starts a spike (no elevated bucket in the cool-down before it)
     */
    public record Spike(int bucket, long count, double baseline, double pValue, boolean fired) {
    }

    /** As {@link Spike}, for the negative share: {@code negative} of {@code withSentiment}, against {@code baselineShare}. */
    public record NegativeSpike(int bucket, long negative, long withSentiment, double share, double baselineShare,
            double z, boolean fired) {
    }

    /** Every elevated bucket of {@code counts}, in order (see the class comment). */
    public static List<Spike> spikes(long[] counts) {
        List<Spike> out = new ArrayList<>();
        boolean[] elevated = new boolean[counts.length];
        int lastElevated = Integer.MIN_VALUE / 2;
        for (int i = 0; i < counts.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = i - 1; j >= 0 && j >= i - BASELINE_BUCKETS; j--) {
                if (!elevated[j]) {
                    sum += counts[j];
                    n++;
                }
            }
            if (n < MIN_BASELINE_BUCKETS || counts[i] < SPIKE_MIN_COUNT) {
                continue;
            }
            double rate = Math.max(MIN_BASELINE_RATE, sum / n);
            double p = poissonUpperTail(counts[i], rate);
            if (p < SPIKE_ALPHA) {
                elevated[i] = true;
                out.add(new Spike(i, counts[i], sum / n, p, i - lastElevated > COOL_DOWN_BUCKETS));
                lastElevated = i;
            }
        }
        return out;
    }

    /** The latest elevated bucket when it is one of the last {@value #CURRENT_BUCKETS}; empty otherwise. */
    public static Optional<Spike> currentSpike(long[] counts) {
        List<Spike> all = spikes(counts);
        return all.isEmpty() || all.get(all.size() - 1).bucket() < counts.length - CURRENT_BUCKETS ? Optional.empty()
                : Optional.of(all.get(all.size() - 1));
    }

    /** Every bucket whose negative share is elevated (see the class comment); both arrays are per bucket. */
    public static List<NegativeSpike> negativeSpikes(long[] negative, long[] withSentiment) {
        if (negative.length != withSentiment.length) {
            throw new IllegalArgumentException("one negative count and one count with a sentiment per bucket");
        }
        List<NegativeSpike> out = new ArrayList<>();
        boolean[] elevated = new boolean[negative.length];
        int lastElevated = Integer.MIN_VALUE / 2;
        for (int i = 0; i < negative.length; i++) {
            long neg = 0;
            long all = 0;
            int n = 0;
            for (int j = i - 1; j >= 0 && j >= i - BASELINE_BUCKETS; j--) {
                if (!elevated[j]) {
                    neg += negative[j];
                    all += withSentiment[j];
                    n++;
                }
            }
            long size = withSentiment[i];
            if (n < MIN_BASELINE_BUCKETS || all < NEGATIVE_MIN_COUNT || size < NEGATIVE_MIN_COUNT) {
                continue;
            }
            double base = (double) neg / all;
            double p0 = Math.min(1 - MIN_BASELINE_SHARE, Math.max(MIN_BASELINE_SHARE, base));
            double share = (double) negative[i] / size;
            double z = (share - p0) / Math.sqrt(p0 * (1 - p0) / size);
            if (share - base >= NEGATIVE_MIN_RISE && z >= NEGATIVE_Z) {
                elevated[i] = true;
                out.add(new NegativeSpike(i, negative[i], size, share, base, z, i - lastElevated > COOL_DOWN_BUCKETS));
                lastElevated = i;
            }
        }
        return out;
    }

    /** As {@link #currentSpike}, for the negative share. */
    public static Optional<NegativeSpike> currentNegativeSpike(long[] negative, long[] withSentiment) {
        List<NegativeSpike> all = negativeSpikes(negative, withSentiment);
        return all.isEmpty() || all.get(all.size() - 1).bucket() < negative.length - CURRENT_BUCKETS
                ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * P(X &ge; k) for X Poisson with mean {@code rate}: the terms from k upwards, each from the one
     * before (p(i+1) = p(i) rate / (i+1)), the first in logarithms (k ln rate - rate - ln k!), summed
     * until they no longer change the sum. 1 for k &le; 0.
     */
    public static double poissonUpperTail(long k, double rate) {
        if (k <= 0) {
            return 1;
        }
        if (rate <= 0) {
            return 0;
        }
        if (k <= rate) {
            // the upper tail holds at least about half the mass here: from the lower side, exactly
            double term = Math.exp(-rate);
            double below = 0;
            for (long i = 0; i < k; i++) {
                below += term;
                term = term * rate / (i + 1);
            }
            return Math.max(0, Math.min(1, 1 - below));
        }
        double term = Math.exp(k * Math.log(rate) - rate - logFactorial(k));
        double sum = 0;
        for (long i = k; term > 0 && term > sum * 1e-17; i++) {
            sum += term;
            term = term * rate / (i + 1);
        }
        return Math.min(1, sum);
    }

    /** ln n!: summed exactly up to 256, Stirling's series beyond (error below 1e-12). */
    static double logFactorial(long n) {
        if (n < 2) {
            return 0;
        }
        if (n <= 256) {
            double s = 0;
            for (long i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
