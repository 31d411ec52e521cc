package io.crisisconsole.playbooks.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.PlanReminder;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReviewService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Fit;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The playbooks area: list, form and YAML editor with live validation, history with diffs. */
public final class PlaybooksController {

    private final PlaybooksViewModel vm;
    private final PlanReviewViewModel planReview;
    private final Messages messages;
    private final Formats formats;
    private final PlaybookForm form;
    private boolean showingInYaml;
    private boolean showingInForm;

    @FXML
    private SplitPane root;
    @FXML
    private ListView<StoredPlaybook> playbookList;
    @FXML
    private Button exportButton;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox editor;
    @FXML
    private Label titleLabel;
    @FXML
    private Label metaLabel;
    @FXML
    private Label stateLabel;
    @FXML
    private Button saveButton;
    @FXML
    private Button revertButton;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab yamlTab;
    @FXML
    private StackPane formHolder;
    @FXML
    private TextArea yamlText;
    @FXML
    private Label problemsLabel;
    @FXML
    private ListView<PlaybookProblem> problemList;
    @FXML
    private ListView<PlaybookVersion> versionList;
    @FXML
    private ListView<DiffLine> diffList;
    @FXML
    private Label diffNoteLabel;
    @FXML
    private Label reviewCountLabel;
    @FXML
    private FontIcon reviewCountIcon;
    @FXML
    private Spinner<Integer> reviewDaysSpinner;
    @FXML
    private Label reviewDaysUnit;
    @FXML
    private HBox reviewBanner;
    @FXML
    private Label reviewReason;

    public PlaybooksController(PlaybooksViewModel vm, PlanReviewViewModel planReview, Messages messages,
            Formats formats) {
        this.vm = vm;
        this.planReview = planReview;
        this.messages = messages;
        this.formats = formats;
        this.form = new PlaybookForm(messages);
    }

