package io.crisisconsole.composer.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.composer.Finding;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.javafx.FontIcon;

/** A finding of the message checks in a list: its message, an error or warning icon (composer, reply pane). */
public final class FindingCell extends ListCell<Finding> {

    @Override
    protected void updateItem(Finding f, boolean empty) {
        super.updateItem(f, empty);
        getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        if (empty || f == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(ComposerChecks.text(f));
        setGraphic(f.level() == Finding.Level.ERROR ? icon("fth-x-circle", Styles.DANGER)
                : icon("fth-alert-triangle", Styles.WARNING));
    }

    /** A Feather icon with a style class ({@code Styles.DANGER}, {@code Styles.WARNING}). */
    public static FontIcon icon(String literal, String style) {
        FontIcon i = new FontIcon(literal);
        i.getStyleClass().add(style);
        return i;
    }
}
