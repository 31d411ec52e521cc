package io.crisisconsole.inbox;

/** Where the brand's answer went: in public (a reply under the post) or in private (a direct message). */
public enum Visibility {
    PUBLIC, PRIVATE
}
