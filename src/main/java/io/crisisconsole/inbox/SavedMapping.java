package io.crisisconsole.inbox;

import java.time.Instant;

/** A column mapping a person confirmed, for files whose header has {@code headerSignature}. */
public record SavedMapping(long id, String headerSignature, String name, String mappingJson, Instant savedAt) {
}
