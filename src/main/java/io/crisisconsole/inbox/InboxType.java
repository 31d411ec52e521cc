package io.crisisconsole.inbox;

import io.crisisconsole.playbooks.MentionType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The type of a mention in the inbox: the response matrix's types ({@link MentionType}, with troll
 * and abuse as one) and {@link #OTHER} for a mention the matrix has no row for. Stored by name.
 */
public enum InboxType {
    COMPLAINT(MentionType.COMPLAINT),
    QUESTION(MentionType.QUESTION),
    /** Troll or abuse: the matrix row of troll, else of abuse. */
    TROLL(MentionType.TROLL, MentionType.ABUSE),
    MEDIA_INQUIRY(MentionType.MEDIA_INQUIRY),
    MISINFORMATION(MentionType.MISINFORMATION),
    PRAISE(MentionType.PRAISE),
    OTHER;

    private final List<MentionType> matrixTypes;

    InboxType(MentionType... matrixTypes) {
        this.matrixTypes = List.of(matrixTypes);
    }

    /** The response-matrix types that answer this type, in the order they are looked up. */
    public List<MentionType> matrixTypes() {
        return matrixTypes;
    }

    /** The command-line spelling: lowercase with dashes ({@code media-inquiry}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** From the command-line spelling or the stored name; {@code abuse} is {@link #TROLL}. */
    public static InboxType parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (t.equals("ABUSE")) {
            return TROLL;
        }
        return Arrays.stream(values()).filter(s -> s.name().equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mention type '" + text + "' (one of "
                        + String.join(", ", Arrays.stream(values()).map(InboxType::cliName).toList()) + ")"));
    }
}
