package io.crisisconsole.playbooks.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.toolkit.ui.Fit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;

/**
 * One line of a playbook diff in a list: "+" added (green), "−" removed (red), unchanged muted. The
 * playbooks' history shows it, and so does the debrief's proposed change (shown before it is accepted).
 */
public final class DiffCell extends ListCell<DiffLine> {
    private final Label line = new Label();

    public DiffCell() {
        Fit.wrapInList(this, line);
    }

    @Override
    protected void updateItem(DiffLine d, boolean empty) {
        super.updateItem(d, empty);
        line.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        if (empty || d == null) {
            setGraphic(null);
            return;
        }
        switch (d.kind()) {
            case ADDED -> {
                line.setText("+ " + d.text());
                line.getStyleClass().add(Styles.SUCCESS);
            }
            case REMOVED -> {
                line.setText("\u2212 " + d.text());
                line.getStyleClass().add(Styles.DANGER);
            }
            default -> {
                line.setText("  " + d.text());
                line.getStyleClass().add(Styles.TEXT_MUTED);
            }
        }
        setGraphic(line);
    }
}
