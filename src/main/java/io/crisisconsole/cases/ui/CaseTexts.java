package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.Severity;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.toolkit.Messages;

/**
 * How the window names severities, statuses and entry kinds: through the messages of the UI
 * language ({@code severity.2}, {@code caseStatus.active}, {@code entryKind.messagePublished}). The
 * domain {@code label()}s stay English for the command line.
 */
public final class CaseTexts {

    private final Messages messages;

    public CaseTexts(Messages messages) {
        this.messages = messages;
    }

    /** {@code SEV2 High}. */
    public String severity(int severity) {
        Severity.check(severity);
        return messages.get(severityKey(severity));
    }

    /** {@code Active}. */
    public String status(CaseStatus status) {
        return messages.get(statusKey(status));
    }

    /** {@code Message published}. */
    public String kind(EntryKind kind) {
        return messages.get(kindKey(kind));
    }

    /** {@code Not closed}, {@code All statuses}, or the status the filter lets through. */
    public String filter(StatusFilter filter) {
        return switch (filter) {
            case NOT_CLOSED -> messages.get("cases.list.status.notClosed");
            case ALL -> messages.get("cases.list.status.all");
            default -> status(filter.status());
        };
    }

    static String severityKey(int severity) {
        return switch (severity) {
            case 1 -> "severity.1";
            case 2 -> "severity.2";
            case 3 -> "severity.3";
            default -> "severity.4";
        };
    }

    static String statusKey(CaseStatus status) {
        return switch (status) {
            case OPEN -> "caseStatus.open";
            case ACTIVE -> "caseStatus.active";
            case CONTAINED -> "caseStatus.contained";
            case RESOLVED -> "caseStatus.resolved";
            case REVIEWED -> "caseStatus.reviewed";
        };
    }

    static String kindKey(EntryKind kind) {
        return switch (kind) {
            case NOTE -> "entryKind.note";
            case DECISION -> "entryKind.decision";
            case STATUS_CHANGE -> "entryKind.statusChange";
            case MESSAGE_PUBLISHED -> "entryKind.messagePublished";
            case MENTION_HANDLED -> "entryKind.mentionHandled";
            case ESCALATION -> "entryKind.escalation";
            case CASE_UPDATED -> "entryKind.caseUpdated";
            case CORRECTION -> "entryKind.correction";
        };
    }
}
