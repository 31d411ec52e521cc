package io.crisisconsole.timeline;

import io.crisisconsole.toolkit.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a timeline entry records. Stored by name. */
public enum EntryKind {
    NOTE("Note", true),
    DECISION("Decision", true),
    STATUS_CHANGE("Status change", false),
    MESSAGE_PUBLISHED("Message published", true),
    MENTION_HANDLED("Mention handled", true),
    ESCALATION("Escalation", true),
    CASE_UPDATED("Case updated", false),
    CORRECTION("Correction", false);

    private final String label;
    private final boolean userEntered;

    EntryKind(String label, boolean userEntered) {
        this.label = label;
        this.userEntered = userEntered;
    }

    public String label() {
        return label;
    }

    /**
     * Kinds a person adds directly. Status changes, case updates and corrections are written by the
     * actions that cause them so that they always match the case.
     */
    public boolean isUserEntered() {
        return userEntered;
    }

    public static List<EntryKind> userEnteredKinds() {
        return Arrays.stream(values()).filter(EntryKind::isUserEntered).collect(Collectors.toList());
    }

    /** The CLI spelling: {@code message-published}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EntryKind parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(k -> k.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ValidationException("kind", "unknown entry kind '" + text + "' (one of "
                        + userEnteredKinds().stream().map(EntryKind::cliName).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() {
        return label;
    }
}
