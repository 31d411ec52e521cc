package io.crisisconsole.inbox;

/** The orders of the inbox list. Ties: the earlier stored first, except in {@link #NEWEST}, its reverse. */
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
