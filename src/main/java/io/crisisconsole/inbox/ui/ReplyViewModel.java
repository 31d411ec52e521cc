package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.Mention;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The reply pane of the inbox: the answer to the selected mention, checked as it is typed, and
 * recorded with the time it went out.
 */
public final class ReplyViewModel {

    private final ObjectProperty<Mention> mention = new SimpleObjectProperty<>();
    private Consumer<Mention> onAnswered = m -> {
    };

    /** The mention being answered (set by the inbox when the selection changes), or null. */
    public ObjectProperty<Mention> mentionProperty() {
        return mention;
    }

    /** Called on the FX thread with the mention as stored after an answer was recorded. */
    public void setOnAnswered(Consumer<Mention> onAnswered) {
        this.onAnswered = Objects.requireNonNull(onAnswered, "onAnswered");
    }

    Consumer<Mention> onAnswered() {
        return onAnswered;
    }
}
