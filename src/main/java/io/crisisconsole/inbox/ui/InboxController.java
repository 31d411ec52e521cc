package io.crisisconsole.inbox.ui;

import javafx.fxml.FXML;
import javafx.scene.layout.BorderPane;

/** The inbox area ({@code inbox.fxml}). */
public final class InboxController {

    private final InboxViewModel vm;
    private final MentionImportDialogs imports;

    @FXML
    private BorderPane root;

    public InboxController(InboxViewModel vm, MentionImportDialogs imports) {
        this.vm = vm;
        this.imports = imports;
    }

    @FXML
    private void initialize() {
        // built out with the inbox view
    }
}
