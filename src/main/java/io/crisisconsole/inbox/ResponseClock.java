package io.crisisconsole.inbox;

import java.time.Duration;
import java.time.Instant;

/**
 * A mention's first-response clock: due at its published time plus the target of its type
 * (arithmetic on instants, so a daylight-saving change of any zone shifts nothing).
 *
 * <p>Phases: {@link Phase#RUNNING} while more than a quarter of the target is left;
 * {@link Phase#AMBER} in the last quarter (the last 15 minutes of a 60-minute target);
 * {@link Phase#BREACHED} from the due time on; {@link Phase#STOPPED} once the brand's first public
 * or private answer went out ({@code firstResponse} is then how long it took, and
 * {@code withinTarget} whether by the due time); {@link Phase#NONE} for a mention no one is to answer
 * (hidden, ignored, resolved or corrected with no answer).
 *
 * @param remaining time left until due (negative once breached); null when stopped or none
 * @param firstResponse from published to the first answer; null unless stopped
 */
public record ResponseClock(Phase phase, Instant due, Duration target, Duration remaining, Duration firstResponse) {

    public enum Phase {
        RUNNING, AMBER, BREACHED, STOPPED, NONE
    }

    /** The clock of {@code m} with a target of {@code targetMinutes}, at {@code now}. */
    public static ResponseClock of(Mention m, int targetMinutes, Instant now) {
        Duration target = Duration.ofMinutes(targetMinutes);
        Instant due = m.publishedAt().plus(target);
        if (m.firstResponseAt() != null) {
            return new ResponseClock(Phase.STOPPED, due, target, null,
                    Duration.between(m.publishedAt(), m.firstResponseAt()));
        }
        if (!m.state().awaitsAnswer()) {
            return new ResponseClock(Phase.NONE, due, target, null, null);
        }
        Duration remaining = Duration.between(now, due);
        Phase phase = remaining.isNegative() || remaining.isZero() ? Phase.BREACHED
                : remaining.compareTo(target.dividedBy(4)) <= 0 ? Phase.AMBER : Phase.RUNNING;
        return new ResponseClock(phase, due, target, remaining, null);
    }

    /** Whether the first answer went out by the due time (false when there is none). */
    public boolean withinTarget() {
        return phase == Phase.STOPPED && firstResponse.compareTo(target) <= 0;
    }
}
