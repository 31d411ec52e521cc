package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;

/**
 * Something a check found in a variant, pointing at the exact span of its text ({@code start}
 * inclusive, {@code end} exclusive, in UTF-16 chars as JavaFX text controls count); a finding about
 * something missing points at an empty span at the end of the text.
 *
 * @param code a stable name for the check, e.g. "fact-mismatch", "missing-hashtag", "missing-hub-link",
 *        "missing-call-to-action", "missing-apology", "forbidden-phrase", "blaming", "defensive",
 *        "over-limit"
 */
public record Finding(Channel channel, String code, Level level, int start, int end, String message) {

    /** How bad it is: an error blocks approval, a warning asks for a second look. */
    public enum Level {
        ERROR, WARNING
    }
}
