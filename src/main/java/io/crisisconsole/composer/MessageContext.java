package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import java.util.List;
import java.util.Map;

/**
 * What the checks know about the case and its playbook.
 *
 * @param language en, ru, pl or es: the language the messages are written in
 * @param hashtag the official hashtag of the case, or null
 * @param hubUrl the official hub URL, or null
 * @param apologyRequired whether the playbook (or the core message) requires an apology in every variant
 * @param forbiddenPhrases per language (en, ru, pl, es), phrases no message may contain (from the playbook)
 * @param hubChannel the channel the hub is (the playbook's), or null: then the website is taken for it
 */
public record MessageContext(String language, String hashtag, String hubUrl, boolean apologyRequired,
        Map<String, List<String>> forbiddenPhrases, Channel hubChannel) {

    public MessageContext(String language, String hashtag, String hubUrl, boolean apologyRequired,
            Map<String, List<String>> forbiddenPhrases) {
        this(language, hashtag, hubUrl, apologyRequired, forbiddenPhrases, null);
    }

    /** The channel that is the hub itself: it needs no link to itself. */
    public Channel hub() {
        return hubChannel != null ? hubChannel : Channel.WEBSITE;
    }
}
