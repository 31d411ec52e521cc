package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small dialogs of the case views. */
public final class CaseDialogs {

    private final ViewLoader views;
    private final EditorAutosave autosave;

    public CaseDialogs(ViewLoader views, EditorAutosave autosave) {
        this.views = views;
        this.autosave = autosave;
    }

    /** The autosave key of the new-case form, or of the edit form of case {@code id}. */
    static String formKey(Long caseId) {
        return caseId == null ? "case-form:new" : "case-form:case:" + caseId;
    }

    /**
     * The new/edit case form; empty when cancelled.
     *
     * @param caseId the case being edited, or null for a new case
     */
    public Optional<CaseDetails> caseForm(Window owner, String heading, CaseDetails initial, Long caseId) {
        ViewLoader.Loaded<DialogPane> loaded = views.load(FxmlView.CASE_FORM);
        CaseFormController form = loaded.controller(CaseFormController.class);
        if (initial != null) {
            form.viewModel().fillFrom(initial);
        }
        Dialog<CaseDetails> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(loaded.root());
        dialog.setTitle(heading);
        dialog.setHeaderText(heading);
        form.bindOkButton(loaded.root());
        dialog.setResultConverter(button -> button == ButtonType.OK ? form.viewModel().toDetails() : null);
        CaseFormViewModel vm = form.viewModel();
        EditorAutosave.Session draft = autosave.open(formKey(caseId), caseId, vm::toDraft, vm::fillFromDraft,
                vm.titleProperty(), vm.severityProperty(), vm.ownerProperty(), vm.hashtagProperty(), vm.hubUrlProperty());
        Platform.runLater(form::focusTitle);
        try {
            return dialog.showAndWait();
        } finally {
            draft.finish();
        }
    }

    /** Asks for the corrected text of an entry; the original is shown, not edited. */
    public Optional<String> correction(Window owner, TimelineEntry original) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Correct a timeline entry");
        dialog.setHeaderText("The original entry stays in the timeline. Write what it should have said.");
        Label was = new Label(original.body());
        was.setWrapText(true);
        was.getStyleClass().add("text-muted");
        TextArea text = new TextArea(original.body());
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setId("correctionText");
        VBox box = new VBox(8, new Label("Original (" + original.kind().label() + ", " + original.author() + "):"), was,
                new Label("Corrected text:"), text);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(520);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(text.textProperty().isEqualTo(original.body())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> text.getText().isBlank(),
                        text.textProperty())));
        dialog.setResultConverter(b -> b == ButtonType.OK ? text.getText() : null);
        EditorAutosave.Session draft = autosave.open("correction:entry:" + original.id(), original.caseId(),
                text::getText, text::setText, text.textProperty());
        Platform.runLater(text::requestFocus);
        try {
            return dialog.showAndWait();
        } finally {
            draft.finish();
        }
    }

    /** Asks for an optional reason for a status change; empty when cancelled. */
    public Optional<String> statusReason(Window owner, CrisisCase c, CaseStatus to) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Set status");
        dialog.setHeaderText("Case #" + c.id() + ": " + c.status().label() + " \u2192 " + to.label());
        TextField reason = new TextField();
        reason.setId("statusReason");
        reason.setPromptText("Why (optional, goes to the timeline)");
        VBox box = new VBox(8, new Label("Reason"), reason);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(440);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? reason.getText() : null);
        EditorAutosave.Session draft = autosave.open("status-reason:case:" + c.id() + ":" + to.name(), c.id(),
                reason::getText, reason::setText, reason.textProperty());
        Platform.runLater(reason::requestFocus);
        try {
            return dialog.showAndWait();
        } finally {
            draft.finish();
        }
    }
}
