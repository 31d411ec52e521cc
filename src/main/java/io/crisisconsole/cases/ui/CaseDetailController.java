package io.crisisconsole.cases.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Fit;
import io.crisisconsole.toolkit.ui.Ticker;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The case workspace: header, timeline and the entry composer. */
public final class CaseDetailController {

    private final CaseDetailViewModel vm;
    private final CaseDialogs dialogs;
    private final ComposeAction composer;
    private final TimelineText timelineText;
    private final Ticker ticker;
    private final CaseClock caseClock;
    private final Messages messages;
    private final Formats formats;
    private final CaseTexts texts;

    @FXML
    private StackPane root;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox workspace;
    @FXML
    private Label titleLabel;
    @FXML
    private Label exerciseBadge;
    @FXML
    private Button editButton;
    @FXML
    private MenuButton statusMenu;
    @FXML
    private Label severityLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private Label ownerLabel;
    @FXML
    private Label hashtagLabel;
    @FXML
    private Label hubLabel;
    @FXML
    private Label openedLabel;
    @FXML
    private Label entryCountLabel;
    @FXML
    private ListView<TimelineEntry> timelineList;
    @FXML
    private ComboBox<EntryKind> kindChoice;
    @FXML
    private TextArea entryText;
    @FXML
    private Button addButton;
    @FXML
    private Button correctButton;

    /** @param timelineText how entries read in the reader's language */
    public CaseDetailController(CaseDetailViewModel vm, CaseDialogs dialogs, ComposeAction composer,
            TimelineText timelineText, Messages messages, Formats formats, CaseClock caseClock) {
        this.vm = vm;
        this.ticker = caseClock.ticker();
        this.caseClock = caseClock;
        this.dialogs = dialogs;
        this.composer = composer;
        this.timelineText = timelineText;
        this.messages = messages;
        this.formats = formats;
        this.texts = new CaseTexts(messages);
    }

