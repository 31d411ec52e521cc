package io.crisisconsole.cases;

import io.crisisconsole.toolkit.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** Where a case stands. Stored by name. */
public enum CaseStatus {
    OPEN("Open", false),
    ACTIVE("Active", false),
    CONTAINED("Contained", false),
    RESOLVED("Resolved", true),
    REVIEWED("Reviewed", true);

    private final String label;
    private final boolean closed;

    CaseStatus(String label, boolean closed) {
        this.label = label;
        this.closed = closed;
    }

    public String label() {
        return label;
    }

    /** Resolved and reviewed cases count as closed and carry a closed time. */
    public boolean isClosed() {
        return closed;
    }

    /** Parses {@code active}, {@code ACTIVE} or {@code Active}. */
    public static CaseStatus parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ValidationException("status",
                        "unknown status '" + text + "' (one of open, active, contained, resolved, reviewed)"));
    }

    @Override
    public String toString() {
        return label;
    }
}
