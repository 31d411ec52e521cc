package io.crisisconsole.timeline;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened, as a stable code stored beside the entry ({@code timeline_entry.event_code}) with
 * its arguments. The code, not the constant's name, is what is stored, so the constants may be
 * renamed; a code is never reused for another meaning, and its arguments keep their meaning (a new
 * argument that changes the sentence is a new code). Each code has the message pattern
 * {@code timeline.<code>} in {@code i18n/messages.properties} and always writes the same
 * {@link EntryKind}.
 */
public enum EventCode {
    /** {@code severity} (1-4), {@code owner} (may be null). */
    CASE_OPENED("case.opened", EntryKind.STATUS_CHANGE),
    /** {@code changes}: a list of {@code field} (title, severity, owner, hashtag, hubUrl), {@code from}, {@code to}. */
    CASE_UPDATED("case.updated", EntryKind.CASE_UPDATED),
    /** {@code from}, {@code to} (status names), {@code reason} (may be null). */
    CASE_STATUS_CHANGED("case.status_changed", EntryKind.STATUS_CHANGE),
    /** As {@link #CASE_STATUS_CHANGED}, from a closed status back to an open one. */
    CASE_REOPENED("case.reopened", EntryKind.STATUS_CHANGE),
    /** {@code playbookId}, {@code name} (key.language), {@code title}, {@code version}. */
    CASE_PLAYBOOK_CHOSEN("case.playbook_chosen", EntryKind.CASE_UPDATED),
    /** As {@link #CASE_PLAYBOOK_CHOSEN}, replacing the playbook chosen before. */
    CASE_PLAYBOOK_CHANGED("case.playbook_changed", EntryKind.CASE_UPDATED),
    /** {@code text}: what the person wrote. The same for the other {@code entry.*} codes. */
    ENTRY_NOTE("entry.note", EntryKind.NOTE),
    ENTRY_DECISION("entry.decision", EntryKind.DECISION),
    ENTRY_MESSAGE_PUBLISHED("entry.message_published", EntryKind.MESSAGE_PUBLISHED),
    ENTRY_MENTION_HANDLED("entry.mention_handled", EntryKind.MENTION_HANDLED),
    ENTRY_ESCALATION("entry.escalation", EntryKind.ESCALATION),
    /** {@code text}: what the corrected entry should have said; the entry points at it. */
    ENTRY_CORRECTION("entry.correction", EntryKind.CORRECTION),
    /** {@code draftId}, {@code title}, {@code stage} (name), {@code playbook} (its title; may be null). */
    DRAFT_STARTED("draft.started", EntryKind.CASE_UPDATED),
    /** {@code draftId}, {@code title}, {@code version}. */
    DRAFT_SUBMITTED("draft.submitted", EntryKind.CASE_UPDATED),
    /**
     * {@code draftId}, {@code title}, {@code version}, {@code stage}, {@code approver} (name),
     * {@code approverContactId}, {@code warnings} (count).
     */
    DRAFT_APPROVED("draft.approved", EntryKind.DECISION),
    /** {@code draftId}, {@code title}, {@code version} (the new one), {@code approver}: the approval withdrawn. */
    DRAFT_CHANGED_AFTER_APPROVAL("draft.changed_after_approval", EntryKind.CASE_UPDATED),
    /** {@code draftId}, {@code title}, {@code from} (status name), {@code approver} (may be null), {@code reason} (may be null). */
    DRAFT_REOPENED("draft.reopened", EntryKind.CASE_UPDATED),
    /** {@code draftId}, {@code title}, {@code version}, {@code channel} (name), {@code text} (as it went out, shortened past 19,000). */
    DRAFT_PUBLISHED("draft.published", EntryKind.MESSAGE_PUBLISHED),
    /** {@code file} (name, null for none), {@code imported}, {@code duplicates}, {@code responses} (counts). */
    MENTIONS_IMPORTED("mentions.imported", EntryKind.CASE_UPDATED),
    /** {@code mentionId}, {@code platform}, {@code author} (may be null): a mention added by hand. */
    MENTION_ADDED("mention.added", EntryKind.CASE_UPDATED),
    /** {@code mentionId}, {@code from}, {@code to} (state names), {@code assignedTo} (may be null). */
    MENTION_STATE_CHANGED("mention.state_changed", EntryKind.MENTION_HANDLED),
    /** {@code mentionId}, {@code from}, {@code to} (state names), {@code byMentionId}: the author wrote again. */
    MENTION_REOPENED("mention.reopened", EntryKind.MENTION_HANDLED),
    /** {@code mentionId}, {@code from}, {@code to} (type names). */
    MENTION_TYPE_CHANGED("mention.type_changed", EntryKind.MENTION_HANDLED),
    /** {@code mentionId}, {@code visibility} (PUBLIC, PRIVATE), {@code sentAt} (ISO instant), {@code sentBy}. */
    MENTION_ANSWERED("mention.answered", EntryKind.MENTION_HANDLED),
    /** {@code stepId}, {@code title}, {@code late} (true when done after its due time): a checklist step done. */
    STEP_DONE("step.done", EntryKind.CASE_UPDATED),
    /** {@code stepId}, {@code title}, {@code reason}: a checklist step skipped on purpose. */
    STEP_SKIPPED("step.skipped", EntryKind.CASE_UPDATED),
    /** {@code stepId}, {@code title}, {@code from} (DONE or SKIPPED): a step opened again. */
    STEP_REOPENED("step.reopened", EntryKind.CASE_UPDATED),
    /** {@code stepId}, {@code title}, {@code contactId}, {@code name}: a step given to a person. */
    STEP_ASSIGNED("step.assigned", EntryKind.CASE_UPDATED),
    /**
     * {@code contactId}, {@code name}, {@code role} (role id), {@code outcome} (REACHED, NO_ANSWER,
     * LEFT_MESSAGE), {@code note} (may be null): a call down the call list.
     */
    CALL_LOGGED("call.logged", EntryKind.CASE_UPDATED),
    /**
     * An escalation threshold of the playbook met and accepted: {@code threshold} (0-based index),
     * {@code when} (its prose), {@code met} (a list of {@code signal} (name), {@code figure},
     * {@code against}, {@code level}), {@code raiseTo}, {@code roles} (ids, comma-separated),
     * {@code from}, {@code to} (the severity before and after).
     */
    ESCALATION_ACCEPTED("escalation.accepted", EntryKind.ESCALATION),
    /** As {@link #ESCALATION_ACCEPTED} without from and to, dismissed: {@code minutes} it stays silent. */
    ESCALATION_DISMISSED("escalation.dismissed", EntryKind.DECISION),
    /** As {@link #CASE_OPENED}, the case of an exercise (issue #12). */
    EXERCISE_OPENED("exercise.opened", EntryKind.STATUS_CHANGE),
    /** {@code scenario} (title), {@code scenarioId}, {@code language}, {@code playbook} (id), {@code injects}, {@code expectations} (counts). */
    EXERCISE_STARTED("exercise.started", EntryKind.STATUS_CHANGE),
    /** The exercise clock stopped. */
    EXERCISE_PAUSED("exercise.paused", EntryKind.CASE_UPDATED),
    /** {@code speed}: the exercise clock runs again. */
    EXERCISE_RESUMED("exercise.resumed", EntryKind.CASE_UPDATED),
    /** {@code from}, {@code to}: the exercise clock's speed (1, 5, 10, 60). */
    EXERCISE_SPEED_CHANGED("exercise.speed_changed", EntryKind.CASE_UPDATED),
    /** {@code minutes}: the clock moved on to the next inject, this many exercise minutes ahead. */
    EXERCISE_STEPPED("exercise.stepped", EntryKind.CASE_UPDATED),
    /**
     * {@code injectId}, {@code type} (yaml name), {@code persona} (name, may be null), {@code posts}
     * (mentions it put in the inbox), {@code manual} (true when the facilitator fired it).
     */
    EXERCISE_INJECT_FIRED("exercise.inject_fired", EntryKind.CASE_UPDATED),
    /** {@code injectId}, {@code type}: the facilitator skipped it. */
    EXERCISE_INJECT_SKIPPED("exercise.inject_skipped", EntryKind.CASE_UPDATED),
    /** {@code injectId}, {@code type}, {@code minutes} (its new exercise minute, may be null), {@code textChanged}. */
    EXERCISE_INJECT_EDITED("exercise.inject_edited", EntryKind.CASE_UPDATED),
    /**
     * {@code expectationId}, {@code text}, {@code result} (PASSED, FAILED, EXPIRED), {@code manual}
     * (true when the facilitator judged it), {@code note} (may be null).
     */
    EXERCISE_EXPECTATION_DECIDED("exercise.expectation_decided", EntryKind.DECISION),
    /** {@code passed}, {@code failed}, {@code expired}, {@code open} (counts): the exercise is over. */
    EXERCISE_ENDED("exercise.ended", EntryKind.STATUS_CHANGE),
    /** {@code version}: the hot-wash of the debrief saved (what went well, wrong, lucky). */
    HOTWASH_SAVED("hotwash.saved", EntryKind.CASE_UPDATED),
    /** {@code lessonId}, {@code text}, {@code owner} (name), {@code due} (ISO date). */
    LESSON_ADDED("lesson.added", EntryKind.CASE_UPDATED),
    /** As {@link #LESSON_ADDED}, with what the lesson says now. */
    LESSON_EDITED("lesson.edited", EntryKind.CASE_UPDATED),
    /** As {@link #LESSON_ADDED}: the lesson done. */
    LESSON_CLOSED("lesson.closed", EntryKind.CASE_UPDATED),
    /** As {@link #LESSON_ADDED}: the lesson removed. */
    LESSON_DELETED("lesson.deleted", EntryKind.CASE_UPDATED),
    /**
     * {@code changeId}, {@code kind} (TIGHTER_SLA, FORBIDDEN_PHRASE, RESPONSE_ROW, MISSING_TEMPLATE,
     * FREE_EDIT), {@code description}, {@code playbook} (key.language), {@code version} (proposed against).
     */
    PLAYBOOK_CHANGE_PROPOSED("playbook.change.proposed", EntryKind.CASE_UPDATED),
    /** {@code changeId}, {@code description}, {@code playbook}, {@code version} (the new one it became). */
    PLAYBOOK_CHANGE_ACCEPTED("playbook.change.accepted", EntryKind.DECISION),
    /** {@code changeId}, {@code description}, {@code playbook}. */
    PLAYBOOK_CHANGE_REJECTED("playbook.change.rejected", EntryKind.DECISION),
    /** {@code version}: the review's texts saved (issue #13). */
    REVIEW_SAVED("review.texts_saved", EntryKind.CASE_UPDATED),
    /**
     * {@code kind} (a {@code review.KeyTime} name), {@code at} (ISO-8601 instant), {@code before}
     * (ISO-8601, may be null), {@code note} (may be null): a key time set by hand.
     */
    REVIEW_KEY_TIME_SET("review.key_time_set", EntryKind.CASE_UPDATED),
    /** {@code kind}, {@code at} (the derived time it is back to, may be null), {@code note}. */
    REVIEW_KEY_TIME_RESET("review.key_time_reset", EntryKind.CASE_UPDATED);

    private final String code;
    private final EntryKind kind;

    EventCode(String code, EntryKind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** What is stored, e.g. {@code case.opened}. */
    public String code() {
        return code;
    }

    /** The kind of entry this event writes. */
    public EntryKind kind() {
        return kind;
    }

    /** The key of its message pattern. */
    public String messageKey() {
        return "timeline." + code;
    }

    /** The code of an entry a person adds of {@code kind} ({@code entry.note}, ...). */
    public static EventCode ofUserEntry(EntryKind kind) {
        Objects.requireNonNull(kind, "kind");
        return Arrays.stream(values()).filter(c -> c.kind == kind && c.code.startsWith("entry.")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry code for " + kind));
    }

    /** The code stored as {@code code}; empty for null or a code this version does not know. */
    public static Optional<EventCode> find(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