    @FXML
    private void initialize() {
        var hasCase = vm.currentProperty().isNotNull();
        workspace.visibleProperty().bind(hasCase);
        workspace.managedProperty().bind(hasCase);
        emptyState.visibleProperty().bind(hasCase.not());
        emptyState.managedProperty().bind(hasCase.not());

        for (CaseStatus s : CaseStatus.values()) {
            MenuItem item = new MenuItem(texts.status(s));
            item.setId("status-" + s.name());
            item.setOnAction(e -> setStatus(s));
            item.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> vm.currentProperty().get() != null && vm.currentProperty().get().status() == s,
                    vm.currentProperty()));
            statusMenu.getItems().add(item);
        }

        kindChoice.getItems().setAll(vm.kindChoices());
        kindChoice.setConverter(DisplayConverter.of(texts::kind));
        kindChoice.valueProperty().bindBidirectional(vm.newKindProperty());
        entryText.textProperty().bindBidirectional(vm.newTextProperty());
        entryText.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.addEntry();
                e.consume();
            }
        });
        addButton.disableProperty().bind(vm.canAddProperty().not());

        timelineList.setItems(vm.entries());
        timelineList.setCellFactory(list -> new EntryCell());
        timelineList.setPlaceholder(Fit.placeholder(messages.get("cases.detail.timeline.placeholder")));
        vm.selectedEntryProperty().bind(timelineList.getSelectionModel().selectedItemProperty());
        correctButton.disableProperty().bind(vm.selectedEntryProperty().isNull());
        entryCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("cases.detail.timeline.count", Map.of("count", vm.entries().size())), vm.entries()));
        vm.entries().addListener((javafx.collections.ListChangeListener<TimelineEntry>) change -> {
            timelineList.refresh();
            showNewest();
        });
        // shown again (area switch, first show): scrolled once the scene has laid the list out
        timelineList.sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removePostLayoutPulseListener(afterLayout);
            }
            if (b != null) {
                b.addPostLayoutPulseListener(afterLayout);
                showNewest();
            }
        });
        timelineList.heightProperty().addListener((o, a, b) -> {
            if (a.doubleValue() == 0) {
                showNewest();
            }
        });

        vm.currentProperty().addListener((o, a, b) -> showHeader(b));
        showHeader(vm.currentProperty().get());
        // keep "T+… now" current while the window is open
        ticker.every(30, () -> showHeader(vm.currentProperty().get()));
    }

    /**
     * Scrolls the timeline to its newest entry: now, and once more after the next layout pass, when the
     * heights of the cells just added (wrapped text) are known; scrolling before that stops an entry short.
     */
    private void showNewest() {
        if (vm.entries().isEmpty()) {
            return;
        }
        timelineList.scrollTo(vm.entries().size() - 1);
        newestPending = 2; // again after the next two layout passes (cell heights, then the scroll itself)
        timelineList.requestLayout();
    }

    /** How many more layout passes should end with the timeline at its newest entry. */
    private int newestPending;

    /** After a layout pass of the scene: the timeline is scrolled to its newest entry if that is pending. */
    private final Runnable afterLayout = this::newestAfterLayout;

    private void newestAfterLayout() {
        if (newestPending > 0 && timelineList.getHeight() > 0 && !vm.entries().isEmpty()) {
            newestPending--;
            timelineList.scrollTo(vm.entries().size() - 1);
        }
    }

    private void showHeader(CrisisCase c) {
        if (c == null) {
            return;
        }
        titleLabel.setText(c.title());
        exerciseBadge.setVisible(c.exercise());
        exerciseBadge.setManaged(c.exercise());
        severityLabel.setText(texts.severity(c.severity()));
        severityLabel.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.ACCENT, Styles.SUCCESS);
        severityLabel.getStyleClass().add(c.severity() == 1 ? Styles.DANGER : c.severity() == 2 ? Styles.WARNING
                : Styles.ACCENT);
        statusLabel.setText(c.closedAt() == null ? texts.status(c.status())
                : messages.get("cases.detail.status.since", texts.status(c.status()), formats.dayClock(c.closedAt())));
        ownerLabel.setText(messages.get("cases.detail.owner", orNotSet(c.owner())));
        hashtagLabel.setText(messages.get("cases.detail.hashtag", orNotSet(c.hashtag())));
        hubLabel.setText(messages.get("cases.detail.hub", orNotSet(c.hubUrl())));
        openedLabel.setText(messages.get("cases.detail.opened", formats.dayClock(c.openedAt()),
                formats.offset(c.openedAt(), caseClock.now(c, vm.now()))));
    }

    private String orNotSet(String value) {
        return value == null ? messages.get("cases.detail.notSet") : value;
    }

    @FXML
    private void addEntry() {
        vm.addEntry();
    }

    @FXML
    private void compose() {
        CrisisCase c = vm.currentProperty().get();
        if (c != null) {
            composer.compose(root.getScene().getWindow(), c);
        }
    }

    @FXML
    private void editCase() {
        CrisisCase c = vm.currentProperty().get();
        if (c != null) {
            dialogs.caseForm(root.getScene().getWindow(), messages.get("cases.form.heading.edit", String.valueOf(c.id())),
                    c.details(), c.id())
                    .ifPresent(vm::update);
        }
    }

    private void setStatus(CaseStatus to) {
        CrisisCase c = vm.currentProperty().get();
        if (c != null) {
            dialogs.statusReason(root.getScene().getWindow(), c, to).ifPresent(reason -> vm.changeStatus(to, reason));
        }
    }

    @FXML
    private void correctEntry() {
        TimelineEntry e = vm.selectedEntryProperty().get();
        if (e != null) {
            dialogs.correction(root.getScene().getWindow(), e).ifPresent(text -> vm.correct(e, text));
        }
    }

    private static final double WHEN_COLUMN = 90;

    private final class EntryCell extends ListCell<TimelineEntry> {
        private final Label time = new Label();
        private final Label offset = new Label();
        private final Label kind = new Label();
        private final Label author = new Label();
        private final Label flag = new Label();
        private final Label mark = new Label(messages.get("rehearsal.mark.badge"));
        private final Label body = new Label();
        private final HBox row;

        EntryCell() {
            time.getStyleClass().add(Styles.TEXT_BOLD);
            offset.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            kind.getStyleClass().add(Styles.TEXT_SMALL);
            author.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            flag.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            body.setWrapText(true);
            body.setMinHeight(Region.USE_PREF_SIZE);
            VBox when = new VBox(2, time, offset, mark); // an exercise's entries carry the mark under their time
            when.setMinWidth(WHEN_COLUMN);
            when.setPrefWidth(WHEN_COLUMN);
            mark.getStyleClass().add("exercise-badge");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            HBox headline = new HBox(8, kind, author, flag);
            VBox what = new VBox(3, headline, body);
            HBox.setHgrow(what, Priority.ALWAYS);
            row = new HBox(12, when, what);
            row.setPadding(new Insets(4, 0, 4, 0));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TimelineEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            CrisisCase c = vm.currentProperty().get();
            boolean exercise = c != null && c.exercise();
            mark.setVisible(exercise);
            mark.setManaged(exercise);
            time.setText(formats.clock(e.occurredAt()));
            offset.setText(c == null ? "" : formats.offset(c.openedAt(), e.occurredAt()));
            kind.setText(texts.kind(e.kind()).toUpperCase(formats.locale()));
            kind.getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            switch (e.kind()) {
                case MESSAGE_PUBLISHED -> kind.getStyleClass().add(Styles.SUCCESS);
                case ESCALATION -> kind.getStyleClass().add(Styles.DANGER);
                case DECISION, STATUS_CHANGE -> kind.getStyleClass().add(Styles.ACCENT);
                case CORRECTION -> kind.getStyleClass().add(Styles.WARNING);
                default -> { }
            }
            author.setText(e.author());
            String correctionNote = "";
            if (e.correctsId() != null) {
                TimelineEntry original = vm.entry(e.correctsId());
                correctionNote = original == null ? messages.get("cases.detail.entry.corrects.unknown")
                        : messages.get("cases.detail.entry.corrects", formats.clock(original.occurredAt()),
                                texts.kind(original.kind()).toLowerCase(formats.locale()));
            } else if (vm.isCorrected(e)) {
                correctionNote = messages.get("cases.detail.entry.corrected");
            }
            flag.setText(correctionNote);
            body.setText(timelineText.render(e));
            if (getListView() != null && !body.prefWidthProperty().isBound()) {
                // wrap long entries inside the list's width instead of cutting them off
                body.prefWidthProperty().bind(getListView().widthProperty().subtract(WHEN_COLUMN + 48));
            }
            setGraphic(row);
        }
    }
}
