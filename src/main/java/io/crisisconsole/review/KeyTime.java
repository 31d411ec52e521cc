package io.crisisconsole.review;

/**
 * The key times of a case's review (issue #13 item 1). Each has a value derived from the store
 * (see {@link ReviewService#keyTimes}) that the reviewer may replace; stored by name.
 */
public enum KeyTime {
    /** When the problem began to hurt: the earlier of the first mention and the case's opening. */
    IMPACT_BEGAN,
    /** When the team noticed: the case's opening. */
    DETECTED,
    /** The first word to staff: the first staff-memo publication, else the first escalation (entered or accepted). */
    FIRST_INTERNAL_ALERT,
    /** The first publication on a public channel (not staff memo, not call centre). */
    FIRST_PUBLIC_MESSAGE,
    /** The first publication on the playbook's hub channel (the website without a hub). */
    HOLDING_STATEMENT,
    /** When the case was first resolved (its first change to a closed status), else its closed time. */
    RESOLVED
}
