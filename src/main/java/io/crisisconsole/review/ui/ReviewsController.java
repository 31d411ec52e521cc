package io.crisisconsole.review.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.CaseCell;
import io.crisisconsole.cases.ui.CaseTexts;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.KeyTimeChange;
import io.crisisconsole.review.KeyTimeValue;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.FilePicker;
import io.crisisconsole.toolkit.ui.Fit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Reviews area: the cases to review on the left; for the chosen one the review (key times,
 * summary, impact, contributing factors, lessons), its debrief (hot-wash, improvement plan,
 * playbook changes) and the external summary; the export of the report above them.
 */
public final class ReviewsController {

    private final ReviewViewModel vm;
    private final FilePicker files;
    private final Consumer<Path> openFile;
    private final Messages messages;
    private final Formats formats;
    private final CaseTexts caseTexts;
    private KeyTime chosenKind;

    @FXML
    private SplitPane root;
    @FXML
    private ListView<CrisisCase> reviewCaseList;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox reviewPane;
    @FXML
    private HBox exerciseBand;
    @FXML
    private Label titleLabel;
    @FXML
    private Label metaLabel;
    @FXML
    private ComboBox<ReportFormat> formatBox;
    @FXML
    private Button exportButton;
    @FXML
    private ProgressBar exportBar;
    @FXML
    private Button cancelExportButton;
    @FXML
    private Label exportStatus;
    @FXML
    private Hyperlink openExportLink;
    @FXML
    private Label reviewProblem;
    @FXML
    private TableView<KeyTimeValue> keyTimeTable;
    @FXML
    private TableColumn<KeyTimeValue, String> kindColumn;
    @FXML
    private TableColumn<KeyTimeValue, String> atColumn;
    @FXML
    private TableColumn<KeyTimeValue, String> derivedColumn;
    @FXML
    private TableColumn<KeyTimeValue, String> setByColumn;
    @FXML
    private TableColumn<KeyTimeValue, String> noteColumn;
    @FXML
    private TextField keyTimeField;
    @FXML
    private TextField keyTimeNote;
    @FXML
    private Button setKeyTimeButton;
    @FXML
    private Button resetKeyTimeButton;
    @FXML
    private ListView<KeyTimeChange> keyTimeChangeList;
    @FXML
    private TextArea summaryArea;
    @FXML
    private TextArea impactArea;
    @FXML
    private TextArea factorsArea;
    @FXML
    private TextArea lessonsArea;
    @FXML
    private Button saveButton;
    @FXML
    private Label savedStatus;
    @FXML
    private TextArea happenedArea;
    @FXML
    private TextArea didArea;
    @FXML
    private TextArea changesArea;
    @FXML
    private Button saveExternalButton;
    @FXML
    private Label savedStatusExternal;
    /** The debrief form's controller (fx:include "debrief"). */
    @FXML
    private DebriefController debriefController;

    public ReviewsController(ReviewViewModel vm, FilePicker files, Consumer<Path> openFile, Messages messages,
            Formats formats) {
        this.vm = Objects.requireNonNull(vm);
        this.files = Objects.requireNonNull(files);
        this.openFile = Objects.requireNonNull(openFile);
        this.messages = Objects.requireNonNull(messages);
        this.formats = Objects.requireNonNull(formats);
        this.caseTexts = new CaseTexts(messages);
    }

