package io.crisisconsole.inbox.ui;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** The small dialogs of the inbox: a mention added by hand, who to assign to, the shortcut sheet. */
public final class InboxDialogs {

    /** A mention as typed in the add-by-hand dialog. */
    public record ByHand(String text, String url, String platform, String author, Instant publishedAt) {
    }

    /** One line of the shortcut sheet: the key as written on the keyboard and what it does. */
    record Shortcut(String key, String action) {
    }

    private final Messages messages;
    private final Formats formats;
    private final java.time.Clock clock;

    public InboxDialogs(Messages messages, Formats formats, java.time.Clock clock) {
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    /** Asks for a mention's text, link, platform, author and time; empty when cancelled. */
    public Optional<ByHand> addByHand(Window owner) {
        Dialog<ByHand> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("inbox.add.title"));
        dialog.setHeaderText(messages.get("inbox.add.header"));
        TextArea text = new TextArea();
        text.setId("addText");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPromptText(messages.get("inbox.add.text.prompt"));
        TextField url = field("addUrl", "inbox.add.url.prompt");
        TextField platform = field("addPlatform", "inbox.add.platform.prompt");
        TextField author = field("addAuthor", "inbox.add.author.prompt");
        Instant now = clock.instant();
        DatePicker day = new DatePicker(LocalDate.ofInstant(now, formats.zone()));
        day.setId("addDay");
        TextField time = new TextField(formats.clock(now));
        time.setId("addTime");
        time.setPrefColumnCount(6);
        Label problem = new Label();
        problem.setId("addProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 4, 4));
        grid.addRow(0, new Label(messages.get("inbox.add.text")), text);
        grid.addRow(1, new Label(messages.get("inbox.add.url")), url);
        grid.addRow(2, new Label(messages.get("inbox.add.platform")), platform);
        grid.addRow(3, new Label(messages.get("inbox.add.author")), author);
        javafx.scene.layout.HBox when = new javafx.scene.layout.HBox(8, day, time);
        grid.addRow(4, new Label(messages.get("inbox.add.published")), when);
        grid.add(problem, 1, 5);
        GridPane.setHgrow(text, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(text.textProperty().isEmpty());
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (published(day.getValue(), time.getText()) == null) {
                problem.setText(messages.get("inbox.add.published.invalid", formats.clock(now)));
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new ByHand(text.getText(), blankToNull(url.getText()), blankToNull(platform.getText()),
                        blankToNull(author.getText()), published(day.getValue(), time.getText()))
                : null);
        text.requestFocus();
        return dialog.showAndWait();
    }

    /** The instant of {@code day} at {@code time} ({@code 15:31}) in the UI's zone; null when unreadable. */
    Instant published(LocalDate day, String time) {
        if (day == null || time == null) {
            return null;
        }
        try {
            return day.atTime(LocalTime.parse(time.strip())).atZone(formats.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Asks who to assign {@code count} mentions to, offering {@code suggested}; empty when cancelled or blank. */
    public Optional<String> assignee(Window owner, int count, String suggested) {
        TextInputDialog dialog = new TextInputDialog(suggested == null ? "" : suggested);
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("inbox.assign.title"));
        dialog.setHeaderText(messages.get("inbox.assign.header", java.util.Map.of("count", count)));
        dialog.setContentText(messages.get("inbox.assign.label"));
        dialog.getEditor().setId("assigneeField");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The shortcuts the sheet lists, in its order (each has {@code inbox.key.NAME} and {@code inbox.key.NAME.keys}). */
    static final List<String> SHORTCUTS = List.of("next", "previous", "type", "reply", "assign", "escalate", "hide",
            "select", "back", "record", "sheet");

    /** The keys of the inbox, in the order the sheet lists them. */
    List<Shortcut> shortcuts() {
        return SHORTCUTS.stream().map(n -> new Shortcut(messages.get("inbox.key." + n + ".keys"),
                messages.get("inbox.key." + n))).toList();
    }

    /** The sheet of keyboard shortcuts. */
    public void showShortcuts(Window owner, List<String> typeNames) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("inbox.shortcuts.title"));
        dialog.setHeaderText(messages.get("inbox.shortcuts.header"));
        GridPane grid = new GridPane();
        grid.setId("shortcutSheet");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts()) {
            Label key = new Label(s.key());
            key.getStyleClass().add("text-bold");
            grid.addRow(row++, key, new Label(s.action()));
        }
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < typeNames.size(); i++) {
            if (i > 0) {
                types.append(" · ");
            }
            types.append(i + 1).append('\u00a0').append(typeNames.get(i).replace(' ', '\u00a0'));
        }
        Label typeLine = new Label(types.toString());
        typeLine.setWrapText(true);
        typeLine.getStyleClass().add("text-muted");
        grid.add(typeLine, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(messages.get(promptKey));
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
