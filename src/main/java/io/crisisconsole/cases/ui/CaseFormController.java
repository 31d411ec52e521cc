package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.Severity;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The new/edit case dialog pane. */
public final class CaseFormController {

    private final CaseFormViewModel vm;
    private final CaseTexts texts;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField titleField;
    @FXML
    private ComboBox<Integer> severityChoice;
    @FXML
    private TextField ownerField;
    @FXML
    private TextField hashtagField;
    @FXML
    private TextField hubField;
    @FXML
    private Label problemLabel;

    public CaseFormController(CaseFormViewModel vm, Messages messages) {
        this.vm = vm;
        this.texts = new CaseTexts(messages);
    }

    @FXML
    private void initialize() {
        titleField.textProperty().bindBidirectional(vm.titleProperty());
        ownerField.textProperty().bindBidirectional(vm.ownerProperty());
        hashtagField.textProperty().bindBidirectional(vm.hashtagProperty());
        hubField.textProperty().bindBidirectional(vm.hubUrlProperty());
        for (int s = Severity.MOST_SEVERE; s <= Severity.LEAST_SEVERE; s++) {
            severityChoice.getItems().add(s);
        }
        severityChoice.setConverter(DisplayConverter.of(texts::severity));
        severityChoice.setValue(vm.severityProperty().get());
        severityChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.severityProperty().set(b);
            }
        });
        vm.severityProperty().addListener((o, a, b) -> severityChoice.setValue(b.intValue()));
        problemLabel.textProperty().bind(vm.shownProblemProperty());
        for (javafx.scene.Node field : new javafx.scene.Node[] {titleField, severityChoice, ownerField, hashtagField, hubField}) {
            field.focusedProperty().addListener((o, was, now) -> {
                if (was && !now) {
                    vm.touch(); // leaving a field says what is still missing
                }
            });
        }
    }

    /** Call once the pane is in a dialog: OK stays disabled while the form is invalid. */
    public void bindOkButton(DialogPane pane) {
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.validProperty().not());
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> vm.touch());
    }

    public CaseFormViewModel viewModel() {
        return vm;
    }

    public void focusTitle() {
        titleField.requestFocus();
    }
}
