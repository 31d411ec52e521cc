package io.crisisconsole.debrief.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.debrief.Lesson;
import io.crisisconsole.debrief.LessonStatus;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.Proposal;
import io.crisisconsole.debrief.Suggestion;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.ui.DiffCell;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Fit;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The debrief pane of a case: hot-wash, lessons, proposed playbook changes with their diff first.
 * Placed in another screen (the Rehearsal area; later the Reviews area), which calls {@link #show}.
 */
public final class DebriefController {

    private final DebriefViewModel vm;
    private final DebriefDialogs dialogs;
    private final Messages messages;
    private final Formats formats;

    @FXML
    private VBox root;
    @FXML
    private TextArea wentWellArea;
    @FXML
    private TextArea wentWrongArea;
    @FXML
    private TextArea luckyArea;
    @FXML
    private Button saveHotWashButton;
    @FXML
    private Label hotWashStatus;
    @FXML
    private Label problemLabel;
    @FXML
    private TableView<Lesson> lessonTable;
    @FXML
    private TableColumn<Lesson, String> lessonTextColumn;
    @FXML
    private TableColumn<Lesson, String> lessonOwnerColumn;
    @FXML
    private TableColumn<Lesson, String> lessonDueColumn;
    @FXML
    private TableColumn<Lesson, String> lessonStatusColumn;
    @FXML
    private TextField lessonText;
    @FXML
    private TextField lessonOwner;
    @FXML
    private DatePicker lessonDue;
    @FXML
    private Button addLessonButton;
    @FXML
    private Button saveLessonButton;
    @FXML
    private Button closeLessonButton;
    @FXML
    private Button deleteLessonButton;
    @FXML
    private ListView<Suggestion> suggestionList;
    @FXML
    private MenuButton proposeMenu;
    @FXML
    private ListView<PlaybookChange> changeList;
    @FXML
    private Label diffHeading;
    @FXML
    private Label staleLabel;
    @FXML
    private ListView<DiffLine> diffList;
    @FXML
    private Button acceptButton;
    @FXML
    private Button rejectButton;

    public DebriefController(DebriefViewModel vm, DebriefDialogs dialogs, Messages messages, Formats formats) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
    }

    /** Shows the debrief of the case. */
    public void show(long caseId) {
        vm.show(caseId);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        wentWellArea.textProperty().bindBidirectional(vm.wentWellProperty());
        wentWrongArea.textProperty().bindBidirectional(vm.wentWrongProperty());
        luckyArea.textProperty().bindBidirectional(vm.luckyProperty());
        hotWashStatus.textProperty().bind(Bindings.createStringBinding(() -> vm.hotWashDirtyProperty().get()
                ? messages.get("debrief.hotwash.unsaved") : vm.hotWashStatusProperty().get(),
                vm.hotWashDirtyProperty(), vm.hotWashStatusProperty()));
        saveHotWashButton.disableProperty().bind(vm.caseIdProperty().isNull().or(vm.hotWashDirtyProperty().not()));
        problemLabel.textProperty().bind(vm.problemProperty());
        problemLabel.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        lessonTable.setItems(vm.lessons());
        lessonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(lessonTextColumn, (l, m) -> l.lessonText());
        column(lessonOwnerColumn, (l, m) -> l.ownerName());
        column(lessonDueColumn, (l, m) -> formats.date(l.dueDate()));
        column(lessonStatusColumn, (l, m) -> m.get(DebriefLabels.status(l.status())));
        lessonDue.setConverter(DisplayConverter.of(formats::date));
        var selectedLesson = lessonTable.getSelectionModel().selectedItemProperty();
        selectedLesson.addListener((o, a, l) -> {
            if (l != null) {
                lessonText.setText(l.lessonText());
                lessonOwner.setText(l.ownerName());
                lessonDue.setValue(l.dueDate());
            }
        });
        addLessonButton.disableProperty().bind(vm.caseIdProperty().isNull());
        saveLessonButton.disableProperty().bind(selectedLesson.isNull());
        closeLessonButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selectedLesson.get() == null || selectedLesson.get().status() == LessonStatus.DONE, selectedLesson));
        deleteLessonButton.disableProperty().bind(selectedLesson.isNull());

        suggestionList.setItems(vm.suggestions());
        suggestionList.setCellFactory(l -> new SuggestionCell());

        changeList.setItems(vm.changes());
        changeList.setCellFactory(l -> new ChangeCell());
        changeList.getSelectionModel().selectedItemProperty().addListener((o, a, ch) -> {
            if (ch != null) {
                vm.selectedChangeProperty().set(ch);
            }
        });
        vm.selectedChangeProperty().addListener((o, a, ch) -> {
            if (ch != null && changeList.getSelectionModel().getSelectedItem() != ch) {
                changeList.getSelectionModel().select(ch);
            }
        });
        proposeMenu.disableProperty().bind(vm.caseIdProperty().isNull());
        diffList.setItems(vm.diff());
        diffList.setCellFactory(v -> new DiffCell());
        diffHeading.textProperty().bind(Bindings.createStringBinding(() -> {
            PlaybookChange ch = vm.selectedChangeProperty().get();
            return ch == null ? messages.get("debrief.diff.choose") : messages.get(
                    ch.becameVersion() != null ? "debrief.diff.heading.accepted" : "debrief.diff.heading",
                    ch.description(), ch.baseVersion(), ch.becameVersion() == null ? 0 : ch.becameVersion());
        }, vm.selectedChangeProperty()));
        staleLabel.visibleProperty().bind(vm.selectedStaleProperty());
        staleLabel.managedProperty().bind(staleLabel.visibleProperty());
        var undecided = Bindings.createBooleanBinding(() -> vm.selectedChangeProperty().get() == null
                || vm.isDecided(vm.selectedChangeProperty().get()), vm.selectedChangeProperty());
        acceptButton.disableProperty().bind(undecided.or(vm.selectedStaleProperty()));
        rejectButton.disableProperty().bind(undecided);
    }

    /** A column whose cells wrap their text to the column's width (a lesson is a sentence or two, never cut). */
    private void column(TableColumn<Lesson, String> c, BiFunction<Lesson, Messages, String> text) {
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue(), messages)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Text shown = new Text();

            {
                shown.wrappingWidthProperty().bind(col.widthProperty().subtract(16));
                shown.getStyleClass().add("text");
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                shown.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : shown);
            }
        });
    }

    @FXML
    private void saveHotWash() {
        vm.saveHotWash();
    }

    @FXML
    private void addLesson() {
        vm.addLesson(lessonText.getText(), lessonOwner.getText(), lessonDue.getValue(), this::clearLessonForm);
    }

    @FXML
    private void saveLesson() {
        Lesson l = lessonTable.getSelectionModel().getSelectedItem();
        if (l != null) {
            vm.editLesson(l.id(), lessonText.getText(), lessonOwner.getText(), lessonDue.getValue(),
                    this::clearLessonForm);
        }
    }

    @FXML
    private void closeLesson() {
        Lesson l = lessonTable.getSelectionModel().getSelectedItem();
        if (l != null) {
            vm.closeLesson(l.id());
        }
    }

    @FXML
    private void deleteLesson() {
        Lesson l = lessonTable.getSelectionModel().getSelectedItem();
        if (l != null) {
            vm.deleteLesson(l.id());
            clearLessonForm();
        }
    }

    private void clearLessonForm() {
        lessonTable.getSelectionModel().clearSelection();
        lessonText.clear();
        lessonOwner.clear();
        lessonDue.setValue(null);
    }

    @FXML
    private void proposeSla() {
        vm.playbookNow(now -> dialogs.sla(window(), now.playbook()).ifPresent(vm::propose));
    }

    @FXML
    private void proposePhrase() {
        vm.playbookNow(now -> dialogs.forbiddenPhrase(window(), now.playbook()).ifPresent(vm::propose));
    }

    @FXML
    private void proposeRow() {
        vm.playbookNow(now -> dialogs.responseRow(window(), now.playbook()).ifPresent(vm::propose));
    }

    @FXML
    private void proposeTemplate() {
        vm.playbookNow(now -> dialogs.template(window(), now.playbook()).ifPresent(vm::propose));
    }

    @FXML
    private void proposeFree() {
        vm.playbookNow(now -> dialogs.freeEdit(window(), now.yaml()).ifPresent(vm::propose));
    }

    @FXML
    private void accept() {
        vm.accept();
    }

    @FXML
    private void reject() {
        vm.reject();
    }

    private Window window() {
        return Optional.ofNullable(root.getScene()).map(s -> s.getWindow()).orElse(null);
    }

    /** Proposes a suggestion: a free edit opens seeded with its YAML for the person to edit first. */
    private void propose(Suggestion s) {
        if (s.proposal() instanceof Proposal.FreeEdit free) {
            dialogs.freeEdit(window(), free.yaml(), free.description()).ifPresent(edited -> vm.proposeSuggestion(s,
                    edited));
        } else {
            vm.proposeSuggestion(s, null);
        }
    }

    private final class SuggestionCell extends ListCell<Suggestion> {
        private final Label reason = new Label();
        private final Label kind = new Label();
        private final Button propose = new Button();
        private final VBox text = new VBox(2, reason, kind);
        private final HBox box = new HBox(8, text, propose);

        SuggestionCell() {
            Fit.wrapInList(this, reason, kind);
            kind.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            propose.setText(messages.get("debrief.suggestion.propose"));
            propose.setGraphic(new FontIcon("fth-git-pull-request"));
            propose.setMinWidth(Region.USE_PREF_SIZE);
            propose.getStyleClass().add("suggestion-propose");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            propose.setOnAction(e -> {
                if (getItem() != null) {
                    propose(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Suggestion s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            reason.setText(DebriefLabels.reason(messages, s));
            kind.setText(messages.get(DebriefLabels.kindName(DebriefLabels.kindOf(s.proposal()))));
            setGraphic(box);
        }
    }

    private final class ChangeCell extends ListCell<PlaybookChange> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, title, meta);

        ChangeCell() {
            Fit.wrapInList(this, title, meta);
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(PlaybookChange ch, boolean empty) {
            super.updateItem(ch, empty);
            if (empty || ch == null) {
                setGraphic(null);
                return;
            }
            title.setText(ch.description());
            meta.setText(messages.get("debrief.change.meta", messages.get(DebriefLabels.kindName(ch.kind())),
                    messages.get(DebriefLabels.state(ch.state())), ch.proposedBy(), formats.dayClock(ch.proposedAt())));
            setGraphic(box);
        }
    }
}
