package io.crisisconsole.inbox.ui;

import javafx.fxml.FXML;
import javafx.scene.layout.VBox;

/** The reply pane ({@code inbox_reply.fxml}) beside the inbox list. */
public final class ReplyPaneController {

    private final ReplyViewModel vm;

    @FXML
    private VBox replyPane;

    public ReplyPaneController(ReplyViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        replyPane.disableProperty().bind(vm.mentionProperty().isNull());
    }
}
