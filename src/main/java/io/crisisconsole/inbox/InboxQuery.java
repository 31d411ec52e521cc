package io.crisisconsole.inbox;

import java.util.Objects;
import java.util.Set;

/**
 * A filter and search of a case's inbox. An empty set means any; {@code text} (may be null or
 * blank: any) is words that must all appear in the mention's text, author or tags, each as a
 * word or the start of one, compared in lower case and without accents.
 */
public record InboxQuery(Set<MentionState> states, Set<InboxType> types, Set<Sentiment> sentiments,
        Set<String> platforms, String text, InboxSort sort) {

    public InboxQuery {
        states = Set.copyOf(Objects.requireNonNullElse(states, Set.of()));
        types = Set.copyOf(Objects.requireNonNullElse(types, Set.of()));
        sentiments = Set.copyOf(Objects.requireNonNullElse(sentiments, Set.of()));
        platforms = Set.copyOf(Objects.requireNonNullElse(platforms, Set.of()));
        sort = Objects.requireNonNullElse(sort, InboxSort.NEWEST);
    }

    /** Every mention, newest first. */
    public static InboxQuery all() {
        return new InboxQuery(null, null, null, null, null, InboxSort.NEWEST);
    }

    public InboxQuery withStates(Set<MentionState> s) {
        return new InboxQuery(s, types, sentiments, platforms, text, sort);
    }

    public InboxQuery withTypes(Set<InboxType> t) {
        return new InboxQuery(states, t, sentiments, platforms, text, sort);
    }

    public InboxQuery withSentiments(Set<Sentiment> s) {
        return new InboxQuery(states, types, s, platforms, text, sort);
    }

    public InboxQuery withPlatforms(Set<String> p) {
        return new InboxQuery(states, types, sentiments, p, text, sort);
    }

    public InboxQuery withText(String t) {
        return new InboxQuery(states, types, sentiments, platforms, t, sort);
    }

    public InboxQuery sortedBy(InboxSort s) {
        return new InboxQuery(states, types, sentiments, platforms, text, s);
    }
}
