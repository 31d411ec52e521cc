package io.crisisconsole.inbox.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.ui.FindingCell;
import io.crisisconsole.inbox.MentionResponse;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Fit;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The reply pane ({@code inbox_reply.fxml}) beside the inbox list. */
public final class ReplyPaneController {

    private final ReplyViewModel vm;
    private final Messages messages;
    private final Formats formats;

    @FXML
    private VBox replyPane;
    @FXML
    private Label planLabel;
    @FXML
    private Label guidanceLabel;
    @FXML
    private ListView<MentionResponse> answersList;
    @FXML
    private Label noAnswersLabel;
    @FXML
    private ComboBox<ReplyStart> startChoice;
    @FXML
    private Button insertButton;
    @FXML
    private Button deleteSavedButton;
    @FXML
    private TextArea replyText;
    @FXML
    private Label counterLabel;
    @FXML
    private Button saveReplyButton;
    @FXML
    private Label factsNoteLabel;
    @FXML
    private Label checkSummaryLabel;
    @FXML
    private ListView<Finding> findingsList;
    @FXML
    private RadioButton publicChoice;
    @FXML
    private RadioButton privateChoice;
    @FXML
    private Label privateFirstLabel;
    @FXML
    private TextField sentAtField;
    @FXML
    private Label timeProblemLabel;
    @FXML
    private Button recordButton;

    public ReplyPaneController(ReplyViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        this.formats = vm.formats();
    }

    @FXML
    private void initialize() {
        replyPane.disableProperty().bind(vm.mentionProperty().isNull());
        planLabel.textProperty().bind(vm.planProperty());
        guidanceLabel.textProperty().bind(vm.guidanceProperty());
        shownWhenText(guidanceLabel);

        answersList.setItems(vm.answers());
        // no empty boxes: the lists take room only when they have something to show
        answersList.visibleProperty().bind(Bindings.isNotEmpty(vm.answers()));
        answersList.managedProperty().bind(answersList.visibleProperty());
        noAnswersLabel.visibleProperty().bind(Bindings.isEmpty(vm.answers()));
        noAnswersLabel.managedProperty().bind(noAnswersLabel.visibleProperty());
        answersList.setCellFactory(list -> new AnswerCell());

        startChoice.setItems(vm.starts());
        startChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReplyStart s) {
                return startLabel(s);
            }

