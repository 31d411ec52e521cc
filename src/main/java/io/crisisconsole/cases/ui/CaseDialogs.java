package io.crisisconsole.cases.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
    private final Messages messages;
    private final CaseTexts texts;

    public CaseDialogs(ViewLoader views, EditorAutosave autosave, Messages messages) {
        this.views = views;
        this.autosave = autosave;
        this.messages = messages;
        this.texts = new CaseTexts(messages);
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
        dialog.setTitle(messages.get("cases.correction.title"));
        dialog.setHeaderText(messages.get("cases.correction.header"));
        Label was = new Label(original.body());
        was.setWrapText(true);
        was.getStyleClass().add(Styles.TEXT_MUTED);
        TextArea text = new TextArea(original.body());
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setId("correctionText");
        VBox box = new VBox(8, new Label(messages.get("cases.correction.original", texts.kind(original.kind()),
                original.author())), was, new Label(messages.get("cases.correction.text")), text);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(520);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(text.textProperty().isEqualTo(original.body())
                .or(Bindings.createBooleanBinding(() -> text.getText().isBlank(),
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
        dialog.setTitle(messages.get("cases.status.title"));
        dialog.setHeaderText(messages.get("cases.status.header", String.valueOf(c.id()),
                texts.status(c.status()), texts.status(to)));
        TextField reason = new TextField();
        reason.setId("statusReason");
        reason.setPromptText(messages.get("cases.status.reason.prompt"));
        VBox box = new VBox(8, new Label(messages.get("cases.status.reason")), reason);
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
