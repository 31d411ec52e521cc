package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.SavedReply;
import io.crisisconsole.playbooks.Playbook;

/**
 * Something a reply can start from: a reply saved for the playbook (which can be deleted), or one
 * of the playbook's own templates for the mention's channel (read-only). Exactly one is set.
 */
public record ReplyStart(SavedReply saved, Playbook.Template template) {

    public static ReplyStart of(SavedReply saved) {
        return new ReplyStart(saved, null);
    }

    public static ReplyStart of(Playbook.Template template) {
        return new ReplyStart(null, template);
    }

    public boolean isSaved() {
        return saved != null;
    }

    /** The text as saved or written in the playbook, placeholders and all. */
    public String text() {
        return saved != null ? saved.text() : template.text();
    }
}
