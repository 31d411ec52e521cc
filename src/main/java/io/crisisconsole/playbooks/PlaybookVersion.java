package io.crisisconsole.playbooks;

import java.time.Instant;

/** One saved version of a playbook: the YAML exactly as saved, who saved it, why, and when. */
public record PlaybookVersion(long playbookId, int version, String yaml, String author, String note,
        Instant savedAt) {
}
