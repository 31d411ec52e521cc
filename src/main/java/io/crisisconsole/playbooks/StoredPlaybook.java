package io.crisisconsole.playbooks;

import java.time.Instant;

/**
 * A playbook in the store: one per YAML id ({@code key}) and language.
 *
 * @param currentVersion the newest saved version; also the version an edit must start from
 * @param bundled whether it came with the app (imported on first run)
 */
public record StoredPlaybook(long id, String key, String language, String title, int currentVersion, boolean bundled,
        Instant updatedAt) {

    /** {@code key.language}, e.g. {@code service-outage.en}: how the CLI names it. */
    public String name() {
        return key + "." + language;
    }
}
