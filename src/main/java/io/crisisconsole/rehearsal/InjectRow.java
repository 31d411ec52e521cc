package io.crisisconsole.rehearsal;

import java.time.Instant;

/**
 * An inject of a running exercise as stored.
 *
 * @param dueAt exercise time it fires at; null while it waits for the facilitator or for the expectation it follows
 * @param textOverride the facilitator's edit of its text, or null
 * @param posts the mentions it put in the case's inbox
 */
public record InjectRow(long caseId, String injectId, int seq, InjectState state, Instant dueAt, String textOverride,
        Instant firedAt, int posts) {
}
