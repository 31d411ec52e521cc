package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.MentionColumnMapping;
import io.crisisconsole.inbox.MentionField;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Fit;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The preview pane of a mention import ({@code inbox_import.fxml}): what the reader detected, one
 * column choice per {@link MentionField}, the date order, sentiment scale and time zone, and the
 * first rows read again ({@link MentionFileReader#withMapping}) whenever one of them changes.
 */
public final class MentionImportController {

    /** Columns of field choices per row of the grid (label + box each). */
    private static final int FIELDS_PER_ROW = 4;
    /** Characters of a mention's text shown in the preview table. */
    static final int SHOWN_TEXT = 140;

    private final Messages messages;
    private final Formats formats;
    private final Map<MentionField, ComboBox<Integer>> fieldBoxes = new EnumMap<>(MentionField.class);
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper(false);
    private MentionFilePreview base;
    private MentionFilePreview current;
    private MentionColumnMapping mapping;
    private ZoneId zone;
    private boolean updating;

    @FXML
    private Label fileLabel;
    @FXML
    private Label detectedLabel;
    @FXML
    private Label sourceLabel;
    @FXML
    private GridPane fieldsGrid;
    @FXML
    private ComboBox<DateOrder> dateOrderBox;
    @FXML
    private ComboBox<SentimentScale> scaleBox;
    @FXML
    private ComboBox<String> zoneBox;
    @FXML
    private Label previewHeading;
    @FXML
    private TableView<MentionFilePreview.Row> previewTable;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> lineColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> publishedColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> authorColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> platformColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> textColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> sentimentColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> reachColumn;
    @FXML
    private TableColumn<MentionFilePreview.Row, String> problemColumn;
    @FXML
    private Label missingLabel;
    @FXML
    private TextField saveAsField;
    @FXML
    private ButtonType importType;

    public MentionImportController(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    @FXML
    private void initialize() {
        dateOrderBox.getItems().setAll(DateOrder.values());
        dateOrderBox.setConverter(DisplayConverter.of(o -> messages.get("inbox.import.dateOrder.value",
                Map.of("order", o.name()))));
        scaleBox.getItems().setAll(SentimentScale.values());
        scaleBox.setConverter(DisplayConverter.of(s -> messages.get("inbox.import.scale.value",
                Map.of("scale", s.name()))));
        zoneBox.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        previewTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        missingLabel.managedProperty().bind(missingLabel.textProperty().isNotEmpty());
        previewTable.setPlaceholder(Fit.placeholder(messages.get("inbox.import.preview.empty")));
        cell(lineColumn, r -> formats.number(r.line()));
        cell(publishedColumn, r -> r.mention() == null ? "" : formats.dayClock(r.mention().publishedAt()));
        cell(authorColumn, r -> r.mention() == null || r.mention().author() == null ? "" : r.mention().author());
        cell(platformColumn, r -> r.mention() == null ? "" : r.mention().platform());
        cell(textColumn, r -> r.mention() == null ? "" : shortened(r.mention().text()));
        cell(sentimentColumn, r -> r.mention() == null ? ""
                : messages.get("inbox.import.sentiment", Map.of("sentiment", r.mention().sentiment().name())));
        cell(reachColumn, r -> r.mention() == null || r.mention().reach() == null ? ""
                : formats.number(r.mention().reach()));
        cell(problemColumn, r -> problemsOf(r));
        dateOrderBox.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                apply(mapping.withDateOrder(b));
            }
        });
        scaleBox.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                apply(mapping.withSentimentScale(b));
            }
        });
        zoneBox.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                zoneChanged(b);
            }
        });
    }

    /**
     * Fills the pane for {@code preview} (a readable header was found), starting from {@code start}
     * (the guessed mapping, or one saved for the same header, said by {@code savedName}).
     *
     * @param savedName the name the mapping was saved under, or null when it is the guess
     * @param savedProblem why a saved mapping could not be used (then {@code start} is the guess), or null
     */
    public void show(MentionFilePreview preview, MentionColumnMapping start, String savedName, String savedProblem,
            ZoneId startZone) {
        this.base = preview;
        this.zone = startZone;
        fileLabel.setText(preview.fileName());
        detectedLabel.setText(detected(preview));
        if (savedName != null) {
            sourceLabel.setText(messages.get("inbox.import.source.saved", savedName));
        } else if (savedProblem != null) {
            sourceLabel.setText(messages.get("inbox.import.source.unusable", savedProblem));
        } else {
            sourceLabel.setText(messages.get("inbox.import.source.guessed"));
        }
        buildFieldBoxes(start.header());
        updating = true;
        try {
            zoneBox.setValue(startZone.getId());
        } finally {
            updating = false;
        }
        apply(start);
    }

    private void buildFieldBoxes(List<String> header) {
        List<Integer> choices = new ArrayList<>();
        choices.add(-1);
        for (int i = 0; i < header.size(); i++) {
            choices.add(i);
        }
        StringConverter<Integer> columns = DisplayConverter.of(i -> i < 0 ? messages.get("inbox.import.column.none")
                : header.get(i).isBlank() ? messages.get("inbox.import.column.unnamed", Map.of("number", i + 1))
                : messages.get("inbox.import.column", Map.of("number", i + 1, "header", header.get(i).strip())));
        fieldsGrid.getChildren().clear();
        fieldBoxes.clear();
        int n = 0;
        for (MentionField f : MentionField.values()) {
            Label label = new Label(messages.get("inbox.import.field", Map.of("field", f.name())));
            ComboBox<Integer> box = new ComboBox<>();
            box.setId("field-" + f.name());
            box.getItems().setAll(choices);
            box.setConverter(columns);
            box.setPrefWidth(170);
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().addListener((o, a, b) -> {
                if (!updating && b != null) {
                    apply(b < 0 ? mapping.without(f) : mapping.with(f, b));
                }
            });
            label.setLabelFor(box);
            label.setMinWidth(Region.USE_PREF_SIZE);
            fieldBoxes.put(f, box);
            fieldsGrid.add(label, (n % FIELDS_PER_ROW) * 2, n / FIELDS_PER_ROW);
            fieldsGrid.add(box, (n % FIELDS_PER_ROW) * 2 + 1, n / FIELDS_PER_ROW);
            n++;
        }
    }

    private void zoneChanged(String text) {
        try {
            zone = ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            zone = null;
        }
        apply(mapping);
    }

    /** Takes {@code next} as the mapping: every box shows it, the rows are read again with it. */
    private void apply(MentionColumnMapping next) {
        mapping = next;
        updating = true;
        try {
            for (Map.Entry<MentionField, ComboBox<Integer>> e : fieldBoxes.entrySet()) {
                e.getValue().setValue(next.indexOf(e.getKey()));
            }
            dateOrderBox.setValue(next.dateOrder());
            scaleBox.setValue(next.sentimentScale());
        } finally {
            updating = false;
        }
        List<String> missing = new ArrayList<>();
        for (MentionField required : List.of(MentionField.DATE, MentionField.TEXT)) {
            if (next.indexOf(required) < 0) {
                missing.add(messages.get("inbox.import.field", Map.of("field", required.name())));
            }
        }
        if (zone == null) {
            current = null;
            previewTable.getItems().clear();
            missingLabel.setText(messages.get("inbox.import.zone.invalid", String.valueOf(zoneBox.getValue())));
            importable.set(false);
            return;
        }
        current = MentionFileReader.withMapping(base, next, zone);
        previewTable.getItems().setAll(current.rows());
        long bad = current.rows().stream().filter(r -> r.mention() == null).count();
        previewHeading.setText(messages.get("inbox.import.preview.heading", Map.of("count", current.rows().size(),
                "bad", bad)));
        missingLabel.setText(missing.isEmpty() ? ""
                : messages.get("inbox.import.missing", Map.of("fields", String.join(", ", missing))));
        importable.set(missing.isEmpty());
    }

    private String detected(MentionFilePreview p) {
        String layout = p.layout() == null ? messages.get("inbox.import.layout.none")
                : messages.get("inbox.import.layout", p.layout());
        if (p.format() == MentionFilePreview.Format.XLSX) {
            return messages.get("inbox.import.detected.xlsx", Map.of("line", p.headerLine(), "layout", layout));
        }
        Character d = p.delimiter();
        String delimiter = d == null ? "" : d == '\t' ? messages.get("inbox.import.delimiter.tab")
                : messages.get("inbox.import.delimiter.char", String.valueOf(d));
        return messages.get("inbox.import.detected.text", Map.of("format", p.format().name(), "encoding",
                String.valueOf(p.encoding()), "delimiter", delimiter, "line", p.headerLine(), "layout", layout));
    }

    private static String problemsOf(MentionFilePreview.Row r) {
        List<String> out = new ArrayList<>();
        for (String p : r.problems()) {
            // "file:line: problem": the line is in its own column
            String prefix = ":" + r.line() + ": ";
            int at = p.indexOf(prefix);
            out.add(at >= 0 ? p.substring(at + prefix.length()) : p);
        }
        return String.join("; ", out);
    }

    /** The text on one line, cut to {@value #SHOWN_TEXT} characters. */
    static String shortened(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= SHOWN_TEXT ? one : one.substring(0, SHOWN_TEXT - 1).stripTrailing() + "\u2026";
    }

    private static void cell(TableColumn<MentionFilePreview.Row, String> column,
            Function<MentionFilePreview.Row, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
    }

    /** Call once the pane is in a dialog: Import stays disabled while a required column is missing. */
    public void bindImportButton(DialogPane pane) {
        Button b = (Button) pane.lookupButton(importType);
        b.setId("importMentionsButton");
        b.disableProperty().bind(importable.not());
    }

    /** The button type that imports. */
    public ButtonType importType() {
        return importType;
    }

    public ReadOnlyBooleanProperty importableProperty() {
        return importable.getReadOnlyProperty();
    }

    /** The preview as read with the chosen mapping and zone (null while the zone is not one). */
    public MentionFilePreview preview() {
        return current;
    }

    public MentionColumnMapping mapping() {
        return mapping;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The name to save the mapping under, or null when none was typed. */
    public String saveAs() {
        String s = saveAsField.getText();
        return s == null || s.isBlank() ? null : s.strip();
    }
}
