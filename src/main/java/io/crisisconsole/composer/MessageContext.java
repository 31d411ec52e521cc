package io.crisisconsole.composer;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
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

    /**
     * What the checks know: the case's hashtag and hub (else the playbook's), the playbook's language
     * (English without one) and rules; an apology is required when the core message offers one or the
     * playbook has an apology principle.
     */
    public static MessageContext of(CrisisCase crisisCase, Playbook p, boolean apology) {
        String hashtag = crisisCase.hashtag() != null ? crisisCase.hashtag()
                : p != null && p.where() != null ? p.where().hashtag() : null;
        String hub = crisisCase.hubUrl() != null ? crisisCase.hubUrl()
                : p != null && p.where() != null && p.where().hub() != null ? p.where().hub().url() : null;
        boolean playbookApology = p != null && p.how() != null && p.how().principles() != null
                && p.how().principles().apologize() != null && !p.how().principles().apologize().isBlank();
        Map<String, List<String>> forbidden = p != null && p.how() != null && p.how().tone() != null
                && p.how().tone().forbiddenPhrases() != null ? p.how().tone().forbiddenPhrases() : Map.of();
        Channel hubChannel = p != null && p.where() != null && p.where().hub() != null ? p.where().hub().channel() : null;
        return new MessageContext(p == null ? "en" : p.language(), hashtag, hub, apology || playbookApology,
                forbidden, hubChannel);
    }
}
