package io.crisisconsole.contacts;

import java.util.List;

/**
 * What an import did: the names of contacts added, and of those updated because an e-mail address in
 * the file already belonged to them.
 */
public record ImportSummary(List<String> added, List<String> updated) {

    public ImportSummary {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
    }

    /** "3 added, 1 updated (matched by e-mail)". */
    public String counts() {
        return added.size() + " added, " + updated.size() + " updated"
                + (updated.isEmpty() ? "" : " (matched by e-mail)");
    }
}
