package io.crisisconsole.debrief;

import java.time.LocalDate;

/**
 * What a person enters for a lesson: the text, the owner (a name, or a contact whose name is then
 * used) and the due date.
 */
public record LessonInput(String text, String owner, Long ownerContactId, LocalDate dueDate) {

    public static LessonInput of(String text, String owner, LocalDate dueDate) {
        return new LessonInput(text, owner, null, dueDate);
    }
}
