package io.crisisconsole.inbox;

/**
 * First responses to a case's mentions against the playbook's reply targets (see
 * {@link InboxService#responseFigures}), counted from three columns of each mention, never from the
 * mentions themselves. Read by the exercise score and the review report.
 *
 * @param mentions every mention of the case
 * @param answered of them, answered (in public or moved to private)
 * @param withinTarget answered by their type's due time (published plus the type's reply minutes;
 *        a type without a target counts as in time)
 * @param overdueUnanswered not answered and past their due time at the moment asked about
 * @param medianSeconds the first-response times (published to first answer, 0 when the answer is
 *        dated before the mention) by nearest rank: the median at rank ceil(n/2), {@code p90Seconds}
 *        at rank ceil(0.9 n); null when none was answered
 */
public record ResponseFigures(long mentions, long answered, long withinTarget, long overdueUnanswered,
        Long medianSeconds, Long p90Seconds) {

    /** {@code withinTarget} out of all mentions (0..1); null without mentions. */
    public Double shareInTime() {
        return mentions == 0 ? null : withinTarget / (double) mentions;
    }
}
