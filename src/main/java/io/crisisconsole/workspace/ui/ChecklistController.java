package io.crisisconsole.workspace.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.cases.ui.CaseClock;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Countdown;
import io.crisisconsole.toolkit.ui.Ticker;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The checklist pane of the case workspace. */
public final class ChecklistController {

    private final WorkspaceViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Ticker ticker;
    /** The case's time: an exercise's countdowns run on its clock. */
    private final CaseClock caseClock;
    private final Countdown countdown;

    @FXML
    private VBox root;
    @FXML
    private Label checklistSummary;
    @FXML
    private Label checklistNext;
    @FXML
    private ListView<ChecklistItem> stepList;
    @FXML
    private Label checklistNone;
    @FXML
    private Button doneButton;
    @FXML
    private Button skipButton;
    @FXML
    private Button reopenButton;
    @FXML
    private MenuButton assignMenu;

    public ChecklistController(WorkspaceViewModel vm, Messages messages, Formats formats, CaseClock caseClock) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
        this.ticker = caseClock.ticker();
        this.caseClock = caseClock;
        this.countdown = new Countdown(messages, formats);
    }

    @FXML
    private void initialize() {
        stepList.setItems(vm.items());
        stepList.setCellFactory(l -> new StepCell());
        checklistNone.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.loadedProperty().get() && vm.checklistProperty().get() == null,
                vm.loadedProperty(), vm.checklistProperty()));
        stepList.visibleProperty().bind(checklistNone.visibleProperty().not());
        var selected = stepList.getSelectionModel().selectedItemProperty();
        doneButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().state() == StepState.DONE, selected));
        skipButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().state() != StepState.OPEN, selected));
        reopenButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().state() == StepState.OPEN, selected));
        assignMenu.disableProperty().bind(selected.isNull());
        assignMenu.setOnShowing(e -> fillAssignMenu(selected.get()));
        // the selection follows the step by id when the list is read again
        selected.addListener((o, before, after) -> {
            if (after != null) {
                selectedId = after.step().id();
            }
        });
        vm.items().addListener((javafx.collections.ListChangeListener<ChecklistItem>) c -> reselect());
        vm.checklistProperty().addListener((o, a, b) -> showSummary());
        ticker.nowProperty().addListener((o, a, b) -> tick());
        showSummary();
    }

    private String selectedId;

    private void reselect() {
        if (selectedId == null) {
            return;
        }
        for (int i = 0; i < vm.items().size(); i++) {
            if (vm.items().get(i).step().id().equals(selectedId)) {
                stepList.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void tick() {
        if (root.getScene() != null && root.isVisible() && !vm.items().isEmpty()) {
            stepList.refresh();
            showSummary();
        }
    }

    private void showSummary() {
        Checklist list = vm.checklistProperty().get();
        if (list == null) {
            checklistSummary.setText("");
            checklistNext.setText("");
            return;
        }
        Instant now = caseClock.now(vm.currentProperty().get());
        checklistSummary.setText(messages.get("workspace.checklist.summary", Map.of("done", list.done(),
                "total", list.items().size(), "skipped", list.skipped(), "late", list.late(now),
                "blocking", list.blocking().size())));
        checklistSummary.getStyleClass().remove(Styles.DANGER);
        if (list.late(now) > 0) {
            checklistSummary.getStyleClass().add(Styles.DANGER);
        }
        Optional<ChecklistItem> next = list.next();
        checklistNext.setText(next.map(i -> messages.get("workspace.checklist.next", Map.of("title", i.step().title(),
                "due", formats.clock(i.due())))).orElse(messages.get("workspace.checklist.allDone")));
    }

    private void fillAssignMenu(ChecklistItem item) {
        assignMenu.getItems().clear();
        if (item == null) {
            return;
        }
        if (item.candidates().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("workspace.checklist.assign.nobody", Map.of("role", item.ownerName())));
            none.setDisable(true);
            assignMenu.getItems().add(none);
            return;
        }
        for (Contact c : item.candidates()) {
            MenuItem mi = new MenuItem(c.name());
            mi.setId("assign-" + c.id());
            mi.setOnAction(e -> vm.assign(item, c));
            assignMenu.getItems().add(mi);
        }
    }

    @FXML
    private void markDone() {
        ChecklistItem item = selectedStep();
        if (item != null) {
            vm.markDone(item);
        }
    }

    @FXML
    private void skip() {
        ChecklistItem item = selectedStep();
        if (item == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(messages.get("workspace.checklist.skip.title"));
        ask.setHeaderText(messages.get("workspace.checklist.skip.header", Map.of("title", item.step().title())));
        ask.setContentText(messages.get("workspace.checklist.skip.reason"));
        ask.getEditor().setId("skipReasonField");
        ask.getEditor().setPrefColumnCount(40);
        Button ok = (Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> ask.getEditor().getText().isBlank(),
                ask.getEditor().textProperty()));
        ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(reason -> vm.skip(item, reason));
    }

    @FXML
    private void reopen() {
        ChecklistItem item = selectedStep();
        if (item != null) {
            vm.reopen(item);
        }
    }

    private ChecklistItem selectedStep() {
        return stepList.getSelectionModel().getSelectedItem();
    }

    /** Two or three lines: the step (and "required"), who and when, and how it stands. */
    private final class StepCell extends ListCell<ChecklistItem> {

        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label who = new Label();
        private final Label state = new Label();
        private final VBox box;

        StepCell() {
            title.setGraphic(icon);
            title.getStyleClass().add(Styles.TEXT_BOLD);
            who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            state.getStyleClass().add(Styles.TEXT_SMALL);
            for (Label l : new Label[] {title, who, state}) {
                l.setWrapText(true);
                l.setMinHeight(Label.USE_PREF_SIZE);
                l.setMaxWidth(Double.MAX_VALUE);
            }
            box = new VBox(2, title, who, state);
            // wrapped lines need a known width to know their height: the list's, less its scroll bar
            box.prefWidthProperty().bind(stepList.widthProperty().subtract(36));
            box.setMaxWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChecklistItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Instant now = caseClock.now(vm.currentProperty().get());
            title.setText(item.step().title());
            who.setText(messages.get("workspace.checklist.who", Map.of("required", item.step().required(),
                    "role", item.ownerName(),
                    "person", item.assignee() == null ? "" : item.assignee().name(),
                    "personGiven", item.assignee() != null, "due", formats.clock(item.due()),
                    "offset", formats.offset(item.due().minus(Duration.ofMinutes(item.step().dueMinutes())), item.due()))));
            state.getStyleClass().removeAll(Countdown.STYLES);
            title.getStyleClass().remove(Styles.DANGER);
            switch (item.state()) {
                case DONE -> {
                    icon.setIconLiteral("fth-check-circle");
                    icon.getStyleClass().setAll("ikonli-font-icon", Styles.SUCCESS);
                    state.setText(messages.get("workspace.checklist.state.done", Map.of("at", formats.clock(item.doneAt()),
                            "by", item.by() == null ? "" : item.by(), "late", item.doneLate())));
                    state.getStyleClass().add(item.doneLate() ? Styles.TEXT_MUTED : Styles.SUCCESS);
                }
                case SKIPPED -> {
                    icon.setIconLiteral("fth-skip-forward");
                    icon.getStyleClass().setAll("ikonli-font-icon", Styles.TEXT_MUTED);
                    state.setText(messages.get("workspace.checklist.state.skipped", Map.of("reason", item.reason())));
                    state.getStyleClass().add(Styles.TEXT_MUTED);
                }
                default -> {
                    Duration left = Duration.between(now, item.due());
                    boolean late = item.late(now);
                    icon.setIconLiteral(late ? "fth-alert-circle" : "fth-circle");
                    icon.getStyleClass().setAll("ikonli-font-icon", late ? Styles.DANGER : Styles.TEXT_MUTED);
                    state.setText(countdown.text(left));
                    String style = Countdown.styleOf(Countdown.phase(
                            Duration.ofMinutes(Math.max(1, item.step().dueMinutes())), left));
                    if (style != null) {
                        state.getStyleClass().add(style);
                    }
                    if (late) {
                        title.getStyleClass().add(Styles.DANGER);
                    }
                }
            }
            setText(null);
            setGraphic(box);
        }
    }
}
