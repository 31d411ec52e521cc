package io.crisisconsole.debrief;

/** Whether a lesson still needs doing. Stored by name. */
public enum LessonStatus {
    OPEN, DONE
}
