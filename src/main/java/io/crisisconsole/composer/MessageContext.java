package io.crisisconsole.composer;

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
 */
public record MessageContext(String language, String hashtag, String hubUrl, boolean apologyRequired,
        Map<String, List<String>> forbiddenPhrases) {
}
