package io.crisisconsole.toolkit.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * Texts that fit instead of being cut off with "…": list placeholders and cell texts wrap inside
 * the list's width, buttons keep the width of their text, and a text that must stay short carries
 * the whole of it in a tooltip.
 */
public final class Fit {

    /** Inside a list cell: its padding and a vertical scroll bar. */
    private static final double CELL_INSET = 36;

    private Fit() {
    }

    /** A list or table placeholder that wraps inside the list instead of ending in "…". */
    public static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setPadding(new Insets(12));
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * The cell (if no labels are given) or the labels shown in it wrap inside the list's width: the cell
     * does not ask for the width of its text (no sideways scrolling), and grows in height instead.
     */
    public static void wrapInList(ListCell<?> cell, Labeled... labels) {
        cell.setPrefWidth(0);
        if (labels.length == 0) {
            cell.setWrapText(true);
            return;
        }
        for (Labeled l : labels) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        cell.listViewProperty().addListener((o, was, list) -> {
            for (Labeled l : labels) {
                l.maxWidthProperty().unbind();
                if (list != null) {
                    l.maxWidthProperty().bind(list.widthProperty().subtract(CELL_INSET));
                }
            }
        });
    }

    /** The controls keep at least the width of their text and icon. */
    public static void keepWidth(Region... controls) {
        for (Region r : controls) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The whole text as a tooltip, for a text that is kept short on screen. */
    public static void tooltip(javafx.scene.control.Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        c.setTooltip(t);
    }
}