    @FXML
    private void initialize() {
        reviewCaseList.setItems(vm.cases());
        reviewCaseList.setCellFactory(l -> new CaseCell(messages,
                c -> messages.get("review.case.title", Map.of("id", c.id(), "title", c.title())),
                c -> messages.get("review.case.item", Map.of("status", caseTexts.status(c.status()),
                        "opened", formats.dayClock(c.openedAt())))));
        reviewCaseList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            showCase(b);
            if (b != null) {
                reviewCaseList.getSelectionModel().select(b);
                debriefController.show(b.id());
            }
        });
        showCase(vm.selectedProperty().get());

        formatBox.getItems().setAll(vm.formats());
        formatBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportFormat f) {
                return f == null ? "" : messages.get("review.format." + f.extension());
            }

            @Override
            public ReportFormat fromString(String s) {
                return null;
            }
        });
        formatBox.valueProperty().bindBidirectional(vm.formatProperty());
        exportButton.disableProperty().bind(vm.exportingProperty().or(vm.formatProperty().isNull())
                .or(vm.selectedProperty().isNull()));
        exportBar.progressProperty().bind(vm.exportProgressProperty());
        show(exportBar, vm.exportingProperty().get());
        show(cancelExportButton, vm.exportingProperty().get());
        vm.exportingProperty().addListener((o, a, b) -> {
            show(exportBar, b);
            show(cancelExportButton, b);
        });
        exportStatus.textProperty().bind(vm.exportStatusProperty());
        vm.lastExportProperty().addListener((o, a, b) -> show(openExportLink, b != null));

        reviewProblem.textProperty().bind(vm.problemProperty());
        vm.problemProperty().addListener((o, a, b) -> show(reviewProblem, !b.isEmpty()));

        keyTimeTable.setItems(vm.keyTimes());
        kindColumn.setCellValueFactory(c -> text(kindLabel(c.getValue().kind())));
        atColumn.setCellValueFactory(c -> text(time(c.getValue().at())));
        derivedColumn.setCellValueFactory(c -> text(time(c.getValue().derivedAt())));
        setByColumn.setCellValueFactory(c -> text(c.getValue().edited() ? setBy(c.getValue())
                : messages.get("review.keyTimes.fromRecord")));
        keyTimeTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KeyTimeValue v, boolean empty) {
                super.updateItem(v, empty);
                // the whole of a change that a narrow column cuts: who, when, why
                setTooltip(empty || v == null || !v.edited() ? null : new Tooltip(setBy(v)
                        + (v.note() == null ? "" : "\n" + v.note())));
            }
        });
        // a key time changed: the list is read again, the row stays chosen
        keyTimeTable.getItems().addListener((javafx.collections.ListChangeListener<KeyTimeValue>) ch -> {
            KeyTime kind = chosenKind;
            if (kind != null) {
                // after the table has taken the new items in (it clears its selection meanwhile)
                javafx.application.Platform.runLater(() -> vm.keyTimes().stream().filter(v -> v.kind() == kind)
                        .findFirst().ifPresent(v -> keyTimeTable.getSelectionModel().select(v)));
            }
        });
        noteColumn.setCellValueFactory(c -> text(c.getValue().note() == null ? "" : c.getValue().note()));
        keyTimeTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                chosenKind = b.kind();
            }
            keyTimeField.setText(b == null || b.at() == null ? "" : formats.dayClock(b.at()));
            keyTimeNote.setText("");
        });
        setKeyTimeButton.disableProperty().bind(keyTimeTable.getSelectionModel().selectedItemProperty().isNull()
                .or(keyTimeField.textProperty().isEmpty()));
        resetKeyTimeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            KeyTimeValue v = keyTimeTable.getSelectionModel().getSelectedItem();
            return v == null || !v.edited();
        }, keyTimeTable.getSelectionModel().selectedItemProperty()));
        keyTimeChangeList.setItems(vm.keyTimeChanges());
        keyTimeChangeList.setCellFactory(l -> new ChangeCell());

        summaryArea.textProperty().bindBidirectional(vm.summaryProperty());
        impactArea.textProperty().bindBidirectional(vm.impactProperty());
        factorsArea.textProperty().bindBidirectional(vm.factorsProperty());
        lessonsArea.textProperty().bindBidirectional(vm.lessonsProperty());
        happenedArea.textProperty().bindBidirectional(vm.whatHappenedProperty());
        didArea.textProperty().bindBidirectional(vm.whatWeDidProperty());
        changesArea.textProperty().bindBidirectional(vm.whatChangesProperty());
        saveButton.disableProperty().bind(vm.dirtyProperty().not());
        saveExternalButton.disableProperty().bind(vm.dirtyProperty().not());
        savedStatus.textProperty().bind(vm.savedStatusProperty());
        savedStatusExternal.textProperty().bind(vm.savedStatusProperty());
        vm.reload();
        // the area is shown again: cases opened or closed meanwhile are listed
        root.parentProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.reload();
            }
        });
    }

    private void showCase(CrisisCase c) {
        show(emptyState, c == null);
        show(reviewPane, c != null);
        if (c == null) {
            return;
        }
        show(exerciseBand, c.exercise());
        titleLabel.setText(messages.get("review.case.title", Map.of("id", c.id(), "title", c.title())));
        metaLabel.setText(messages.get("review.case.meta", Map.of("status", caseTexts.status(c.status()),
                "opened", formats.dayClock(c.openedAt()), "closedGiven", String.valueOf(c.closedAt() != null),
                "closed", c.closedAt() == null ? "" : formats.dayClock(c.closedAt()), "owner", c.owner())));
    }

    private String setBy(KeyTimeValue v) {
        return messages.get("review.keyTimes.setBy", Map.of("by", v.setBy(), "at", formats.dayClock(v.setAt())));
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private String kindLabel(KeyTime k) {
        return messages.get("review.keyTime." + k.name().toLowerCase(Locale.ROOT));
    }

    private String time(Instant t) {
        return t == null ? messages.get("review.keyTimes.unknown") : formats.dayClock(t);
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void setKeyTime() {
        KeyTimeValue v = keyTimeTable.getSelectionModel().getSelectedItem();
        if (v != null) {
            vm.setKeyTime(v.kind(), keyTimeField.getText(), keyTimeNote.getText());
        }
    }

    @FXML
    private void resetKeyTime() {
        KeyTimeValue v = keyTimeTable.getSelectionModel().getSelectedItem();
        if (v != null) {
            vm.resetKeyTime(v.kind(), keyTimeNote.getText());
        }
    }

    @FXML
    private void export() {
        ReportFormat f = vm.formatProperty().get();
        if (f == null || vm.selectedProperty().get() == null) {
            return;
        }
        files.save(root.getScene().getWindow(), messages.get("review.export.chooser"), vm.suggestedFileName(),
                messages.get("review.format." + f.extension()), "*." + f.extension()).ifPresent(vm::export);
    }

    @FXML
    private void cancelExport() {
        vm.cancelExport();
    }

    @FXML
    private void openExport() {
        Path p = vm.lastExportProperty().get();
        if (p != null) {
            openFile.accept(p);
        }
    }

    // ------------------------------------------------------------------ cells

    private final class ChangeCell extends ListCell<KeyTimeChange> {
        private final Label line = new Label();

        ChangeCell() {
            line.setWrapText(true);
            Fit.wrapInList(this, line);
        }

        @Override
        protected void updateItem(KeyTimeChange ch, boolean empty) {
            super.updateItem(ch, empty);
            if (empty || ch == null) {
                setGraphic(null);
                return;
            }
            line.setText(messages.get("review.keyTimes.change", Map.of("kind", kindLabel(ch.kind()),
                    "before", time(ch.before()), "afterGiven", String.valueOf(ch.after() != null),
                    "after", ch.after() == null ? "" : formats.dayClock(ch.after()), "by", ch.changedBy(),
                    "at", formats.dayClock(ch.changedAt()), "noteGiven", String.valueOf(ch.note() != null),
                    "note", ch.note() == null ? "" : ch.note())));
            setGraphic(line);
        }
    }
}
