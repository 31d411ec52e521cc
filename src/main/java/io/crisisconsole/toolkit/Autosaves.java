package io.crisisconsole.toolkit;

import java.util.Optional;

/**
 * Where editors keep text a person typed but has not committed yet, one entry per editor key (the
 * store implements it). Failures are {@link UserFacing} exceptions that never repeat the text.
 */
public interface Autosaves {

    /**
     * Stores {@code content} for {@code key}, replacing what was there; blank content deletes it.
     *
     * @return what is stored now; empty when it was deleted
     */
    Optional<AutosavedText> save(String key, Long caseId, String kind, String content);

    Optional<AutosavedText> find(String key);

    /** Deletes what is kept for {@code key}, if anything. */
    void discard(String key);
}
