package io.crisisconsole.inbox;

import java.util.Map;

/**
 * The figures the inbox window shows above its list, read from the search index (fast enough to
 * refresh every few seconds with 200,000 mentions).
 *
 * @param total every mention of the case
 * @param byState how many are in each state (every state present, zero included)
 * @param waiting mentions whose first-response clock runs (no answer yet, still to be answered)
 * @param amber of those, how many are in the last quarter of their target
 * @param breached of those, how many are past their due time
 * @param platforms the platforms of the case's mentions, as imported, in the order first seen
 */
public record InboxSummary(long total, Map<MentionState, Long> byState, long waiting, long amber, long breached,
        java.util.List<String> platforms) {

    public InboxSummary {
        byState = Map.copyOf(byState);
        platforms = java.util.List.copyOf(platforms);
    }
}
