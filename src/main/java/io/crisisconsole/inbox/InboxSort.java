package io.crisisconsole.inbox;

/** The orders of the inbox list. Ties go to the lower id (the earlier stored). */
public enum InboxSort {
    /** Newest published first. */
    NEWEST,
    /** Oldest published first. */
    OLDEST,
    /** Running clocks by due time, soonest (and breached) first; mentions with no running clock after them, newest first. */
    DUE_SOONEST,
    /** Highest priority first, then newest. */
    PRIORITY
}
