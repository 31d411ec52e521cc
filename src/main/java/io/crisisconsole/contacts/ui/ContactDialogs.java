package io.crisisconsole.contacts.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactTransfer.Format;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.FilePicker;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ProblemList;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** The dialogs of the contacts view: the form, delete confirmation, files and import problems. */
public final class ContactDialogs {

    private final ViewLoader views;
    private final EditorAutosave autosave;
    private final FilePicker files;
    private final Messages messages;

    public ContactDialogs(ViewLoader views, EditorAutosave autosave, FilePicker files, Messages messages) {
        this.views = views;
        this.autosave = autosave;
        this.files = files;
        this.messages = messages;
    }

    /** The autosave key of the new-contact form, or of the edit form of contact {@code id}. */
    static String formKey(Long contactId) {
        return contactId == null ? "contact-form:new" : "contact-form:contact:" + contactId;
    }

    /**
     * The new/edit contact form, autosaved while open; empty when cancelled.
     *
     * @param contactId the contact being edited, or null for a new one
     * @param emailOwner the name of another contact that has an address, or null (checked as typed)
     */
    public Optional<ContactDetails> contactForm(Window owner, String heading, ContactDetails initial, Long contactId,
            Function<String, String> emailOwner) {
        ViewLoader.Loaded<DialogPane> loaded = views.load(FxmlView.CONTACT_FORM);
        ContactFormController form = loaded.controller(ContactFormController.class);
        ContactFormViewModel vm = form.viewModel();
        if (initial != null) {
            vm.fillFrom(initial);
        }
        vm.setEmailOwner(emailOwner);
        Dialog<ContactDetails> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(loaded.root());
        dialog.setTitle(heading);
        dialog.setHeaderText(heading);
        dialog.setResizable(true);
        form.bindOkButton(loaded.root());
        dialog.setResultConverter(button -> button == ButtonType.OK ? vm.toDetails() : null);
        EditorAutosave.Session draft = autosave.open(formKey(contactId), null, vm::toDraft, vm::fillFromDraft,
                vm.observables());
        Platform.runLater(form::focusName);
        try {
            return dialog.showAndWait();
        } finally {
            draft.finish();
        }
    }

    public boolean confirmDelete(Window owner, Contact contact) {
        ButtonType delete = new ButtonType(messages.get("contacts.delete.button"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(messages.get("contacts.delete.title"));
        alert.setHeaderText(messages.get("contacts.delete.header", contact.name()));
        alert.setContentText(contact.emails().isEmpty() ? messages.get("contacts.delete.content")
                : messages.get("contacts.delete.content.email", contact.emails().get(0)));
        alert.getDialogPane().lookupButton(delete).getStyleClass().add(Styles.DANGER);
        return alert.showAndWait().filter(b -> b == delete).isPresent();
    }

    /** Lists every problem of a refused import, one per line, selectable for copying. */
    public void importProblems(Window owner, List<String> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(messages.get("contacts.import.refused.title"));
        alert.setHeaderText(messages.get("contacts.import.refused.header", Map.of("count", problems.size())));
        alert.getDialogPane().setContent(ProblemList.of("importProblems", problems, 70, 14));
        alert.setResizable(true);
        alert.showAndWait();
    }

    public Optional<Path> chooseImportFile(Window owner) {
        return files.open(owner, messages.get("contacts.import.chooser.title"),
                messages.get("contacts.import.chooser.filter"), "*.csv", "*.vcf", "*.vcard");
    }

    /** Asks where to write; adds the format's extension when the name has none. */
    public Optional<Path> chooseExportFile(Window owner, Format format) {
        String description = messages.get(format == Format.CSV ? "contacts.export.chooser.filterCsv"
                : "contacts.export.chooser.filterVcard");
        return files.save(owner, messages.get("contacts.export.chooser.title"),
                messages.get("contacts.export.chooser.file", format.extension()), description,
                "*." + format.extension()).map(p -> Format.ofFile(p) == null
                        ? p.resolveSibling(p.getFileName() + "." + format.extension()) : p);
    }
}
