package io.crisisconsole.debrief.ui;

import io.crisisconsole.debrief.ChangeKind;
import io.crisisconsole.debrief.ChangeState;
import io.crisisconsole.debrief.LessonStatus;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;

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
}
