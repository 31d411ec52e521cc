package io.crisisconsole.playbooks.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Fit;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Edits a list of records: the list on the left, the selected item's {@link RecordForm} on the
 * right, with add, remove and move buttons. Changes in the form go straight into the list.
 */
public final class RecordListEditor<R extends Record> extends HBox {

    private final ObservableList<R> items = FXCollections.observableArrayList();
    private final ListView<R> list = new ListView<>(items);
    private final RecordForm<R> form;
    private final Label problem = new Label();
    private final Messages messages;
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean showing;

    public RecordListEditor(Class<R> type, Supplier<R> newItem, Messages messages) {
        super(12);
        this.messages = messages;
        form = new RecordForm<>(type, messages);
        String base = type.getSimpleName().toLowerCase(Locale.ROOT);
        list.setId(base + "-list");
        list.setPrefWidth(240);
        list.setPrefHeight(180);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label text = new Label();

            {
                Fit.wrapInList(this, text); // long summaries wrap instead of scrolling sideways or ending in "…"
            }

            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? null : summary(item, messages.get("playbooks.form.list.new")));
                setGraphic(empty || item == null ? null : text);
            }
        });
        Button add = iconButton("fth-plus", messages.get("playbooks.form.list.add"));
        add.setId(base + "-add");
        add.setOnAction(e -> {
            items.add(newItem.get());
            list.getSelectionModel().selectLast();
            changed();
        });
        Button remove = iconButton("fth-trash-2", messages.get("playbooks.form.list.remove"));
        remove.setId(base + "-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                items.remove(i);
                changed();
            }
        });
        Button up = iconButton("fth-arrow-up", null);
        up.setOnAction(e -> move(-1));
        Button down = iconButton("fth-arrow-down", null);
        down.setOnAction(e -> move(1));
        Fit.keepWidth(add, remove, up, down);
        up.setAccessibleText(messages.get("playbooks.form.list.up"));
        down.setAccessibleText(messages.get("playbooks.form.list.down"));
        Fit.tooltip(up, messages.get("playbooks.form.list.up"));
        Fit.tooltip(down, messages.get("playbooks.form.list.down"));
        // a flow: on a narrow list the buttons go to a second row instead of shrinking to "+ …"
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, add, remove, up, down);
        buttons.prefWrapLengthProperty().bind(list.widthProperty());
        VBox left = new VBox(6, list, buttons);

        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        form.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox right = new VBox(6, form, problem);
        right.setPadding(new Insets(0, 0, 0, 4));
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!showing) {
                show(b);
            }
        });
        form.onChange(this::formEdited);
    }

    private void show(R item) {
        showing = true;
        try {
            form.setValue(item);
            problem.setText("");
        } finally {
            showing = false;
        }
    }

    private static Button iconButton(String icon, String text) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().add(Styles.SMALL);
        return b;
    }

    /** The text shown for an item in the list: its first one or two text components, else {@code none}. */
    static String summary(Record r, String none) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = RecordForm.read(c, r);
            if (v instanceof String s && !s.isBlank()) {
                parts.add(s.length() > 60 ? s.substring(0, 57) + "\u2026" : s);
            } else if (v instanceof Enum<?> e) {
                parts.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            if (parts.size() == 2) {
                break;
            }
        }
        return parts.isEmpty() ? none : String.join(" \u2014 ", parts);
    }

    private void formEdited() {
        if (showing) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        try {
            R value = form.value();
            problem.setText("");
            showing = true;
            try {
                items.set(i, value);
                list.getSelectionModel().select(i);
            } finally {
                showing = false;
            }
            changed();
        } catch (RecordForm.FormException e) {
            problem.setText(e.getMessage());
        }
    }

    private void move(int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= items.size()) {
            return;
        }
        R item = items.remove(i);
        items.add(j, item);
        list.getSelectionModel().select(j);
        changed();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public void onChange(Runnable r) {
        listeners.add(r);
    }

    /** Replaces the items (e.g. after the YAML was edited); keeps the selected position. */
    public void setItems(List<R> values) {
        int selected = list.getSelectionModel().getSelectedIndex();
        showing = true;
        try {
            items.setAll(values == null ? List.of() : values);
            if (selected >= 0 && selected < items.size()) {
                list.getSelectionModel().select(selected);
            } else if (!items.isEmpty()) {
                list.getSelectionModel().select(0);
            }
        } finally {
            showing = false;
        }
        show(list.getSelectionModel().getSelectedItem());
    }

    public List<R> items() {
        return List.copyOf(items);
    }
}
