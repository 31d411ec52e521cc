package io.crisisconsole.signals;

import java.util.List;

/** A threshold with no machine-readable key: shown as a reminder of what to watch for. */
public record Reminder(int threshold, String when, int raiseTo, List<String> roles) {
    public Reminder {
        roles = List.copyOf(roles);
    }
}
