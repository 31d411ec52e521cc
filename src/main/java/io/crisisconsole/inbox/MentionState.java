package io.crisisconsole.inbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a mention is in triage. The main line: new, assigned, answered in public, moved to private,
 * resolved; side states: escalated, hidden (never deleted), ignored, corrected. Stored by name.
 */
public enum MentionState {
    NEW, ASSIGNED, ANSWERED_PUBLIC, MOVED_PRIVATE, RESOLVED, ESCALATED, HIDDEN, IGNORED, CORRECTED;

    private static final Map<MentionState, Set<MentionState>> NEXT = Map.of(
            NEW, EnumSet.of(ASSIGNED, ANSWERED_PUBLIC, MOVED_PRIVATE, RESOLVED, ESCALATED, HIDDEN, IGNORED, CORRECTED),
            ASSIGNED, EnumSet.of(NEW, ANSWERED_PUBLIC, MOVED_PRIVATE, RESOLVED, ESCALATED, HIDDEN, IGNORED, CORRECTED),
            ANSWERED_PUBLIC, EnumSet.of(MOVED_PRIVATE, RESOLVED, ESCALATED, HIDDEN, CORRECTED),
            MOVED_PRIVATE, EnumSet.of(RESOLVED, ESCALATED),
            RESOLVED, EnumSet.of(ASSIGNED),
            ESCALATED, EnumSet.of(ASSIGNED, ANSWERED_PUBLIC, MOVED_PRIVATE, RESOLVED, HIDDEN, CORRECTED),
            HIDDEN, EnumSet.of(NEW),
            IGNORED, EnumSet.of(NEW, ASSIGNED),
            CORRECTED, EnumSet.of(RESOLVED, MOVED_PRIVATE, ESCALATED));

    /** The states this one may change to (see README, "Mention states"). */
    public Set<MentionState> next() {
        return Set.copyOf(NEXT.get(this));
    }

    public boolean canMoveTo(MentionState to) {
        return NEXT.get(this).contains(to);
    }

    /** Whether the mention still waits for the brand (its clock can run). */
    public boolean awaitsAnswer() {
        return this == NEW || this == ASSIGNED || this == ESCALATED;
    }

    /** The command-line spelling: lowercase with dashes ({@code answered-public}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** From the command-line spelling or the stored name. */
    public static MentionState parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mention state '" + text + "' (one of "
                        + String.join(", ", Arrays.stream(values()).map(MentionState::cliName).toList()) + ")"));
    }
}
