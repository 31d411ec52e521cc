package io.crisisconsole.debrief.ui;

import io.crisisconsole.debrief.ChangeKind;
import io.crisisconsole.debrief.ChangeState;
import io.crisisconsole.debrief.LessonStatus;
import io.crisisconsole.debrief.Proposal;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.debrief.Suggestion;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.ui.ChannelNames;
import io.crisisconsole.toolkit.Messages;
import java.util.List;
import java.util.Map;

/** The message keys that name the debrief's values in the UI language. */
final class DebriefLabels {

    private DebriefLabels() {
    }

    static String sla(SlaTarget t) {
        return switch (t) {
            case INTERNAL_ALERT -> "debrief.sla.internalAlert";
            case FIRST_PUBLIC_REPLY -> "debrief.sla.firstPublicReply";
            case UPDATE_INTERVAL -> "debrief.sla.updateInterval";
            case UPDATE_INTERVAL_APPLIES_FOR -> "debrief.sla.updateIntervalAppliesFor";
            case COMPLAINT_REPLY -> "debrief.sla.complaintReply";
        };
    }

    /** The kind as a name (the menu's items end with "…"). */
    static String kindName(ChangeKind k) {
        return switch (k) {
            case TIGHTER_SLA -> "debrief.kindName.sla";
            case FORBIDDEN_PHRASE -> "debrief.kindName.phrase";
            case RESPONSE_ROW -> "debrief.kindName.row";
            case MISSING_TEMPLATE -> "debrief.kindName.template";
            case FREE_EDIT -> "debrief.kindName.free";
        };
    }

    static String state(ChangeState s) {
        return switch (s) {
            case PROPOSED -> "debrief.change.state.proposed";
            case ACCEPTED -> "debrief.change.state.accepted";
            case REJECTED -> "debrief.change.state.rejected";
        };
    }

    static String status(LessonStatus s) {
        return switch (s) {
            case OPEN -> "debrief.lesson.status.open";
            case DONE -> "debrief.lesson.status.done";
        };
    }

    static String type(MentionType t) {
        return switch (t) {
            case COMPLAINT -> "debrief.type.complaint";
            case QUESTION -> "debrief.type.question";
            case PRAISE -> "debrief.type.praise";
            case TROLL -> "debrief.type.troll";
            case ABUSE -> "debrief.type.abuse";
            case MEDIA_INQUIRY -> "debrief.type.mediaInquiry";
            case MISINFORMATION -> "debrief.type.misinformation";
        };
    }

    static String action(ResponseAction a) {
        return switch (a) {
            case RESPOND_PUBLICLY -> "debrief.action.respondPublicly";
            case RESPOND_PUBLICLY_THEN_PRIVATE -> "debrief.action.respondPubliclyThenPrivate";
            case ESCALATE -> "debrief.action.escalate";
            case HIDE -> "debrief.action.hide";
            case IGNORE -> "debrief.action.ignore";
            case CORRECT -> "debrief.action.correct";
        };
    }

    static String stage(Stage s) {
        return switch (s) {
            case INVESTIGATING -> "stage.investigating";
            case IDENTIFIED -> "stage.identified";
            case MONITORING -> "stage.monitoring";
            case RESOLVED -> "stage.resolved";
        };
    }

    /** What a proposal would make: the kind of change. */
    static ChangeKind kindOf(Proposal p) {
        if (p instanceof Proposal.Sla) {
            return ChangeKind.TIGHTER_SLA;
        } else if (p instanceof Proposal.ForbiddenPhrase) {
            return ChangeKind.FORBIDDEN_PHRASE;
        } else if (p instanceof Proposal.ResponseRow) {
            return ChangeKind.RESPONSE_ROW;
        } else if (p instanceof Proposal.Template) {
            return ChangeKind.MISSING_TEMPLATE;
        }
        return ChangeKind.FREE_EDIT;
    }

    /** Why a suggestion is made, in the window's language (the arguments {@link Suggestion.Reason} names). */
    static String reason(Messages m, Suggestion s) {
        List<Object> a = s.args();
        return switch (s.reason()) {
            case FIRST_PUBLIC_LATE -> m.get("debrief.suggestion.firstPublicLate", Map.of("took", a.get(0),
                    "target", a.get(1), "channel", channel(m, a.get(2))));
            case UPDATE_GAP -> m.get("debrief.suggestion.updateGap", Map.of("channel", channel(m, a.get(0)),
                    "gap", a.get(1), "target", a.get(2)));
            case COMPLAINT_LATE -> m.get("debrief.suggestion.complaintLate", Map.of("late", a.get(0),
                    "longest", a.get(1), "target", a.get(2)));
            case RECURRING_FINDING -> String.valueOf(a.get(2)).isEmpty()
                    ? m.get("debrief.suggestion.recurring", Map.of("code", a.get(0), "count", a.get(1)))
                    : m.get("debrief.suggestion.recurringPhrase", Map.of("code", a.get(0), "count", a.get(1),
                            "phrase", a.get(2)));
            case OPEN_LESSON -> m.get("debrief.suggestion.lesson", Map.of("lesson", a.get(0)));
            case REVIEW_LESSON -> m.get("debrief.suggestion.reviewLesson", Map.of("lesson", a.get(0)));
        };
    }

    private static String channel(Messages m, Object yamlName) {
        return m.get(ChannelNames.key(Channel.fromYaml(String.valueOf(yamlName))));
    }
}
