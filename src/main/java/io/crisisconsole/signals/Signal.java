package io.crisisconsole.signals;

/** What an escalation threshold can watch: one per optional key of {@code when.escalation_thresholds[]}. Stored by name. */
public enum Signal {
    /** {@code mentions_per_hour}: mentions published in the last 60 minutes. */
    MENTIONS_PER_HOUR,
    /** {@code spike}: a 15-minute bucket far above the case's own baseline. */
    SPIKE,
    /** {@code negative_share_spike}: the negative share of a bucket far above the baseline share. */
    NEGATIVE_SHARE_SPIKE,
    /** {@code duration_minutes}: how long the case has been open and not resolved. */
    DURATION,
    /** {@code media_inquiry}: media inquiries in the inbox not yet handled. */
    MEDIA_INQUIRY
}
