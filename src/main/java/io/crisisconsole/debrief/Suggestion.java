package io.crisisconsole.debrief;

import java.util.List;
import java.util.Objects;

/**
 * A playbook change the review computed from a case, not stored until someone proposes it.
 *
 * @param key names the suggestion within its case (e.g. {@code sla.first_public_reply}); a change
 *        proposed from it keeps the key, and the suggestion is not offered again
 * @param reason why it is suggested; {@code args} fill the reason's text in the order
 *        {@link Reason} names them
 * @param proposal what proposing it asks the debrief to propose
 */
public record Suggestion(String key, Reason reason, List<Object> args, Proposal proposal) {

    /** Why a change is suggested, and the arguments its text takes. */
    public enum Reason {
        /** The first public message came later than the target: minutes taken, target, channel of the template. */
        FIRST_PUBLIC_LATE,
        /** Updates on a channel were further apart than the update interval: channel, longest gap, target. */
        UPDATE_GAP,
        /** Complaints were answered later than the target: late count, longest minutes, target. */
        COMPLAINT_LATE,
        /** The same finding on two or more publications: finding code, publications, what it found. */
        RECURRING_FINDING,
        /** An open lesson of the debrief: the lesson's text. */
        OPEN_LESSON,
        /** A line of the review's lessons: the line. */
        REVIEW_LESSON
    }

    public Suggestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        args = List.copyOf(args);
        Objects.requireNonNull(proposal, "proposal");
    }
}
