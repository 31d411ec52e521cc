package io.crisisconsole.debrief;

import java.time.Instant;

/**
 * The hot-wash of a case: what went well, what went wrong and what was lucky. {@code version} is 0
 * for a case whose hot-wash was never saved (then the texts are empty and the rest null); a save
 * names the version it started from.
 */
public record HotWash(long caseId, String wentWell, String wentWrong, String lucky, int version, String updatedBy,
        Instant updatedAt) {

    static HotWash empty(long caseId) {
        return new HotWash(caseId, "", "", "", 0, null, null);
    }
}
