package io.crisisconsole.signals;

import io.crisisconsole.playbooks.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which signals of one threshold the figures meet, and at what level. Pure: no store, no clock.
 *
 * <p>Levels, so that an accepted threshold prompts again only when things got worse: mentions per
 * hour and duration count whole multiples of the threshold (100 an hour: level 1 from 100, 2 from
 * 200); a spike doubles per level from {@value Detectors#SPIKE_MIN_COUNT} mentions in the bucket
 * (20-39: 1, 40-79: 2, ...); a negative share counts tenths (0.62: 6); media inquiries count
 * the inquiries not yet handled.
 */
public final class ThresholdCheck {

    private ThresholdCheck() {
    }

    /** What of {@code t} is met by {@code f}; empty when nothing (or when {@code t} is prose only). */
    public static List<Met> check(Playbook.EscalationThreshold t, CaseFigures f) {
        List<Met> met = new ArrayList<>();
        if (t.mentionsPerHour() != null && f.mentionsLastHour() >= t.mentionsPerHour()) {
            met.add(new Met(Signal.MENTIONS_PER_HOUR, f.mentionsLastHour(), t.mentionsPerHour(),
                    (int) Math.min(Integer.MAX_VALUE, f.mentionsLastHour() / t.mentionsPerHour())));
        }
        if (Boolean.TRUE.equals(t.spike())) {
            Optional<Detectors.Spike> s = Detectors.currentSpike(f.counts());
            s.ifPresent(x -> met.add(new Met(Signal.SPIKE, x.count(), x.baseline(), spikeLevel(x.count()))));
        }
        if (Boolean.TRUE.equals(t.negativeShareSpike())) {
            Detectors.currentNegativeSpike(f.negative(), f.withSentiment()).ifPresent(x -> met.add(new Met(
                    Signal.NEGATIVE_SHARE_SPIKE, x.share(), x.baselineShare(), Math.max(1, (int) (x.share() * 10)))));
        }
        if (t.durationMinutes() != null && f.open() != null && f.open().toMinutes() >= t.durationMinutes()) {
            long minutes = f.open().toMinutes();
            met.add(new Met(Signal.DURATION, minutes, t.durationMinutes(), (int) (minutes / t.durationMinutes())));
        }
        if (Boolean.TRUE.equals(t.mediaInquiry()) && f.unhandledMediaInquiries() > 0) {
            met.add(new Met(Signal.MEDIA_INQUIRY, f.unhandledMediaInquiries(), 1, f.unhandledMediaInquiries()));
        }
        return List.copyOf(met);
    }

    /** 1 for 20-39 mentions in the bucket, 2 for 40-79, 3 for 80-159, ... */
    static int spikeLevel(long count) {
        int level = 1;
        for (long c = count / Detectors.SPIKE_MIN_COUNT; c >= 2; c /= 2) {
            level++;
        }
        return level;
    }
}
