package io.crisisconsole.workspace;

import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The update rhythm per channel the team published on: the gaps between publications in the
 * playbook's update window against its update interval. Read by the exercise score and the review
 * report.
 */
public final class UpdateRhythm {

    private UpdateRhythm() {
    }

    /**
     * One channel's rhythm.
     *
     * @param intervalMinutes the playbook's update interval
     * @param longestGapMinutes the longest time without an update in the window (to the next
     *        publication, or to {@code now} / the window's end for the last one), null with one
     *        publication and no window left
     * @param late gaps longer than the interval
     * @param kept no gap longer than the interval
     */
    public record ChannelRhythm(Channel channel, int publications, int intervalMinutes, Long longestGapMinutes,
            int late, boolean kept) {
    }

    /**
     * The rhythm of each channel of {@code publications} (in channel order), in the window of
     * {@code p}'s update interval from {@code start}, up to {@code now} while the window lasts;
     * empty without a playbook.
     */
    public static List<ChannelRhythm> of(Playbook p, List<DraftPublication> publications, Instant start,
            Instant now) {
        if (p == null || start == null) {
            return List.of();
        }
        int interval = p.when().slas().updateIntervalMinutes();
        Instant windowEnd = start.plus(Duration.ofMinutes(p.when().slas().updateIntervalAppliesForMinutes()));
        Map<Channel, List<Instant>> byChannel = new EnumMap<>(Channel.class);
        for (DraftPublication x : publications) {
            byChannel.computeIfAbsent(x.channel(), k -> new ArrayList<>()).add(x.publishedAt());
        }
        List<ChannelRhythm> out = new ArrayList<>();
        for (Map.Entry<Channel, List<Instant>> en : byChannel.entrySet()) {
            List<Instant> times = en.getValue().stream().sorted().toList();
            Instant until = now.isBefore(windowEnd) ? now : windowEnd;
            Long longest = null;
            int late = 0;
            for (int i = 0; i < times.size(); i++) {
                Instant from = times.get(i);
                if (!from.isBefore(windowEnd)) {
                    break;
                }
                Instant to = i + 1 < times.size() ? times.get(i + 1) : until;
                if (to.isAfter(windowEnd)) {
                    to = windowEnd;
                }
                if (!to.isAfter(from)) {
                    continue;
                }
                long gap = Duration.between(from, to).toMinutes();
                longest = longest == null ? gap : Math.max(longest, gap);
                if (gap > interval) {
                    late++;
                }
            }
            out.add(new ChannelRhythm(en.getKey(), times.size(), interval, longest, late, late == 0));
        }
        return out;
    }
}
