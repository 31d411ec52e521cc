package io.crisisconsole.workspace.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Ticker;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.ui.WorkspaceViewModel.CallRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The call list pane of the case workspace: who to call for which role, and how each call went. */
public final class CallsController {

    private final WorkspaceViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Ticker ticker;

    @FXML
    private VBox root;
    @FXML
    private Label callsSummary;
    @FXML
    private ListView<CallRow> callList;
    @FXML
    private Label callsNone;
    @FXML
    private TextField atField;
    @FXML
    private Label atProblem;
    @FXML
    private Button reachedButton;
    @FXML
    private Button noAnswerButton;
    @FXML
    private Button leftMessageButton;
    @FXML
    private Button copyPhoneButton;
    @FXML
    private Button copyEmailButton;

    public CallsController(WorkspaceViewModel vm, Messages messages, Formats formats, Ticker ticker) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
        this.ticker = ticker;
    }

    @FXML
    private void initialize() {
        callList.setItems(vm.calls());
        callList.setCellFactory(l -> new CallCell());
        callsNone.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.loadedProperty().get() && vm.calls().isEmpty(), vm.loadedProperty(), vm.calls()));
        var selected = callList.getSelectionModel().selectedItemProperty();
        BooleanBinding noPerson = Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().person() == null, selected);
        reachedButton.disableProperty().bind(noPerson);
        noAnswerButton.disableProperty().bind(noPerson);
        leftMessageButton.disableProperty().bind(noPerson);
        copyPhoneButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().person() == null || selected.get().person().firstPhone() == null,
                selected));
        copyEmailButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().person() == null
                        || selected.get().person().emails().isEmpty(), selected));
        atField.textProperty().addListener((o, a, b) -> atProblem.setText(""));
        // the selection stays on the person (and role) when the list is read again or a call is written down
        selected.addListener((o, before, after) -> {
            if (after != null) {
                selectedKey = key(after);
            }
        });
        vm.calls().addListener((ListChangeListener<CallRow>) c -> {
            showSummary();
            reselect();
        });
        ticker.every(30, callList::refresh);
        showSummary();
    }

    private String selectedKey;

    private static String key(CallRow r) {
        return r.entry().role().id() + "/" + (r.person() == null ? "-" : r.person().id()) + "/" + r.backup();
    }

    private void reselect() {
        if (selectedKey == null || callList.getSelectionModel().getSelectedItem() != null
                && key(callList.getSelectionModel().getSelectedItem()).equals(selectedKey)) {
            return;
        }
        for (int i = 0; i < vm.calls().size(); i++) {
            if (key(vm.calls().get(i)).equals(selectedKey)) {
                callList.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void showSummary() {
        long people = vm.calls().stream().filter(r -> r.person() != null).map(r -> r.person().id()).distinct().count();
        long reached = vm.calls().stream().filter(r -> r.latest() != null && r.latest().outcome() == CallOutcome.REACHED)
                .map(r -> r.person().id()).distinct().count();
        callsSummary.setText(vm.calls().isEmpty() ? ""
                : messages.get("workspace.calls.summary", Map.of("reached", reached, "people", people)));
    }

    @FXML
    private void reached() {
        log(CallOutcome.REACHED);
    }

    @FXML
    private void noAnswer() {
        log(CallOutcome.NO_ANSWER);
    }

    @FXML
    private void leftMessage() {
        log(CallOutcome.LEFT_MESSAGE);
    }

    private void log(CallOutcome outcome) {
        CallRow row = callList.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        Instant at = null;
        String typed = atField.getText();
        if (typed != null && !typed.isBlank()) {
            at = formats.parseDayClock(typed, LocalDate.ofInstant(ticker.now(), formats.zone()));
            if (at == null) {
                atProblem.setText(messages.get("workspace.calls.at.unreadable", Map.of("text", typed.strip())));
                return;
            }
        }
        vm.logCall(row, outcome, at);
        atField.clear();
    }

    @FXML
    private void copyPhone() {
        CallRow row = callList.getSelectionModel().getSelectedItem();
        if (row != null && row.person() != null && row.person().firstPhone() != null) {
            copy(row.person().firstPhone().number());
        }
    }

    @FXML
    private void copyEmail() {
        CallRow row = callList.getSelectionModel().getSelectedItem();
        if (row != null && row.person() != null && !row.person().emails().isEmpty()) {
            copy(row.person().emails().get(0));
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The person, the role (or backup), phone and address, and the last call. */
    private final class CallCell extends ListCell<CallRow> {
        private final Label name = new Label();
        private final Label role = new Label();
        private final Label reach = new Label();
        private final Label last = new Label();
        private final VBox box;

        CallCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            role.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            role.setWrapText(true);
            role.setMinHeight(Label.USE_PREF_SIZE);
            reach.getStyleClass().add(Styles.TEXT_SMALL);
            reach.setWrapText(true);
            reach.setMinHeight(Label.USE_PREF_SIZE);
            last.getStyleClass().add(Styles.TEXT_SMALL);
            last.setMinWidth(Label.USE_PREF_SIZE);
            HBox head = new HBox(8, name, last);
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            box = new VBox(2, head, role, reach);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CallRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            String roleName = row.entry().role().name();
            role.setText(messages.get(row.backup() ? "workspace.calls.role.backup" : "workspace.calls.role",
                    Map.of("role", roleName, "notify", row.entry().notifyOnActivation())));
            last.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
            Contact p = row.person();
            if (p == null) {
                name.setText(messages.get("workspace.calls.nobody"));
                name.getStyleClass().add(Styles.DANGER);
                reach.setText(String.join("; ", row.entry().unresolved()));
                last.setText("");
                setGraphic(box);
                return;
            }
            name.getStyleClass().remove(Styles.DANGER);
            name.setText(p.name());
            Phone phone = p.firstPhone();
            reach.setText(messages.get("workspace.calls.reach", Map.of("phone", phone == null ? "" : phone.number(),
                    "phoneGiven", phone != null, "email", p.emails().isEmpty() ? "" : p.emails().get(0),
                    "emailGiven", !p.emails().isEmpty())));
            if (row.latest() == null) {
                last.setText(messages.get("workspace.calls.notCalled"));
                last.getStyleClass().add(Styles.TEXT_MUTED);
            } else {
                last.setText(messages.get("workspace.calls.last", Map.of("outcome",
                        row.latest().outcome().name(), "at", formats.clock(row.latest().calledAt()))));
                last.getStyleClass().add(row.latest().outcome() == CallOutcome.REACHED ? Styles.SUCCESS : Styles.WARNING);
            }
            last.setId("call-last-" + p.id() + "-" + row.entry().role().id().toLowerCase(Locale.ROOT));
            setGraphic(box);
        }
    }
}
