package io.crisisconsole.cases;

import io.crisisconsole.toolkit.ValidationException;

/**
 * Severity levels 1 to 4, where 1 is the most severe (as in incident practice: SEV1 = all hands).
 */
public final class Severity {

    public static final int MOST_SEVERE = 1;
    public static final int LEAST_SEVERE = 4;
    public static final int DEFAULT = 3;

    private static final String[] NAMES = {"Critical", "High", "Moderate", "Low"};

    private Severity() {
    }

    public static void check(int severity) {
        if (severity < MOST_SEVERE || severity > LEAST_SEVERE) {
            throw new ValidationException("severity", "severity must be 1 (critical) to 4 (low), got " + severity);
        }
    }

    public static String name(int severity) {
        check(severity);
        return NAMES[severity - 1];
    }

    /** {@code SEV2 High}. */
    public static String label(int severity) {
        return "SEV" + severity + " " + name(severity);
    }
}
