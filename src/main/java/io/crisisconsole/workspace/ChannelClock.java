package io.crisisconsole.workspace;

import io.crisisconsole.playbooks.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * When the brand last spoke on one channel of the playbook's WHERE and when it must speak there next.
 *
 * @param role what the playbook says the channel is for
 * @param last the newest publication there (null: none yet)
 * @param from when the countdown to {@code due} started (the last publication, or the case's opening)
 * @param due when the next message is due there (null: nothing is due)
 * @param basis why it is due then
 */
public record ChannelClock(Channel channel, String role, boolean hub, Instant last, Instant from, Instant due,
        Basis basis) {

    /** Why the next message is due when it is. */
    public enum Basis {
        /** Nothing published there yet: the first message is due (internal alert for staff and the call centre). */
        FIRST,
        /** Within the playbook's first hours: the update rhythm. */
        RHYTHM,
        /** After the first hours: the next-update time the approved core message promised. */
        PROMISED,
        /** After the first hours and no time promised: update when something changes. */
        WHEN_CHANGED,
        /** The case is resolved or reviewed. */
        CLOSED
    }

    /** Time left until due at {@code now} (negative once late); null when nothing is due. */
    public Duration remaining(Instant now) {
        return due == null ? null : Duration.between(now, due);
    }

    /** The whole time the countdown runs (from {@code from} to {@code due}); null when nothing is due. */
    public Duration total() {
        return due == null ? null : Duration.between(from, due);
    }
}
