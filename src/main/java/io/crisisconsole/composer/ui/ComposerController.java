package io.crisisconsole.composer.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.DraftVersion;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer window: the core message on the left, one editable variant per channel on the right
 * (with its count and findings), the review workflow on top and publications at the bottom. The
 * view-model is per case, so it is handed over after loading ({@link #bind(ComposerViewModel)}).
 */
public final class ComposerController {

    @FXML
    private BorderPane root;
    @FXML
    private Label caseLabel;
    @FXML
    private javafx.scene.layout.HBox exerciseBand;
    @FXML
    private Label exerciseNote;
    @FXML
    private ComboBox<Draft> draftChoice;
    @FXML
    private Button newDraftButton;
    @FXML
    private Label draftStatusLabel;
    @FXML
    private Label checkSummaryLabel;
    @FXML
    private Button saveVersionButton;
    @FXML
    private Button submitButton;
    @FXML
    private ComboBox<Contact> approverChoice;
    @FXML
    private Button approveButton;
    @FXML
    private Button reopenButton;
    @FXML
    private SplitPane split;
    @FXML
    private ComboBox<Stage> stageChoice;
    @FXML
    private TextArea whatHappenedText;
    @FXML
    private TextArea whatWeAreDoingText;
    @FXML
    private TextArea whatYouShouldDoText;
    @FXML
    private TextField nextUpdateField;
    @FXML
    private CheckBox apologyCheck;
    @FXML
    private TextArea keyFactsText;
    @FXML
    private Button fillButton;
    @FXML
    private ListView<DraftVersion> versionList;
    @FXML
    private VBox channelList;
    @FXML
    private StackPane variantEditors;
    @FXML
    private ComboBox<Channel> publishChannel;
    @FXML
    private DatePicker publishDate;
    @FXML
    private TextField publishTime;
    @FXML
    private Button publishButton;
    @FXML
    private Label publishedLabel;

    private final Messages messages;
    private final Formats formats;
    private final ComposerLabels labels;
    private ComposerViewModel vm;
    private final Map<Channel, TextArea> variantAreas = new EnumMap<>(Channel.class);
    private final Map<Channel, Label> counters = new EnumMap<>(Channel.class);
    private final Map<Channel, VBox> editors = new EnumMap<>(Channel.class);
    /** Each channel's count (under its name in the list and under its editor) and its state. */
    private final Map<Channel, StringProperty> countTexts = new EnumMap<>(Channel.class);
    private final Map<Channel, ObjectProperty<ChannelState>> channelStates = new EnumMap<>(Channel.class);
    /** The channel whose editor is shown. */
    private final ObjectProperty<Channel> selectedChannel = new SimpleObjectProperty<>();
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    public ComposerController(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
        this.labels = new ComposerLabels(messages);
        for (Channel c : Channel.values()) {
            countTexts.put(c, new SimpleStringProperty(""));
            channelStates.put(c, new SimpleObjectProperty<>(ChannelState.BLANK));
        }
    }

    /** Connects the controls to the composer of one case. */
    public void bind(ComposerViewModel model) {
        this.vm = model;
        caseLabel.setText(messages.get("composer.case", String.valueOf(vm.crisisCase().id()), vm.crisisCase().title()));
        // an exercise's composer: the band, and beside Publish where it goes (the simulated channels only)
        boolean exercise = vm.crisisCase().exercise();
        for (javafx.scene.Node n : java.util.List.of(exerciseBand, exerciseNote)) {
            n.setVisible(exercise);
            n.setManaged(exercise);
        }

        draftChoice.setItems(vm.drafts());
        draftChoice.setConverter(DisplayConverter.of(d -> messages.get("composer.draft.item", d.title(), d.currentVersion(),
                labels.status(d.status()))));
        vm.draftProperty().addListener((o, a, d) -> {
            if (d != null && !d.equals(draftChoice.getValue())) {
                draftChoice.setValue(d);
            }
            showStatus(d);
        });
        draftChoice.setOnAction(e -> vm.select(draftChoice.getValue()));
        // replacing the shown draft in the list (new status, new version) clears the box's value: put it back
        vm.drafts().addListener((ListChangeListener<Draft>) ch -> {
            Draft d = vm.draftProperty().get();
            if (d != null && !d.equals(draftChoice.getValue())) {
                draftChoice.setValue(d);
            }
        });

        var noDraft = vm.draftProperty().isNull();
        split.disableProperty().bind(noDraft);
        saveVersionButton.disableProperty().bind(noDraft.or(vm.busyProperty()));
        submitButton.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.draftProperty().get() == null
                || vm.draftProperty().get().status() != DraftStatus.DRAFT || vm.busyProperty().get(),
                vm.draftProperty(), vm.busyProperty()));
        reopenButton.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.draftProperty().get() == null
                || vm.draftProperty().get().status() == DraftStatus.DRAFT || vm.busyProperty().get(),
                vm.draftProperty(), vm.busyProperty()));
        approveButton.disableProperty().bind(vm.canApproveProperty().not());
        publishButton.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.draftProperty().get() == null
                || vm.draftProperty().get().status() != DraftStatus.APPROVED || vm.busyProperty().get()
                || publishChannel.getValue() == null, vm.draftProperty(), vm.busyProperty(),
                publishChannel.valueProperty()));
        newDraftButton.disableProperty().bind(vm.busyProperty());

        approverChoice.setItems(vm.approvers());
        approverChoice.setConverter(DisplayConverter.of(c -> c.roleTitle() == null ? c.name()
                : messages.get("composer.approver.item", c.name(), c.roleTitle())));
        approverChoice.valueProperty().bindBidirectional(vm.approverProperty());
        // the chosen approver shows by name (a long role title would be cut off); the list shows the role too
        approverChoice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Contact c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? messages.get("composer.approver.prompt") : c.name());
            }
        });
        approverChoice.setPlaceholder(new Label(messages.get("composer.approver.none")));
        approverChoice.setTooltip(new javafx.scene.control.Tooltip(messages.get("composer.approver.hint")));
        // contacts edited while the composer is open: read again when this window comes to the front
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, a2, w) -> {
                    if (w != null) {
                        w.focusedProperty().addListener((o3, was, focused) -> {
                            if (focused && !was) {
                                vm.reloadApprovers();
                            }
                        });
                    }
                });
            }
        });

        stageChoice.getItems().setAll(Stage.values());
        stageChoice.setConverter(DisplayConverter.of(labels::stage));
        stageChoice.valueProperty().bindBidirectional(vm.stageProperty());
        whatHappenedText.textProperty().bindBidirectional(vm.whatHappenedProperty());
        whatWeAreDoingText.textProperty().bindBidirectional(vm.whatWeAreDoingProperty());
        whatYouShouldDoText.textProperty().bindBidirectional(vm.whatYouShouldDoProperty());
        nextUpdateField.textProperty().bindBidirectional(vm.nextUpdateProperty());
        apologyCheck.selectedProperty().bindBidirectional(vm.apologyProperty());
        keyFactsText.textProperty().bindBidirectional(vm.keyFactsProperty());

        versionList.setItems(vm.versions());
        versionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DraftVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null
                        : messages.get("composer.versions.item", v.version(), formats.dayClock(v.savedAt()), v.author()));
            }
        });
        versionList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.restoreVersion(versionList.getSelectionModel().getSelectedItem());
            }
        });

        // every channel with its state at once: a list on the left (fixed-width state icon, name, count),
        // the editor of the selected one on the right; nothing moves when a state changes
        for (Channel c : Channel.values()) {
            VBox editor = variantEditor(c);
            editor.setVisible(false);
            variantEditors.getChildren().add(editor);
        }
        showReport();
        for (Channel c : Channel.values()) {
            channelList.getChildren().add(new ChannelRow(c));
        }
        selectedChannel.addListener((o, a, c) -> {
            editors.forEach((ch, box) -> box.setVisible(ch == c));
            channelList.getChildren().forEach(n -> n.pseudoClassStateChanged(SELECTED, ((ChannelRow) n).channel == c));
        });
        selectedChannel.set(Channel.X);
        vm.reportProperty().addListener((o, a, r) -> showReport());

        publishChannel.getItems().setAll(Channel.values());
        publishChannel.setConverter(DisplayConverter.of(labels::channel));
        publishChannel.setValue(Channel.X);
        publishDate.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : formats.date(day);
            }

            @Override
            public LocalDate fromString(String text) {
                return formats.parseDate(text);
            }
        });
        resetPublishTime();
        vm.publications().addListener((ListChangeListener<DraftPublication>) ch -> showPublished());
        showStatus(null);
        vm.load();
    }

    /** What the channel list shows of a channel's state: its icon. */
    private enum ChannelState {
        ERROR("fth-x-circle", Styles.DANGER), WARNING("fth-alert-triangle", Styles.WARNING),
        BLANK("fth-circle", Styles.TEXT_MUTED), CLEAN("fth-check-circle", Styles.SUCCESS);

        final String icon;
        final String style;

        ChannelState(String icon, String style) {
            this.icon = icon;
            this.style = style;
        }
    }

    /**
     * A channel in the list: its state icon in a fixed-width slot, its name and its count below; a
     * click or Enter/Space shows its editor, Up and Down move to the next. Ten fixed rows, not a list
     * view: a count changes at every keystroke, and a list view lays every cell out again (with its
     * CSS) when one of them changes; a row follows its own channel's count and state, nothing else.
     */
    private final class ChannelRow extends HBox {
        final Channel channel;
        private final StackPane iconSlot = new StackPane();
        private final Map<ChannelState, FontIcon> icons = new EnumMap<>(ChannelState.class);

        ChannelRow(Channel c) {
            this.channel = c;
            setId("channel-" + c.yamlName());
            getStyleClass().add("channel-row");
            setFocusTraversable(true);
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            iconSlot.setMinWidth(20);
            iconSlot.setPrefWidth(20);
            iconSlot.setMaxWidth(20);
            iconSlot.setId("state-" + c.yamlName());
            Label name = new Label(labels.channel(c));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label count = new Label();
            count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            count.textProperty().bind(countTexts.get(c));
            accessibleTextProperty().bind(Bindings.concat(name.getText(), " ", countTexts.get(c)));
            getChildren().setAll(iconSlot, new VBox(1, name, count));
            channelStates.get(c).addListener((o, a, state) -> show(state));
            show(channelStates.get(c).get());
            setOnMouseClicked(e -> {
                selectedChannel.set(c);
                requestFocus();
            });
            setOnKeyPressed(e -> {
                int at = c.ordinal();
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    selectedChannel.set(c);
                } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                    int next = Math.floorMod(at + (e.getCode() == KeyCode.DOWN ? 1 : -1), Channel.values().length);
                    selectedChannel.set(Channel.values()[next]);
                    channelList.getChildren().get(next).requestFocus();
                } else {
                    return;
                }
                e.consume();
            });
        }

        private void show(ChannelState state) {
            FontIcon icon = icons.computeIfAbsent(state, s -> FindingCell.icon(s.icon, s.style));
            if (iconSlot.getChildren().size() != 1 || iconSlot.getChildren().get(0) != icon) {
                iconSlot.getChildren().setAll(icon);
            }
        }
    }

    private VBox variantEditor(Channel c) {
        String id = c.yamlName();
        TextArea text = new TextArea();
        text.setId("variant-" + id);
        text.setWrapText(true);
        text.setPrefRowCount(10);
        text.textProperty().bindBidirectional(vm.variantProperty(c));
        VBox.setVgrow(text, Priority.ALWAYS);
        Label counter = new Label();
        counter.setId("counter-" + id);
        counter.getStyleClass().add(Styles.TEXT_BOLD);
        Button copy = new Button(messages.get("composer.variant.copy"), new FontIcon("fth-copy"));
        copy.setId("copy-" + id);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(messages.get("composer.variant.copied"));
        });
        text.textProperty().addListener((o, a, b) -> copy.setText(messages.get("composer.variant.copy")));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, counter, gap, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        ListView<Finding> found = new ListView<>(vm.findings(c));
        found.setId("findings-" + id);
        found.setPrefHeight(120);
        found.setPlaceholder(new Label(messages.get("composer.findings.none")));
        found.setCellFactory(list -> new FindingCell());
        found.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> selectSpan(text, f));
        found.setOnMouseClicked(e -> selectSpan(text, found.getSelectionModel().getSelectedItem()));
        VBox box = new VBox(8, text, bar, new Label(messages.get("composer.findings.heading")), found);
        box.setPadding(new Insets(8));
        Label heading = new Label(labels.channel(c));
        heading.getStyleClass().add(Styles.TITLE_4);
        box.getChildren().add(0, heading);
        variantAreas.put(c, text);
        counter.textProperty().bind(countTexts.get(c));
        counters.put(c, counter);
        editors.put(c, box);
        return box;
    }

    /** Selects the text a finding points at. */
    private static void selectSpan(TextArea text, Finding f) {
        if (f != null) {
            int len = text.getLength();
            text.requestFocus();
            text.selectRange(Math.min(f.start(), len), Math.min(f.end(), len));
        }
    }

    private void showReport() {
        long errors = 0;
        long warnings = 0;
        for (Channel c : Channel.values()) {
            countTexts.get(c).set(vm.count(c).map(vm::counterText).orElse(""));
            boolean over = vm.count(c).map(x -> x.overLimit()).orElse(false);
            // a style class removed and put back styles the label anew: only when it changes
            if (over != counters.get(c).getStyleClass().contains(Styles.DANGER)) {
                if (over) {
                    counters.get(c).getStyleClass().add(Styles.DANGER);
                } else {
                    counters.get(c).getStyleClass().remove(Styles.DANGER);
                }
            }
            long e = vm.findings(c).stream().filter(f -> f.level() == Finding.Level.ERROR).count();
            long w = vm.findings(c).size() - e;
            errors += e;
            warnings += w;
            boolean blank = vm.variantProperty(c).get() == null || vm.variantProperty(c).get().isBlank();
            channelStates.get(c).set(e > 0 ? ChannelState.ERROR : w > 0 ? ChannelState.WARNING
                    : blank ? ChannelState.BLANK : ChannelState.CLEAN);
        }
        Map<String, Object> counts = Map.of("errors", errors, "warnings", warnings);
        checkSummaryLabel.setText(errors == 0 && warnings == 0 ? messages.get("composer.checks.clean")
                : messages.get(errors > 0 ? "composer.checks.blocked" : "composer.checks.found", counts));
    }

    private void showStatus(Draft d) {
        draftStatusLabel.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.ACCENT);
        if (d == null) {
            draftStatusLabel.setText(messages.get("composer.status.none"));
            return;
        }
        if (d.status() == DraftStatus.APPROVED) {
            draftStatusLabel.setText(messages.get("composer.status.approved", labels.status(d.status()),
                    d.approvedByName(),
                    formats.clock(d.approvedAt()), d.currentVersion()));
            draftStatusLabel.getStyleClass().add(Styles.SUCCESS);
        } else {
            draftStatusLabel.setText(messages.get("composer.status", labels.status(d.status()), d.currentVersion()));
            draftStatusLabel.getStyleClass().add(d.status() == DraftStatus.IN_REVIEW ? Styles.WARNING : Styles.ACCENT);
        }
    }

    private void showPublished() {
        publishedLabel.setText(vm.publications().isEmpty() ? messages.get("composer.published.none")
                : messages.get("composer.published", vm.publications().stream()
                        .map(p -> messages.get("composer.published.item", labels.channel(p.channel()),
                                formats.clock(p.publishedAt())))
                        .collect(Collectors.joining(messages.get("composer.published.separator")))));
        resetPublishTime();
    }

    /**
     * Empty date and time: the publication is dated the moment Mark published is pressed (not when
     * the composer opened); a time typed in dates it then, today unless a day is picked.
     */
    private void resetPublishTime() {
        publishDate.setValue(null);
        publishTime.clear();
    }

    @FXML
    private void newDraft() {
        TextInputDialog ask = new TextInputDialog(vm.suggestedTitle());
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(messages.get("composer.newDraft.title"));
        ask.setHeaderText(messages.get("composer.newDraft.header", labels.stage(vm.stageProperty().get())));
        ask.setContentText(messages.get("composer.newDraft.field"));
        ask.getEditor().setId("draftTitleField");
        ask.showAndWait().filter(t -> !t.isBlank()).ifPresent(vm::createDraft);
    }

    @FXML
    private void saveVersion() {
        vm.saveVersion();
    }

    @FXML
    private void submit() {
        vm.submitForReview();
    }

    @FXML
    private void approve() {
        Draft d = vm.draftProperty().get();
        Contact who = vm.approverProperty().get();
        if (d == null || who == null) {
            return;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(messages.get("composer.approve.confirm.title"));
        ask.setHeaderText(messages.get("composer.approve.confirm.header", d.currentVersion(), d.title(), who.name()));
        ask.setContentText(messages.get("composer.approve.confirm.content"));
        ask.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.approve());
    }

    @FXML
    private void reopen() {
        vm.reopen();
    }

    @FXML
    private void fillPlaceholders() {
        vm.fillPlaceholders();
    }

    @FXML
    private void markPublished() {
        vm.markPublished(publishChannel.getValue(), publishDate.getValue(), publishTime.getText());
    }

    /** The window closes: saves what changed. */
    public void close() {
        if (vm != null) {
            vm.close();
        }
    }
}
