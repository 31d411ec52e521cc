package io.crisisconsole.toolkit.ui;

import java.util.List;
import javafx.scene.control.TextArea;

/** The problems of a refused file in a dialog: one a line, selectable for copying, not editable. */
public final class ProblemList {

    private ProblemList() {
    }

    /** A text area of {@code lines} with node id {@code id}, as tall as they need up to {@code maxRows} rows. */
    public static TextArea of(String id, List<String> lines, int columns, int maxRows) {
        TextArea list = new TextArea(String.join("\n", lines));
        list.setId(id);
        list.setEditable(false);
        list.setWrapText(true);
        list.setPrefColumnCount(columns);
        list.setPrefRowCount(Math.min(maxRows, Math.max(3, lines.size() + 1)));
        return list;
    }
}
