package io.crisisconsole.debrief;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lesson of a case: what to do differently, who sees to it ({@code ownerName}, and the contact
 * when the owner was picked from the contacts), by when, and whether it is done.
 */
public record Lesson(long id, long caseId, String lessonText, String ownerName, Long ownerContactId,
        LocalDate dueDate, LessonStatus status, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt) {
}