    @FXML
    private void initialize() {
        var isOpen = vm.openProperty().isNotNull();
        editor.visibleProperty().bind(isOpen);
        editor.managedProperty().bind(isOpen);
        emptyState.visibleProperty().bind(isOpen.not());
        emptyState.managedProperty().bind(isOpen.not());
        exportButton.disableProperty().bind(isOpen.not());

        playbookList.setItems(vm.playbooks());
        playbookList.setCellFactory(v -> new PlaybookCell());
        initPlanReview();
        playbookList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (vm.openProperty().get() == null || vm.openProperty().get().id() != b.id())) {
                vm.open(b);
            }
        });
        vm.openProperty().addListener((o, a, p) -> {
            if (p != null) {
                titleLabel.setText(p.title());
                metaLabel.setText(messages.get(p.bundled() ? "playbooks.editor.meta.bundled" : "playbooks.editor.meta",
                        p.key(), p.language(), p.currentVersion()));
            }
        });

        formHolder.getChildren().setAll(form);
        form.onChange(() -> {
            if (showingInForm) {
                return;
            }
            try {
                showingInYaml = true;
                vm.formEdited(form.value());
            } catch (RecordForm.FormException e) {
                problemsLabel.setText(e.getMessage());
            } finally {
                showingInYaml = false;
            }
        });
        vm.forFormProperty().addListener((o, a, p) -> {
            if (p != null) {
                showingInForm = true;
                try {
                    form.show(p);
                } finally {
                    showingInForm = false;
                }
            }
        });

        yamlText.textProperty().addListener((o, a, b) -> {
            if (!showingInYaml && !b.equals(vm.yamlProperty().get())) {
                validateSoon.playFromStart();
            }
        });
        validateSoon.setOnFinished(e -> vm.yamlEdited(yamlText.getText()));
        vm.yamlProperty().addListener((o, a, b) -> {
            if (!b.equals(yamlText.getText())) {
                showingInYaml = true;
                try {
                    yamlText.setText(b);
                } finally {
                    showingInYaml = false;
                }
            }
        });

        problemList.setItems(vm.problems());
        problemList.setCellFactory(v -> new ListCell<>() {
            private final Label text = new Label();

            {
                text.getStyleClass().add(Styles.DANGER);
                Fit.wrapInList(this, text);
            }

            @Override
            protected void updateItem(PlaybookProblem p, boolean empty) {
                super.updateItem(p, empty);
                text.setText(empty || p == null ? null
                        : messages.get("playbooks.yaml.problem", String.valueOf(p.line()), String.valueOf(p.column()),
                                p.message()));
                setGraphic(empty || p == null ? null : text);
            }
        });
        problemList.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                goTo(p.line(), p.column());
            }
        });
        problemsLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty()
                ? messages.get("playbooks.yaml.valid")
                : messages.get("playbooks.yaml.problems", Map.of("count", vm.problems().size())), vm.problems()));
        yamlTab.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty()
                ? messages.get("playbooks.editor.tab.yaml")
                : messages.get("playbooks.editor.tab.yaml.problems", Map.of("count", vm.problems().size())),
                vm.problems()));

        stateLabel.textProperty().bind(Bindings.when(vm.dirtyProperty()).then(messages.get("playbooks.editor.unsaved"))
                .otherwise(messages.get("playbooks.editor.saved")));
        saveButton.disableProperty().bind(vm.dirtyProperty().not().or(Bindings.isNotEmpty(vm.problems())));
        revertButton.disableProperty().bind(vm.dirtyProperty().not());

        versionList.setItems(vm.versions());
        versionList.setCellFactory(v -> new ListCell<>() {
            private final Label text = new Label();

            {
                Fit.wrapInList(this, text);
            }

            @Override
            protected void updateItem(PlaybookVersion pv, boolean empty) {
                super.updateItem(pv, empty);
                if (empty || pv == null) {
                    setGraphic(null);
                    return;
                }
                String version = messages.get("playbooks.history.version", pv.version(), formats.dayClock(pv.savedAt()),
                        pv.author());
                text.setText(pv.note() == null || pv.note().isBlank() ? version : version + "\n" + pv.note());
                setGraphic(text);
            }
        });
        versionList.getSelectionModel().selectedItemProperty().addListener((o, a, pv) -> {
            if (pv != null) {
                vm.showDiff(pv.version() - 1, pv.version());
            }
        });
        diffList.setItems(vm.diff());
        diffNoteLabel.textProperty().bind(vm.diffNoteProperty());
        diffNoteLabel.visibleProperty().bind(vm.diffNoteProperty().isNotEmpty());
        diffNoteLabel.managedProperty().bind(diffNoteLabel.visibleProperty());
        vm.rewrittenProperty().addListener((o, was, now) -> {
            diffNoteLabel.getStyleClass().remove(atlantafx.base.theme.Styles.WARNING);
            if (now) {
                diffNoteLabel.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
            }
        });
        diffList.setCellFactory(v -> new DiffCell());
        diffList.setPlaceholder(Fit.placeholder(messages.get("playbooks.history.placeholder")));

        vm.reload();
    }

    private final PauseTransition validateSoon = new PauseTransition(Duration.millis(250));

    private void goTo(int line, int column) {
        String text = yamlText.getText();
        int pos = 0;
        for (int l = 1; l < line && pos >= 0; l++) {
            pos = text.indexOf('\n', pos) + 1;
            if (pos == 0) {
                pos = text.length();
                break;
            }
        }
        yamlText.positionCaret(Math.min(text.length(), pos + Math.max(0, column - 1)));
        yamlText.requestFocus();
    }

    @FXML
    private void save() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(messages.get("playbooks.save.title"));
        dialog.setHeaderText(messages.get("playbooks.save.header"));
        dialog.showAndWait().ifPresent(vm::save);
    }

    @FXML
    private void revert() {
        vm.revert();
    }

    @FXML
    private void importPlaybook() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("playbooks.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("playbooks.import.filter"),
                "*.yaml", "*.yml"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.importFile(file.toPath(), this::showProblems);
        }
    }

    private void showProblems(List<PlaybookProblem> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(messages.get("playbooks.import.title"));
        alert.setHeaderText(messages.get("playbooks.import.refused"));
        TextArea text = new TextArea(problems.stream().map(PlaybookProblem::format).collect(Collectors.joining("\n")));
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(640);
        alert.showAndWait();
    }

    @FXML
    private void exportPlaybook() {
        StoredPlaybook p = vm.openProperty().get();
        if (p == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("playbooks.export.title"));
        chooser.setInitialFileName(p.key() + "." + p.language() + ".yaml");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath());
        }
    }

    /** The reminders: the count in the list's header, the interval setting, a badge per playbook, the banner. */
    private void initPlanReview() {
        reviewCountLabel.textProperty().bind(Bindings.createStringBinding(() -> messages.get("playbooks.review.count",
                Map.of("count", planReview.flaggedProperty().get())), planReview.flaggedProperty()));
        planReview.flaggedProperty().addListener((o, a, n) -> reviewCountIcon.setIconLiteral(n.intValue() > 0
                ? "fth-alert-triangle" : "fth-check-circle"));
        reviewCountLabel.setId("reviewCountLabel");
        SpinnerValueFactory.IntegerSpinnerValueFactory days = new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                PlaybookReviewService.MAX_DAYS, planReview.daysProperty().get(), 30);
        reviewDaysSpinner.setValueFactory(days);
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                planReview.daysProperty().set(b);
            }
        });
        reviewDaysUnit.textProperty().bind(Bindings.createStringBinding(() -> messages.get("playbooks.review.days",
                Map.of("count", planReview.daysProperty().get())), planReview.daysProperty()));
        planReview.reminders().addListener((javafx.collections.MapChangeListener<Long, PlanReminder>) c -> {
            playbookList.refresh();
            showBanner();
        });
        vm.openProperty().addListener((o, a, p) -> showBanner());
        vm.playbooks().addListener((javafx.collections.ListChangeListener<StoredPlaybook>) c -> planReview.refresh());
    }

    private void showBanner() {
        StoredPlaybook p = vm.openProperty().get();
        PlanReminder r = p == null ? null : planReview.reminders().get(p.id());
        boolean due = r != null && r.flagged();
        reviewBanner.setVisible(due);
        reviewBanner.setManaged(due);
        reviewReason.setText(due ? why(r) : "");
    }

    /** Why the playbook is due: not reviewed in N days, and/or the case or exercise closed since. */
    private String why(PlanReminder r) {
        StringBuilder b = new StringBuilder();
        if (r.overdue()) {
            b.append(messages.get("playbooks.review.overdue", Map.of("since", r.daysSince(), "limit", r.days(),
                    "when", formats.dayClock(r.reviewedAt()), "who", r.reviewedBy())));
        }
        if (r.closedCase() != null) {
            b.append(b.length() > 0 ? "\n" : "").append(messages.get(r.closedCase().exercise()
                    ? "playbooks.review.exercise" : "playbooks.review.case", Map.of("id", r.closedCase().id(),
                            "title", r.closedCase().title(), "when", formats.dayClock(r.closedCase().closedAt()),
                            "reviewed", formats.dayClock(r.reviewedAt()))));
        }
        return b.toString();
    }

    @FXML
    private void markReviewed() {
        StoredPlaybook p = vm.openProperty().get();
        if (p != null) {
            planReview.markReviewed(p.id());
        }
    }

    private final class PlaybookCell extends ListCell<StoredPlaybook> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label badge = new Label();
        private final VBox box = new VBox(2, title, meta, badge);

        PlaybookCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            badge.getStyleClass().addAll("plan-review-badge", Styles.TEXT_SMALL);
            badge.setGraphic(new FontIcon("fth-alert-triangle"));
            badge.setText(messages.get("playbooks.review.badge"));
            Fit.wrapInList(this, title, meta, badge);
        }

        @Override
        protected void updateItem(StoredPlaybook p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            title.setText(p.title());
            meta.setText(messages.get(p.bundled() ? "playbooks.list.item.bundled" : "playbooks.list.item", p.key(),
                    p.language(), p.currentVersion()));
            PlanReminder r = planReview.reminders().get(p.id());
            boolean due = r != null && r.flagged();
            badge.setVisible(due);
            badge.setManaged(due);
            setGraphic(box);
        }
    }
}
