package io.crisisconsole.contacts.ui;

import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.toolkit.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** The new/edit contact dialog pane. */
public final class ContactFormController {

    private final ContactFormViewModel vm;
    private final ContactTexts texts;

    @FXML
    private TextField nameField;
    @FXML
    private TextField roleField;
    @FXML
    private TextField organisationField;
    @FXML
    private TextArea phonesField;
    @FXML
    private TextArea emailsField;
    @FXML
    private TextArea handlesField;
    @FXML
    private TextField timeZoneField;
    @FXML
    private TextField languageField;
    @FXML
    private TextField availabilityField;
    @FXML
    private FlowPane groupsPane;
    @FXML
    private TextArea notesField;
    @FXML
    private Label problemLabel;

    public ContactFormController(ContactFormViewModel vm, Messages messages) {
        this.vm = vm;
        this.texts = new ContactTexts(messages);
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        roleField.textProperty().bindBidirectional(vm.roleTitleProperty());
        organisationField.textProperty().bindBidirectional(vm.organisationProperty());
        phonesField.textProperty().bindBidirectional(vm.phonesProperty());
        emailsField.textProperty().bindBidirectional(vm.emailsProperty());
        handlesField.textProperty().bindBidirectional(vm.handlesProperty());
        timeZoneField.textProperty().bindBidirectional(vm.timeZoneProperty());
        languageField.textProperty().bindBidirectional(vm.languageProperty());
        availabilityField.textProperty().bindBidirectional(vm.availabilityProperty());
        notesField.textProperty().bindBidirectional(vm.notesProperty());
        for (ContactGroup g : ContactGroup.values()) {
            CheckBox box = new CheckBox(texts.group(g));
            box.setId("group-" + g.slug());
            box.selectedProperty().bindBidirectional(vm.groupProperty(g));
            groupsPane.getChildren().add(box);
        }
        problemLabel.textProperty().bind(vm.problemProperty());
    }

    /** Call once the pane is in a dialog: OK stays disabled while the form is invalid. */
    public void bindOkButton(DialogPane pane) {
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.validProperty().not());
    }

    public ContactFormViewModel viewModel() {
        return vm;
    }

    public void focusName() {
        nameField.requestFocus();
    }
}
