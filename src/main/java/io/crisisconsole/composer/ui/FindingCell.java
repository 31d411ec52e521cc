package io.crisisconsole.composer.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.composer.Finding;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.javafx.FontIcon;

/** A finding of the message checks in a list: its message, an error or warning icon (composer, reply pane). */
public final class FindingCell extends ListCell<Finding> {

    // made once a cell: a new icon each time a list is shown again would be styled and laid out anew
    private FontIcon error;
    private FontIcon warning;

    @Override
    protected void updateItem(Finding f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(ComposerChecks.text(f));
        if (f.level() == Finding.Level.ERROR) {
            error = error == null ? icon("fth-x-circle", Styles.DANGER) : error;
            setGraphic(error);
        } else {
            warning = warning == null ? icon("fth-alert-triangle", Styles.WARNING) : warning;
            setGraphic(warning);
        }
    }

    /** A Feather icon with a style class ({@code Styles.DANGER}, {@code Styles.WARNING}). */
    public static FontIcon icon(String literal, String style) {
        FontIcon i = new FontIcon(literal);
        i.getStyleClass().add(style);
        return i;
    }
}
