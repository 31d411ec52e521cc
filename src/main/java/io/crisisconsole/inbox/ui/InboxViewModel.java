package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.Mention;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The inbox of a case: its mentions filtered, searched and sorted, the selection, and triage. */
public final class InboxViewModel {

    private final ObjectProperty<Mention> selectedMention = new SimpleObjectProperty<>();

    /** The mention shown in the detail and reply panes, or null. */
    public ObjectProperty<Mention> selectedMentionProperty() {
        return selectedMention;
    }

    /** A mention changed elsewhere (an answer was recorded): shows it as stored. */
    public void mentionChanged(Mention m) {
        if (selectedMention.get() != null && selectedMention.get().id() == m.id()) {
            selectedMention.set(m);
        }
    }
}