            @Override
            public ReplyStart fromString(String string) {
                return null;
            }
        });
        startChoice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ReplyStart s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : startLabel(s));
            }
        });
        insertButton.disableProperty().bind(startChoice.valueProperty().isNull());
        deleteSavedButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> startChoice.getValue() == null || !startChoice.getValue().isSaved(), startChoice.valueProperty()));

        replyText.textProperty().bindBidirectional(vm.textProperty());
        counterLabel.textProperty().bind(vm.counterProperty());
        vm.overLimitProperty().addListener((o, a, over) -> {
            counterLabel.getStyleClass().remove(Styles.DANGER);
            if (over) {
                counterLabel.getStyleClass().add(Styles.DANGER);
            }
        });
        saveReplyButton.disableProperty().bind(vm.textProperty().isEmpty().or(vm.loadedProperty().not()));
        factsNoteLabel.textProperty().bind(vm.factsNoteProperty());
        shownWhenText(factsNoteLabel);
        checkSummaryLabel.textProperty().bind(vm.checkSummaryProperty());
        shownWhenText(checkSummaryLabel);

        findingsList.setItems(vm.findings());
        findingsList.visibleProperty().bind(Bindings.isNotEmpty(vm.findings()));
        findingsList.managedProperty().bind(findingsList.visibleProperty());
        findingsList.setPlaceholder(Fit.placeholder(messages.get("inbox.reply.findings.none")));
        findingsList.setCellFactory(list -> {
            FindingCell cell = new FindingCell();
            cell.setWrapText(true);
            cell.setPrefWidth(0); // wraps at the list's width instead of scrolling sideways
            return cell;
        });
        findingsList.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> selectSpan(f));
        findingsList.setOnMouseClicked(e -> selectSpan(findingsList.getSelectionModel().getSelectedItem()));

        ToggleGroup where = new ToggleGroup();
        publicChoice.setToggleGroup(where);
        privateChoice.setToggleGroup(where);
        publicChoice.setUserData(Visibility.PUBLIC);
        privateChoice.setUserData(Visibility.PRIVATE);
        showVisibility(vm.visibilityProperty().get());
        vm.visibilityProperty().addListener((o, a, v) -> showVisibility(v));
        where.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.visibilityProperty().set((Visibility) t.getUserData());
            }
        });
        privateFirstLabel.visibleProperty().bind(vm.privateFirstProperty());
        privateFirstLabel.managedProperty().bind(vm.privateFirstProperty());

        sentAtField.textProperty().bindBidirectional(vm.sentAtProperty());
        timeProblemLabel.textProperty().bind(vm.timeProblemProperty());
        shownWhenText(timeProblemLabel);
        recordButton.disableProperty().bind(vm.canRecordProperty().not());
        // Ctrl+Enter (Cmd+Enter) in the reply records it, as the button does
        replyText.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                if (vm.canRecordProperty().get()) {
                    vm.record();
                }
                e.consume();
            }
        });
    }

    private static void shownWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void showVisibility(Visibility v) {
        (v == Visibility.PRIVATE ? privateChoice : publicChoice).setSelected(true);
    }

    private String startLabel(ReplyStart s) {
        if (s == null) {
            return "";
        }
        if (s.isSaved()) {
            return messages.get("inbox.reply.start.saved", Map.of("name", s.saved().name(),
                    "type", s.saved().mentionType() == null ? "ANY" : s.saved().mentionType().name()));
        }
        return messages.get("inbox.reply.start.template", Map.of("stage", s.template().stage() == null ? ""
                : s.template().stage().name()));
    }

    /** Selects the text a finding points at. */
    private void selectSpan(Finding f) {
        if (f != null) {
            int len = replyText.getLength();
            replyText.requestFocus();
            replyText.selectRange(Math.min(f.start(), len), Math.min(f.end(), len));
        }
    }

    @FXML
    private void insertStart() {
        ReplyStart s = startChoice.getValue();
        if (s != null) {
            replyText.replaceSelection(vm.filled(s));
            replyText.requestFocus();
        }
    }

    @FXML
    private void saveAsReply() {
        if (!vm.canSave()) {
            vm.saveAsReply(null); // says why not
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(replyPane.getScene().getWindow());
        ask.setTitle(messages.get("inbox.reply.save.title"));
        ask.setHeaderText(messages.get("inbox.reply.save.header"));
        ask.setContentText(messages.get("inbox.reply.save.name"));
        ask.getEditor().setId("savedReplyNameField");
        Optional<String> name = ask.showAndWait();
        name.filter(n -> !n.isBlank()).ifPresent(vm::saveAsReply);
    }

    @FXML
    private void deleteSaved() {
        ReplyStart s = startChoice.getValue();
        if (s == null || !s.isSaved()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.get("inbox.reply.delete.confirm",
                s.saved().name()), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(replyPane.getScene().getWindow());
        confirm.setTitle(messages.get("inbox.reply.delete.title"));
        confirm.setHeaderText(null);
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.deleteSaved(s);
        }
    }

    @FXML
    private void sentNow() {
        vm.resetSentAt();
    }

    @FXML
    private void record() {
        vm.record();
    }

    private final class AnswerCell extends ListCell<MentionResponse> {
        @Override
        protected void updateItem(MentionResponse r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                return;
            }
            setWrapText(true);
            setPrefWidth(0);
            setText(messages.get("inbox.reply.answer", Map.of("sentAt", formats.dayClock(r.sentAt()),
                    "visibility", r.visibility().name(), "by", r.sentBy(), "text", r.text())));
        }
    }
}
