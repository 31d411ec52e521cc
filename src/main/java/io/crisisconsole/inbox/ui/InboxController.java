package io.crisisconsole.inbox.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.InboxSummary;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The inbox area ({@code inbox.fxml}): the case's mentions in a virtualised list with filters and
 * search, the mention in focus with its clock and triage, the reply pane, and the keys of keyboard
 * triage (see {@link InboxDialogs#SHORTCUTS}).
 */
public final class InboxController {

    /** A choice of a filter: one value, or any (null). */
    record Pick<T>(T value) {
    }

    private final InboxViewModel vm;
    private final MentionImportDialogs imports;
    private final InboxDialogs dialogs;
    private final Messages messages;
    private final Formats formats;
    private final ClockText clocks;
    private final Ticker ticker;
    private boolean showingMention;
    /** Set by a shortcut key: the character it types next is not for anyone. */
    private boolean swallowTyped;

    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<CrisisCase> caseChoice;
    @FXML
    private javafx.scene.layout.HBox exerciseBand;
    @FXML
    private Button importButton;
    @FXML
    private Button addButton;
    @FXML
    private TextField searchField;
    @FXML
    private ComboBox<InboxViewModel.StateChoice> stateFilter;
    @FXML
    private ComboBox<Pick<InboxType>> typeFilter;
    @FXML
    private ComboBox<Pick<Sentiment>> sentimentFilter;
    @FXML
    private ComboBox<Pick<String>> platformFilter;
    @FXML
    private ComboBox<InboxSort> sortChoice;
    @FXML
    private Label searchingLabel;
    @FXML
    private Label shownLabel;
    @FXML
    private Label waitingLabel;
    @FXML
    private Label amberLabel;
    @FXML
    private Label breachedLabel;
    @FXML
    private Label totalLabel;
    @FXML
    private ListView<Long> mentionList;
    @FXML
    private VBox emptyState;
    @FXML
    private Label emptyHeading;
    @FXML
    private Label emptyHint;
    @FXML
    private Node actionBar;
    @FXML
    private Label selectionLabel;
    @FXML
    private MenuButton typeMenu;
    @FXML
    private Button assignButton;
    @FXML
    private Button escalateButton;
    @FXML
    private Button hideButton;
    @FXML
    private MenuButton moreMenu;
    @FXML
    private VBox mentionDetail;
    @FXML
    private Label noMentionLabel;
    @FXML
    private Label authorLabel;
    @FXML
    private Label clockLabel;
    @FXML
    private Label platformLabel;
    @FXML
    private Label publishedLabel;
    @FXML
    private Label reachLabel;
    @FXML
    private Label sentimentLabel;
    @FXML
    private Label languageLabel;
    @FXML
    private TextArea mentionText;
    @FXML
    private Label urlField;
    @FXML
    private ComboBox<InboxType> typeChoice;
    @FXML
    private Label suggestedLabel;
    @FXML
    private Label stateLabel;
    @FXML
    private Label assignedLabel;
    @FXML
    private Label priorityLabel;
    @FXML
    private Label sourceLabel;

    public InboxController(InboxViewModel vm, MentionImportDialogs imports, InboxDialogs dialogs, Messages messages,
            Formats formats, Ticker ticker) {
        this.vm = vm;
        this.ticker = ticker;
        this.imports = imports;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.clocks = new ClockText(messages, formats);
    }

    @FXML
    private void initialize() {
        setUpCaseChoice();
        setUpFilters();
        setUpList();
        setUpActions();
        setUpDetail();
        vm.summaryProperty().addListener((o, a, s) -> showSummary());
        vm.ids().addListener((ListChangeListener<Long>) c -> showSummary());
        // a search answers in milliseconds; only the first one of a big case (building its index) is worth a word
        javafx.animation.PauseTransition slow = new javafx.animation.PauseTransition(Duration.millis(400));
        slow.setOnFinished(e -> searchingLabel.setVisible(vm.searchingProperty().get()));
        searchingLabel.managedProperty().bind(searchingLabel.visibleProperty());
        searchingLabel.setVisible(false);
        vm.currentCaseProperty().addListener((o, a, c) -> showSummary());
        vm.searchingProperty().addListener((o, a, busy) -> {
            showSummary();
            if (busy) {
                slow.playFromStart();
            } else {
                slow.stop();
                searchingLabel.setVisible(false);
            }
        });
        showSummary();
        // the app's one ticker moves the clocks; they are redrawn only while the area is on screen
        ticker.nowProperty().addListener((o, a, b) -> tick());
        vm.reloadCases();
    }

    private void tick() {
        if (root.getScene() != null && root.isVisible()) {
            vm.tick();
            showClock();
        }
    }

    // ------------------------------------------------------------------ top

    private void showExerciseBand(CrisisCase c) {
        boolean exercise = c != null && c.exercise();
        exerciseBand.setVisible(exercise);
        exerciseBand.setManaged(exercise);
    }

    private void setUpCaseChoice() {
        caseChoice.setItems(vm.caseChoices());
        caseChoice.valueProperty().bindBidirectional(vm.currentCaseProperty());
        caseChoice.setConverter(DisplayConverter.of(c -> messages.get(c.exercise() ? "inbox.case.choice.exercise"
                : "inbox.case.choice", Map.of("id", c.id(), "title", c.title()))));
        // the inbox of an exercise's case carries the band
        vm.currentCaseProperty().addListener((o, a, c) -> showExerciseBand(c));
        showExerciseBand(vm.currentCaseProperty().get());
        caseChoice.setPromptText(messages.get("inbox.case.prompt"));
        caseChoice.setOnShowing(e -> vm.reloadCases());
        importButton.disableProperty().bind(vm.currentCaseProperty().isNull());
        addButton.disableProperty().bind(vm.currentCaseProperty().isNull());
    }

    private void setUpFilters() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        List<InboxViewModel.StateChoice> states = new ArrayList<>(List.of(InboxViewModel.StateChoice.WAITING,
                InboxViewModel.StateChoice.ALL));
        for (MentionState s : MentionState.values()) {
            states.add(new InboxViewModel.StateChoice(s, false));
        }
        stateFilter.getItems().setAll(states);
        stateFilter.setConverter(DisplayConverter.of(s -> s.state() != null
                ? messages.get("inbox.state." + s.state().cliName())
                : messages.get(s.waiting() ? "inbox.filter.waiting" : "inbox.filter.allStates")));
        stateFilter.valueProperty().bindBidirectional(vm.stateChoiceProperty());

        fill(typeFilter, List.of(InboxType.values()), t -> messages.get("inbox.type." + t.cliName()),
                "inbox.filter.allTypes");
        typeFilter.valueProperty().addListener((o, a, p) -> vm.typeFilterProperty().set(p == null ? null : p.value()));
        fill(sentimentFilter, List.of(Sentiment.values()),
                s -> messages.get("inbox.sentiment." + s.name().toLowerCase(java.util.Locale.ROOT)),
                "inbox.filter.allSentiments");
        sentimentFilter.valueProperty().addListener((o, a, p) ->
                vm.sentimentFilterProperty().set(p == null ? null : p.value()));
        fill(platformFilter, List.of(), p -> p, "inbox.filter.allPlatforms");
        vm.platforms().addListener((ListChangeListener<String>) c -> {
            Pick<String> chosen = platformFilter.getValue();
            fill(platformFilter, List.copyOf(vm.platforms()), p -> p, "inbox.filter.allPlatforms");
            if (chosen != null && chosen.value() != null && vm.platforms().contains(chosen.value())) {
                platformFilter.setValue(chosen);
            }
        });
        platformFilter.valueProperty().addListener((o, a, p) ->
                vm.platformFilterProperty().set(p == null ? null : p.value()));
        sortChoice.getItems().setAll(InboxSort.values());
        sortChoice.setConverter(DisplayConverter.of(s -> messages.get("inbox.sort." + s.name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-'))));
        sortChoice.valueProperty().bindBidirectional(vm.sortProperty());
    }

    private <T> void fill(ComboBox<Pick<T>> box, List<T> values, Function<T, String> name, String anyKey) {
        List<Pick<T>> picks = new ArrayList<>();
        picks.add(new Pick<>(null));
        values.forEach(v -> picks.add(new Pick<>(v)));
        box.getItems().setAll(picks);
        box.setConverter(DisplayConverter.of(p -> p.value() == null ? messages.get(anyKey) : name.apply(p.value())));
        box.setValue(picks.get(0));
    }

    private void showSummary() {
        InboxSummary s = vm.summaryProperty().get();
        int shown = vm.ids().size();
        shownLabel.setText(messages.get("inbox.summary.shown", Map.of("count", shown)));
        boolean any = s != null && s.total() > 0;
        waitingLabel.setText(any ? messages.get("inbox.summary.waiting", Map.of("count", s.waiting())) : "");
        amberLabel.setText(any && s.amber() > 0 ? messages.get("inbox.summary.amber", Map.of("count", s.amber())) : "");
        breachedLabel.setText(any && s.breached() > 0
                ? messages.get("inbox.summary.breached", Map.of("count", s.breached())) : "");
        totalLabel.setText(any ? messages.get("inbox.summary.total", Map.of("count", s.total())) : "");
        boolean empty = shown == 0 && !vm.searchingProperty().get();
        emptyState.setVisible(empty);
        if (empty) {
            boolean noCase = vm.currentCaseProperty().get() == null;
            boolean nothingYet = s == null || s.total() == 0;
            emptyHeading.setText(messages.get(noCase ? "inbox.empty.noCase" : nothingYet ? "inbox.empty.heading"
                    : "inbox.empty.filtered"));
            emptyHint.setText(messages.get(noCase ? "inbox.empty.noCase.hint" : nothingYet ? "inbox.empty.hint"
                    : "inbox.empty.filtered.hint"));
        }
    }

    // ------------------------------------------------------------------ list

    private void setUpList() {
        mentionList.setItems(vm.ids());
        mentionList.setFixedCellSize(MentionCell.HEIGHT);
        mentionList.setCellFactory(l -> new MentionCell(vm, messages, formats, clocks));
        mentionList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        mentionList.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.focus(i.intValue()));
        mentionList.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c ->
                showSelection());
        vm.keepSelection(this::selectedIds, this::reselect);
        mentionList.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        mentionList.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                // the character of a shortcut just handled: it must not land in the reply or a dialog
                swallowTyped = false;
                e.consume();
            } else if ("?".equals(e.getCharacter())) {
                javafx.application.Platform.runLater(this::showShortcuts);
                e.consume();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !mentionList.isFocused()) {
                mentionList.requestFocus();
                e.consume();
            }
        });
        showSelection();
    }

    /** Keyboard triage on the list; a key with Ctrl, Alt or Meta is left to the list (Ctrl+A). */
    private void key(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        KeyCode code = e.getCode();
        int type = typeNumber(code);
        if (type > 0 && type <= InboxType.values().length && !e.isShiftDown()) {
            vm.setType(selectedIds(), InboxType.values()[type - 1]);
        } else if (code == KeyCode.J && !e.isShiftDown()) {
            move(1);
        } else if (code == KeyCode.K && !e.isShiftDown()) {
            move(-1);
        } else if (code == KeyCode.R && !e.isShiftDown()) {
            // after the key's character is typed (and swallowed), or it would be the reply's first letter
            javafx.application.Platform.runLater(this::focusReply);
        } else if (code == KeyCode.H && !e.isShiftDown()) {
            hide();
        } else if (code == KeyCode.E && !e.isShiftDown()) {
            escalate();
        } else if (code == KeyCode.A && !e.isShiftDown()) {
            javafx.application.Platform.runLater(this::assign);
        } else if (code == KeyCode.F1) {
            javafx.application.Platform.runLater(this::showShortcuts);
        } else {
            return;
        }
        swallowTyped = code != KeyCode.F1;
        e.consume();
    }

    private static int typeNumber(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }

    private void move(int by) {
        int size = vm.ids().size();
        if (size == 0) {
            return;
        }
        int at = mentionList.getSelectionModel().getSelectedIndex();
        moveTo(Math.max(0, Math.min(size - 1, at < 0 ? 0 : at + by)));
    }

    /** Puts the focus and the selection on row {@code index} and scrolls it into view if it is not. */
    private void moveTo(int index) {
        mentionList.getSelectionModel().clearAndSelect(index);
        mentionList.getFocusModel().focus(index);
        VirtualFlow<?> flow = (VirtualFlow<?>) mentionList.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (index <= first || index >= last) {
                flow.scrollTo(index);
            }
        } else {
            mentionList.scrollTo(index);
        }
    }

    /** After a search: selects {@code kept} again and focuses {@code focus} (selected too). */
    private void reselect(List<Integer> kept, int focus) {
        if (kept.size() <= 1) {
            if (focus >= 0) {
                moveTo(focus);
            } else if (!vm.ids().isEmpty()) {
                mentionList.scrollTo(0);
            }
            return;
        }
        int lead = focus >= 0 && kept.contains(focus) ? focus : kept.get(kept.size() - 1);
        int[] others = kept.stream().filter(i -> i != lead).mapToInt(Integer::intValue).toArray();
        mentionList.getSelectionModel().clearSelection();
        mentionList.getSelectionModel().selectIndices(others.length > 0 ? others[0] : lead,
                java.util.Arrays.copyOfRange(others, Math.min(1, others.length), others.length));
        mentionList.getSelectionModel().select(lead);
        mentionList.getFocusModel().focus(lead);
    }

    private List<Long> selectedIds() {
        return vm.idsAt(List.copyOf(mentionList.getSelectionModel().getSelectedIndices()));
    }

    private void showSelection() {
        int n = mentionList.getSelectionModel().getSelectedIndices().size();
        selectionLabel.setText(n == 0 ? messages.get("inbox.selection.none")
                : messages.get("inbox.selection.count", Map.of("count", n)));
        for (Node b : List.of(typeMenu, assignButton, escalateButton, hideButton, moreMenu)) {
            b.setDisable(n == 0);
        }
    }

    private void focusReply() {
        Node reply = root.lookup("#replyText");
        if (reply != null && vm.selectedMentionProperty().get() != null) {
            reply.requestFocus();
        }
    }

    // ------------------------------------------------------------------ actions

    private void setUpActions() {
        InboxType[] types = InboxType.values();
        for (int i = 0; i < types.length; i++) {
            InboxType t = types[i];
            MenuItem item = new MenuItem(messages.get("inbox.action.typeItem", Map.of("key", i + 1,
                    "type", messages.get("inbox.type." + t.cliName()))));
            item.setOnAction(e -> vm.setType(selectedIds(), t));
            typeMenu.getItems().add(item);
        }
        for (MentionState s : List.of(MentionState.RESOLVED, MentionState.IGNORED, MentionState.CORRECTED,
                MentionState.NEW)) {
            MenuItem item = new MenuItem(messages.get("inbox.action.state." + s.cliName()));
            item.setId("stateTo" + s.name());
            item.setOnAction(e -> vm.changeState(selectedIds(), s, null));
            moreMenu.getItems().add(item);
        }
    }

    @FXML
    private void assign() {
        List<Long> ids = selectedIds();
        if (ids.isEmpty()) {
            return;
        }
        dialogs.assignee(window(), ids.size(), vm.defaultAssignee())
                .ifPresent(who -> vm.changeState(ids, MentionState.ASSIGNED, who));
    }

    @FXML
    private void escalate() {
        vm.changeState(selectedIds(), MentionState.ESCALATED, null);
    }

    @FXML
    private void hide() {
        vm.changeState(selectedIds(), MentionState.HIDDEN, null);
    }

    @FXML
    private void importFile() {
        CrisisCase c = vm.currentCaseProperty().get();
        if (c != null) {
            imports.importInto(window(), c.id(), r -> vm.imported());
        }
    }

    @FXML
    private void addByHand() {
        if (vm.currentCaseProperty().get() == null) {
            return;
        }
        dialogs.addByHand(window()).ifPresent(h -> vm.addByHand(h.text(), h.url(), h.platform(), h.author(),
                h.publishedAt(), m -> mentionList.requestFocus()));
    }

    @FXML
    private void showShortcuts() {
        dialogs.showShortcuts(window(), java.util.Arrays.stream(InboxType.values())
                .map(t -> messages.get("inbox.type." + t.cliName())).toList());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ------------------------------------------------------------------ detail

    private void setUpDetail() {
        typeChoice.getItems().setAll(InboxType.values());
        typeChoice.setConverter(DisplayConverter.of(t -> messages.get("inbox.type." + t.cliName())));
        typeChoice.valueProperty().addListener((o, a, t) -> {
            Mention m = vm.selectedMentionProperty().get();
            if (!showingMention && m != null && t != null && t != m.type()) {
                vm.setType(List.of(m.id()), t);
            }
        });
        vm.selectedMentionProperty().addListener((o, a, m) -> showMention(m));
        showMention(null);
    }

    private void showMention(Mention m) {
        mentionDetail.setVisible(m != null);
        mentionDetail.setManaged(m != null);
        noMentionLabel.setVisible(m == null);
        noMentionLabel.setManaged(m == null);
        if (m == null) {
            return;
        }
        showingMention = true;
        try {
            authorLabel.setText(m.author() == null ? messages.get("inbox.author.unknown") : m.author());
            platformLabel.setText(m.platform() == null ? "" : m.platform());
            publishedLabel.setText(formats.dayClock(m.publishedAt()));
            reachLabel.setText(m.reach() == null ? "" : messages.get("inbox.detail.reach",
                    Map.of("reach", formats.number(m.reach()))));
            sentimentLabel.setText(messages.get("inbox.sentiment." + m.sentiment().name().toLowerCase(
                    java.util.Locale.ROOT)));
            languageLabel.setText(m.language() == null ? "" : m.language());
            mentionText.setText(m.text());
            urlField.setText(m.url() == null ? "" : m.url());
            urlField.setTooltip(m.url() == null ? null : new javafx.scene.control.Tooltip(m.url()));
            urlField.setVisible(m.url() != null);
            urlField.setManaged(m.url() != null);
            typeChoice.setValue(m.type());
            suggestedLabel.setText(m.typeSuggested() ? messages.get("inbox.detail.suggested") : "");
            stateLabel.setText(messages.get("inbox.state." + m.state().cliName()));
            assignedLabel.setText(m.assignedTo() == null ? "" : messages.get("inbox.detail.assigned",
                    Map.of("person", m.assignedTo())));
            priorityLabel.setText(messages.get("inbox.detail.priority", Map.of("priority", m.priority())));
            sourceLabel.setText(m.importedFrom() == null ? messages.get("inbox.detail.byHand")
                    : m.importedLine() == null ? m.importedFrom()
                    : messages.get("inbox.detail.source", Map.of("file", m.importedFrom(), "line", m.importedLine())));
            showClock();
        } finally {
            showingMention = false;
        }
    }

    private void showClock() {
        Mention m = vm.selectedMentionProperty().get();
        if (m == null) {
            return;
        }
        ResponseClock c = vm.clockOf(m);
        clockLabel.setText(clocks.text(c));
        clockLabel.getStyleClass().removeAll(ClockText.STYLES);
        String style = ClockText.styleOf(c);
        if (style != null) {
            clockLabel.getStyleClass().add(style);
        }
    }
}
