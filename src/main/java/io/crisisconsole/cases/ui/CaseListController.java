package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.Severity;
import io.crisisconsole.toolkit.TimeText;

import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import atlantafx.base.controls.CustomTextField;

/** The case list with search and filters; the workspace of the selected case sits beside it. */
public final class CaseListController {

    private final CaseListViewModel vm;
    private final CaseDialogs dialogs;

    @FXML
    private SplitPane root;
    @FXML
    private Button newCaseButton;
    @FXML
    private CustomTextField searchField;
    @FXML
    private ComboBox<StatusFilter> statusFilter;
    @FXML
    private ComboBox<Integer> severityFilter;
    @FXML
    private ListView<CrisisCase> caseList;
    @FXML
    private Label countLabel;

    public CaseListController(CaseListViewModel vm, CaseDialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        statusFilter.getItems().setAll(StatusFilter.values());
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        severityFilter.getItems().setAll(CaseListViewModel.ANY_SEVERITY, 1, 2, 3, 4);
        severityFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null || s == CaseListViewModel.ANY_SEVERITY ? "Any severity" : Severity.label(s);
            }

            @Override
            public Integer fromString(String string) {
                return null;
            }
        });
        severityFilter.setValue(vm.severityFilterProperty().get());
        severityFilter.valueProperty().addListener((o, a, b) ->
                vm.severityFilterProperty().set(b == null ? CaseListViewModel.ANY_SEVERITY : b));
        vm.severityFilterProperty().addListener((o, a, b) -> severityFilter.setValue(b.intValue()));

        caseList.setItems(vm.visibleCases());
        caseList.setCellFactory(list -> new CaseCell());
        caseList.setPlaceholder(new Label("No cases match. Clear the search or filters, or open a new case."));
        caseList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && caseList.getSelectionModel().getSelectedItem() != b) {
                caseList.getSelectionModel().select(b);
            }
        });
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.visibleCases().size() + " shown", vm.visibleCases()));
        vm.reload();
    }

    @FXML
    private void newCase() {
        dialogs.caseForm(root.getScene().getWindow(), "New case", null, null)
                .ifPresent(details -> vm.create(details, c -> caseList.scrollTo(c)));
    }

    private static final class CaseCell extends ListCell<CrisisCase> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, title, meta);

        CaseCell() {
            title.getStyleClass().add("text-bold");
            meta.getStyleClass().addAll("text-muted", "text-small");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CrisisCase c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            title.setText(c.title());
            StringBuilder m = new StringBuilder("#").append(c.id()).append(" \u00b7 ")
                    .append(Severity.label(c.severity())).append(" \u00b7 ").append(c.status().label())
                    .append(" \u00b7 opened ").append(TimeText.dayClock(c.openedAt(), ZoneId.systemDefault()));
            if (c.hashtag() != null) {
                m.append(" \u00b7 ").append(c.hashtag());
            }
            meta.setText(m.toString());
            setGraphic(box);
        }
    }
}
