package io.crisisconsole.toolkit;

import java.time.Instant;

/**
 * Text typed into an editor but not committed yet. {@code editorKey} names the editor (for example
 * {@code timeline-composer:case:42}); {@code caseId} and {@code kind} are optional context.
 */
public record AutosavedText(String editorKey, Long caseId, String kind, String content, Instant savedAt) {
}
