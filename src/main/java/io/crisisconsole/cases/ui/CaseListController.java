package io.crisisconsole.cases.ui;

import atlantafx.base.controls.CustomTextField;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Fit;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** The case list with search and filters; the workspace of the selected case sits beside it. */
public final class CaseListController {

    private final CaseListViewModel vm;
    private final CaseDialogs dialogs;
    private final Messages messages;
    private final Formats formats;
    private final CaseTexts texts;

    @FXML
    private SplitPane root;
    @FXML
    private Button newCaseButton;
    @FXML
    private ToggleButton realScopeButton;
    @FXML
    private ToggleButton exerciseScopeButton;
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

    public CaseListController(CaseListViewModel vm, CaseDialogs dialogs, Messages messages, Formats formats) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.texts = new CaseTexts(messages);
    }

    @FXML
    private void initialize() {
        ToggleGroup scope = new ToggleGroup();
        realScopeButton.setToggleGroup(scope);
        exerciseScopeButton.setToggleGroup(scope);
        exerciseScopeButton.setSelected(vm.exercisesScopeProperty().get());
        realScopeButton.setSelected(!vm.exercisesScopeProperty().get());
        scope.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                scope.selectToggle(a); // one scope is always chosen
            } else {
                vm.exercisesScopeProperty().set(b == exerciseScopeButton);
            }
        });
        vm.exercisesScopeProperty().addListener((o, a, b) -> (b ? exerciseScopeButton : realScopeButton).setSelected(true));
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        statusFilter.getItems().setAll(StatusFilter.values());
        statusFilter.setConverter(DisplayConverter.of(texts::filter));
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        severityFilter.getItems().setAll(CaseListViewModel.ANY_SEVERITY, 1, 2, 3, 4);
        String anySeverity = messages.get("cases.list.severity.any");
        severityFilter.setConverter(DisplayConverter.of(
                s -> s == CaseListViewModel.ANY_SEVERITY ? anySeverity : texts.severity(s), anySeverity));
        severityFilter.setValue(vm.severityFilterProperty().get());
        severityFilter.valueProperty().addListener((o, a, b) ->
                vm.severityFilterProperty().set(b == null ? CaseListViewModel.ANY_SEVERITY : b));
        vm.severityFilterProperty().addListener((o, a, b) -> severityFilter.setValue(b.intValue()));

        caseList.setItems(vm.visibleCases());
        caseList.setCellFactory(list -> new CaseCell(messages, CrisisCase::title, this::meta));
        caseList.setPlaceholder(Fit.placeholder(messages.get("cases.list.placeholder")));
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
                () -> messages.get("cases.list.count", Map.of("count", vm.visibleCases().size())), vm.visibleCases()));
        vm.reload();
    }

    @FXML
    private void newCase() {
        dialogs.caseForm(root.getScene().getWindow(), messages.get("cases.form.heading.new"), null, null)
                .ifPresent(details -> vm.create(details, c -> caseList.scrollTo(c)));
    }

    /** The muted line of a case in the list: number, severity, status, opening, hashtag. */
    private String meta(CrisisCase c) {
        Map<String, Object> args = new HashMap<>();
        args.put("id", String.valueOf(c.id()));
        args.put("severity", texts.severity(c.severity()));
        args.put("status", texts.status(c.status()));
        args.put("opened", formats.dayClock(c.openedAt()));
        args.put("hashtag", c.hashtag() == null ? "" : c.hashtag());
        return messages.get(c.hashtag() == null ? "cases.list.item" : "cases.list.item.hashtag", args);
    }
}
