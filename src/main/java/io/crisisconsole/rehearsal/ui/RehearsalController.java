package io.crisisconsole.rehearsal.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.rehearsal.Exercise;
import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.rehearsal.ExerciseState;
import io.crisisconsole.rehearsal.ExerciseView;
import io.crisisconsole.rehearsal.ExpectationState;
import io.crisisconsole.rehearsal.Feed;
import io.crisisconsole.rehearsal.FeedItem;
import io.crisisconsole.rehearsal.InjectState;
import io.crisisconsole.rehearsal.ObjectiveRating;
import io.crisisconsole.rehearsal.Rating;
import io.crisisconsole.rehearsal.Scenario;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Countdown;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import io.crisisconsole.toolkit.ui.FilePicker;
import io.crisisconsole.toolkit.ui.Fit;
import io.crisisconsole.toolkit.ui.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Rehearsal area: the exercises and the scenarios to start on the left; the exercise chosen on
 * the right under its EXERCISE band, with its clock bar and the Facilitator, Channels, Score and
 * Debrief tabs. One tick of the app's {@link Ticker} a second moves the engine on.
 */
public final class RehearsalController {

    private final RehearsalViewModel vm;
    private final StartExerciseDialog startDialog;
    private final FilePicker files;
    private final Messages messages;
    private final Formats formats;
    private final Ticker ticker;
    private final RehearsalTexts texts;
    private final Countdown countdown;
    /** The expectations' countdown labels, moved on every tick without rebuilding the rows. */
    private final Map<String, Label> countdowns = new HashMap<>();
    private final Map<Integer, ToggleButton> speeds = new HashMap<>();
    private List<Object> shownRows = List.of();
    private List<Object> shownScore = List.of();

    @FXML
    private SplitPane root;
    @FXML
    private ListView<Exercise> exerciseList;
    @FXML
    private ListView<RehearsalViewModel.ScenarioSource> scenarioList;
    @FXML
    private Button openScenarioButton;
    @FXML
    private Button startButton;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox exercisePane;
    @FXML
    private HBox exerciseBand;
    @FXML
    private Label titleLabel;
    @FXML
    private FlowPane clockBar;
    @FXML
    private Label minuteLabel;
    @FXML
    private Label wallLabel;
    @FXML
    private Label stateLabel;
    @FXML
    private Button runButton;
    @FXML
    private HBox speedBox;
    @FXML
    private Button nextInjectButton;
    @FXML
    private Button endButton;
    @FXML
    private Button openCaseButton;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab facilitatorTab;
    @FXML
    private Tab channelsTab;
    @FXML
    private Tab scoreTab;
    @FXML
    private Tab debriefTab;
    @FXML
    private VBox injectsBox;
    @FXML
    private VBox expectationsBox;
    @FXML
    private ListView<FeedItem> microblogList;
    @FXML
    private ListView<FeedItem> newswireList;
    @FXML
    private ListView<FeedItem> mailboxList;
    @FXML
    private VBox scoreBox;
    /** The debrief form's controller (fx:include "debrief"). */
    @FXML
    private DebriefController debriefController;

    public RehearsalController(RehearsalViewModel vm, StartExerciseDialog startDialog, FilePicker files,
            Messages messages, Formats formats, Ticker ticker) {
        this.vm = vm;
        this.startDialog = startDialog;
        this.files = files;
        this.messages = messages;
        this.formats = formats;
        this.ticker = ticker;
        this.texts = new RehearsalTexts(messages);
        this.countdown = new Countdown(messages, formats);
    }

    @FXML
    private void initialize() {
        exerciseList.setItems(vm.exercises());
        exerciseList.setCellFactory(l -> new ExerciseCell());
        exerciseList.setPlaceholder(Fit.placeholder(messages.get("rehearsal.exercises.none")));
        exerciseList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !Objects.equals(vm.selectedProperty().get(), b.caseId())) {
                vm.selectedProperty().set(b.caseId());
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> selectInList(b));
        // the debrief follows the chosen exercise's case
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null) {
                debriefController.show(b);
            }
        });
        scenarioList.setItems(vm.scenarios());
        scenarioList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RehearsalViewModel.ScenarioSource s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
                // long titles wrap in the list's width instead of scrolling sideways
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        scenarioList.setPlaceholder(Fit.placeholder(messages.get("rehearsal.scenarios.none")));
        scenarioList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && scenarioList.getSelectionModel().getSelectedItem() != null) {
                startExercise();
            }
        });

        ToggleGroup speedGroup = new ToggleGroup();
        for (int speed : List.of(1, 5, 10, 60)) {
            ToggleButton b = new ToggleButton(messages.get("rehearsal.speed", Map.of("speed", speed)));
            b.setId("speed" + speed);
            b.setToggleGroup(speedGroup);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                ExerciseView v = vm.viewProperty().get();
                if (v != null && v.exercise().speed() != speed) {
                    vm.setSpeed(speed);
                }
                b.setSelected(true);
            });
            speeds.put(speed, b);
            speedBox.getChildren().add(b);
        }
        speedBox.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        for (int i = 1; i < speedBox.getChildren().size() - 1; i++) {
            speedBox.getChildren().get(i).getStyleClass().add(Styles.CENTER_PILL);
        }
        speedBox.getChildren().get(speedBox.getChildren().size() - 1).getStyleClass().add(Styles.RIGHT_PILL);

        for (var list : List.of(microblogList, newswireList, mailboxList)) {
            list.setCellFactory(l -> new FeedCell());
            list.setPlaceholder(Fit.placeholder(messages.get("rehearsal.feed.empty")));
        }
        SortedList<FeedItem> newestFirst = new SortedList<>(vm.feed(),
                Comparator.comparing(FeedItem::postedAt).thenComparingLong(FeedItem::id).reversed());
        microblogList.setItems(new FilteredList<>(newestFirst, f -> f.feed() == Feed.MICROBLOG));
        newswireList.setItems(new FilteredList<>(newestFirst, f -> f.feed() == Feed.NEWSWIRE));
        mailboxList.setItems(new FilteredList<>(newestFirst, f -> f.feed() == Feed.MAILBOX));

        emptyState.visibleProperty().bind(vm.viewProperty().isNull());
        exercisePane.visibleProperty().bind(vm.viewProperty().isNotNull());
        vm.viewProperty().addListener((o, a, b) -> showView(b));
        vm.scoreProperty().addListener((o, a, b) -> showScore());
        vm.ratings().addListener((javafx.collections.ListChangeListener<ObjectiveRating>) c -> showScore());
        ticker.nowProperty().addListener((o, a, b) -> onTick());
        vm.reload();
    }

    private void selectInList(Long caseId) {
        if (caseId == null) {
            return;
        }
        vm.exercises().stream().filter(e -> e.caseId() == caseId).findFirst().ifPresent(e -> {
            if (exerciseList.getSelectionModel().getSelectedItem() != e) {
                exerciseList.getSelectionModel().select(e);
            }
        });
    }

    /**
     * Every second: a tick of the engine for the exercise chosen, also while the team works in another
     * area (its injects keep landing in the inbox), and the clock bar and countdowns.
     */
    private void onTick() {
        if (vm.viewProperty().get() == null) {
            return;
        }
        vm.tick();
        if (root.getScene() != null) {
            showClock();
            exerciseList.refresh();
        }
    }

    private void showClock() {
        ExerciseView v = vm.viewProperty().get();
        Instant now = vm.exerciseNow(ticker.now()).orElse(v.now());
        minuteLabel.setText(texts.minute(v.exercise().startedAt(), now));
        wallLabel.setText(messages.get("rehearsal.exerciseTime", formats.dayClock(now)));
        for (ExerciseView.ExpectationView x : v.expectations()) {
            Label l = countdowns.get(x.expectation().id());
            if (l != null) {
                showCountdown(l, x, now);
            }
        }
    }

    private void showView(ExerciseView v) {
        if (v == null) {
            shownRows = List.of();
            shownScore = List.of();
            return;
        }
        Exercise e = v.exercise();
        selectInList(e.caseId());
        titleLabel.setText(messages.get("rehearsal.band.title", e.scenarioTitle(), String.valueOf(e.caseId()),
                e.facilitator()));
        stateLabel.setText(texts.state(e.state()));
        boolean over = e.state() == ExerciseState.ENDED;
        boolean atStart = e.state() == ExerciseState.PAUSED && !v.now().isAfter(e.startedAt());
        runButton.setText(messages.get(e.state() == ExerciseState.RUNNING ? "rehearsal.pause"
                : atStart ? "rehearsal.startClock" : "rehearsal.resume"));
        runButton.setDisable(over);
        nextInjectButton.setDisable(over);
        endButton.setDisable(over);
        speeds.forEach((speed, b) -> {
            b.setSelected(speed == e.speed());
            b.setDisable(over);
        });
        List<Object> rows = new ArrayList<>();
        rows.add(e.state());
        v.injects().forEach(i -> rows.add(List.of(i.row(), i.text())));
        v.expectations().forEach(x -> rows.add(x.row()));
        if (!rows.equals(shownRows)) {
            shownRows = rows;
            showInjects(v);
            showExpectations(v);
        }
        showClock();
        showScore();
    }

    // ------------------------------------------------------------------ facilitator

    private void showInjects(ExerciseView v) {
        boolean over = v.exercise().state() == ExerciseState.ENDED;
        List<Node> rows = new ArrayList<>();
        List<ExerciseView.InjectView> ordered = new ArrayList<>(v.injects());
        ordered.sort(Comparator.comparingInt((ExerciseView.InjectView i) -> i.row().state() == InjectState.PENDING ? 0 : 1)
                .thenComparing(i -> minuteOf(v, i)).thenComparingInt(i -> i.row().seq()));
        for (ExerciseView.InjectView i : ordered) {
            Scenario.Inject inject = i.inject();
            String persona = inject.persona() == null ? null
                    : v.scenario().persona(inject.persona()).map(p -> p.handle() == null ? p.name()
                            : p.name() + " " + p.handle()).orElse(inject.persona());
            Label head = new Label(messages.get(persona == null ? "rehearsal.inject.head" : "rehearsal.inject.head.persona",
                    Map.of("minute", minuteOf(v, i), "type", texts.injectType(inject.type()),
                            "persona", persona == null ? "" : persona, "id", inject.id())));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            Label state = new Label(over && i.row().state() == InjectState.PENDING
                    ? messages.get("rehearsal.inject.notFired") : injectState(v, i));
            state.setId("injectState-" + inject.id());
            // a long wait ("when … expired") wraps beside the heading instead of squeezing it
            state.setWrapText(true);
            state.setMaxWidth(260);
            state.setMinHeight(Region.USE_PREF_SIZE);
            head.setMinWidth(180);
            state.getStyleClass().add(i.row().state() == InjectState.FIRED ? Styles.SUCCESS
                    : i.row().state() == InjectState.SKIPPED ? Styles.TEXT_MUTED : Styles.ACCENT);
            Label text = new Label(i.text());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(8, head, gap, state);
            top.setAlignment(Pos.CENTER_LEFT);
            head.setWrapText(true);
            head.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(head, Priority.SOMETIMES);
            VBox card = new VBox(top, text);
            card.getStyleClass().add("exercise-card");
            if (i.row().state() == InjectState.PENDING && !over) {
                Button fire = button("rehearsal.inject.fire", "fire-" + inject.id(), () -> vm.fire(inject.id()));
                Button skip = button("rehearsal.inject.skip", "skip-" + inject.id(), () -> vm.skip(inject.id()));
                Button edit = button("rehearsal.inject.edit", "edit-" + inject.id(),
                        () -> startDialog.editInject(root.getScene().getWindow(), minuteOf(v, i), i.text())
                                .ifPresent(r -> vm.edit(inject.id(), r.minute(), r.text())));
                fire.getStyleClass().add(Styles.ACCENT);
                card.getChildren().add(new HBox(8, fire, skip, edit));
            }
            rows.add(card);
        }
        injectsBox.getChildren().setAll(rows);
    }

    private static long minuteOf(ExerciseView v, ExerciseView.InjectView i) {
        Instant at = i.row().firedAt() != null ? i.row().firedAt() : i.row().dueAt();
        return at == null ? i.inject().atMinutes() : Duration.between(v.exercise().startedAt(), at).toMinutes();
    }

    private String injectState(ExerciseView v, ExerciseView.InjectView i) {
        switch (i.row().state()) {
            case FIRED:
                return messages.get("rehearsal.inject.fired");
            case SKIPPED:
                return messages.get("rehearsal.inject.skipped");
            default:
                break;
        }
        if (i.row().posts() > 0 && i.total() > 1) {
            return messages.get("rehearsal.inject.posting", Map.of("posts", i.row().posts(), "total", i.total()));
        }
        if (i.row().dueAt() != null) {
            return messages.get("rehearsal.inject.pending");
        }
        Scenario.Inject inject = i.inject();
        if (inject.trigger() == Scenario.Trigger.AFTER && inject.whenExpectation() != null) {
            return messages.get("rehearsal.inject.waitsFor", inject.whenExpectation(),
                    inject.whenResult() == null ? "" : texts.result(inject.whenResult()));
        }
        return messages.get("rehearsal.inject.byHand");
    }

    private void showExpectations(ExerciseView v) {
        boolean over = v.exercise().state() == ExerciseState.ENDED;
        countdowns.clear();
        List<Node> rows = new ArrayList<>();
        for (ExerciseView.ExpectationView x : v.expectations()) {
            Scenario.Expectation exp = x.expectation();
            Label head = new Label(exp.text());
            head.getStyleClass().add(Styles.TEXT_BOLD);
            head.setWrapText(true);
            head.setMinHeight(Region.USE_PREF_SIZE);
            Label state = new Label(texts.expectationState(x.row().state()));
            state.setId("expectationState-" + exp.id());
            state.setMinWidth(Region.USE_PREF_SIZE);
            state.getStyleClass().add(switch (x.row().state()) {
                case PASSED -> Styles.SUCCESS;
                case FAILED, EXPIRED -> Styles.DANGER;
                case PENDING -> Styles.ACCENT;
            });
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(8, head, gap, state);
            top.setAlignment(Pos.CENTER_LEFT);
            Label meta = new Label(window(v, x));
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            meta.setWrapText(true);
            meta.setMinHeight(Region.USE_PREF_SIZE);
            Label left = new Label();
            left.setMinWidth(Region.USE_PREF_SIZE);
            countdowns.put(exp.id(), left);
            HBox line = new HBox(12, meta, left);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(top, line);
            card.getStyleClass().add("exercise-card");
            if (x.row().note() != null) {
                Label note = new Label(messages.get("rehearsal.expectation.note", x.row().note()));
                note.setWrapText(true);
                note.getStyleClass().add(Styles.TEXT_SMALL);
                card.getChildren().add(note);
            }
            if (!over) {
                TextField note = new TextField();
                note.setPromptText(messages.get("rehearsal.expectation.notePrompt"));
                note.setId("note-" + exp.id());
                HBox.setHgrow(note, Priority.ALWAYS);
                HBox judge = new HBox(8);
                judge.setAlignment(Pos.CENTER_LEFT);
                for (Scenario.Result r : Scenario.Result.values()) {
                    judge.getChildren().add(button(judgeKey(r), r.yamlName() + "-" + exp.id(),
                            () -> vm.judge(exp.id(), r, note.getText())));
                }
                judge.getChildren().add(note);
                card.getChildren().add(judge);
            }
            rows.add(card);
        }
        expectationsBox.getChildren().setAll(rows);
    }

    private static String judgeKey(Scenario.Result r) {
        return switch (r) {
            case PASSED -> "rehearsal.judge.passed";
            case FAILED -> "rehearsal.judge.failed";
            case EXPIRED -> "rehearsal.judge.expired";
        };
    }

    private String window(ExerciseView v, ExerciseView.ExpectationView x) {
        String type = texts.expectationType(x.expectation().type());
        ExpectationStateWindow w = new ExpectationStateWindow(v.exercise().startedAt(), x);
        if (w.from() == null) {
            String after = x.expectation().after() == null ? "" : x.expectation().after();
            return messages.get("rehearsal.expectation.waiting", type, after);
        }
        return messages.get("rehearsal.expectation.window", Map.of("type", type, "from", w.from(),
                "to", w.to() == null ? -1L : w.to()));
    }

    /** An expectation's window in exercise minutes. */
    private record ExpectationStateWindow(Instant startedAt, ExerciseView.ExpectationView x) {
        Long from() {
            return x.row().startsAt() == null ? null : Duration.between(startedAt, x.row().startsAt()).toMinutes();
        }

        Long to() {
            return x.row().deadlineAt() == null ? null : Duration.between(startedAt, x.row().deadlineAt()).toMinutes();
        }
    }

    private void showCountdown(Label l, ExerciseView.ExpectationView x, Instant now) {
        l.getStyleClass().removeAll(Countdown.STYLES);
        if (x.row().state() != ExpectationState.PENDING || x.row().deadlineAt() == null) {
            l.setText("");
            return;
        }
        Duration remaining = Duration.between(now, x.row().deadlineAt());
        Duration total = x.row().startsAt() == null ? remaining : Duration.between(x.row().startsAt(),
                x.row().deadlineAt());
        l.setText(countdown.text(remaining));
        String style = Countdown.styleOf(Countdown.phase(total, remaining));
        if (style != null) {
            l.getStyleClass().add(style);
        }
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    // ------------------------------------------------------------------ score

    private void showScore() {
        ExerciseView v = vm.viewProperty().get();
        if (v == null) {
            return;
        }
        Optional<ExerciseScore> score = vm.scoreProperty().get();
        List<Object> key = List.of(score, List.copyOf(vm.ratings()), v.scenario().objectives());
        if (key.equals(shownScore)) {
            return;
        }
        shownScore = key;
        List<Node> rows = new ArrayList<>();
        if (score.isEmpty()) {
            rows.add(muted(messages.get("rehearsal.score.none")));
        } else {
            new ScoreFigures(messages, formats, texts).figures(score.get()).forEach(rows::add);
        }
        rows.add(heading(messages.get("rehearsal.score.objectives")));
        Map<String, ExerciseScore.ObjectiveScore> scored = new HashMap<>();
        score.ifPresent(s -> s.objectives().forEach(o -> scored.put(o.id(), o)));
        for (Scenario.Objective o : v.scenario().objectives()) {
            rows.add(objective(o, scored.get(o.id()), vm.ratings().stream()
                    .filter(r -> r.objectiveId().equals(o.id())).findFirst().orElse(null)));
        }
        scoreBox.getChildren().setAll(rows);
    }

    private Node objective(Scenario.Objective o, ExerciseScore.ObjectiveScore s, ObjectiveRating given) {
        Label text = new Label(o.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add(Styles.TEXT_BOLD);
        VBox card = new VBox(text);
        card.getStyleClass().add("exercise-card");
        if (s != null) {
            card.getChildren().add(muted(messages.get("rehearsal.score.objective.figures", Map.of("passed", s.passed(),
                    "total", s.total(), "suggestedGiven", s.suggested() != null,
                    "suggested", s.suggested() == null ? "" : texts.rating(s.suggested())))));
        }
        ComboBox<Rating> rating = new ComboBox<>();
        rating.setId("rating-" + o.id());
        rating.getItems().setAll(Rating.values());
        rating.setConverter(DisplayConverter.of(texts::rating, messages.get("rehearsal.rating.none")));
        rating.setValue(given != null ? given.rating() : s == null ? null : s.suggested());
        rating.setMinWidth(Region.USE_PREF_SIZE);
        TextField note = new TextField(given == null || given.note() == null ? "" : given.note());
        note.setPromptText(messages.get("rehearsal.rating.notePrompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = button("rehearsal.rating.save", "rate-" + o.id(),
                () -> vm.rate(o.id(), rating.getValue(), note.getText()));
        HBox line = new HBox(8, rating, note, save);
        line.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(line);
        return card;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    // ------------------------------------------------------------------ actions

    @FXML
    private void openScenario() {
        files.open(root.getScene().getWindow(), messages.get("rehearsal.openScenario.title"),
                messages.get("rehearsal.openScenario.filter"), "*.yaml", "*.yml")
                .ifPresent(f -> vm.addScenarioFile(f, s -> scenarioList.getSelectionModel().select(s)));
    }

    @FXML
    private void startExercise() {
        startDialog.start(root.getScene().getWindow(), vm, scenarioList.getSelectionModel().getSelectedItem(),
                () -> tabs.getSelectionModel().select(facilitatorTab));
    }

    @FXML
    private void startPauseResume() {
        ExerciseView v = vm.viewProperty().get();
        if (v == null) {
            return;
        }
        if (v.exercise().state() == ExerciseState.RUNNING) {
            vm.pause();
        } else {
            vm.resume();
        }
    }

    @FXML
    private void nextInject() {
        vm.stepToNext();
    }

    @FXML
    private void endExercise() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.get("rehearsal.end.confirm"),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setHeaderText(messages.get("rehearsal.end.heading"));
        confirm.setTitle(messages.get("rehearsal.end"));
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.end();
        }
    }

    @FXML
    private void openCase() {
        vm.openCase();
    }

    // ------------------------------------------------------------------ cells

    private final class ExerciseCell extends ListCell<Exercise> {
        private final Label badge = new Label(messages.get("rehearsal.mark.badge"));
        private final Label title = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, title, meta);

        ExerciseCell() {
            badge.getStyleClass().add("exercise-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            title.setGraphic(badge); // the title wraps beside the badge; the cell's height follows
            title.getStyleClass().add(Styles.TEXT_BOLD);
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Fit.wrapInList(this, title, meta);
        }

        @Override
        protected void updateItem(Exercise e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            title.setText(e.scenarioTitle());
            meta.setText(messages.get("rehearsal.exercise.item", Map.of("id", String.valueOf(e.caseId()),
                    "language", e.language(), "started", formats.dayClock(e.startedAt()),
                    "state", texts.state(e.state()),
                    "minute", texts.minute(e.startedAt(), e.clock().now(ticker.now())))));
            setGraphic(box);
        }
    }

    private final class FeedCell extends ListCell<FeedItem> {
        private final Label head = new Label();
        private final Label body = new Label();
        private final VBox box = new VBox(2, head, body);

        FeedCell() {
            head.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            Fit.wrapInList(this, head, body);
        }

        @Override
        protected void updateItem(FeedItem f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            ExerciseView v = vm.viewProperty().get();
            String at = v == null ? formats.clock(f.postedAt()) : texts.minute(v.exercise().startedAt(), f.postedAt());
            head.getStyleClass().removeAll(Styles.ACCENT);
            if (f.fromTeam()) {
                head.setText(messages.get("rehearsal.feed.team", Map.of("channel",
                        f.channel() == null ? "" : f.channel().name().toLowerCase(java.util.Locale.ROOT),
                        "author", f.author() == null ? "" : f.author(), "at", at)));
                head.getStyleClass().add(Styles.ACCENT);
            } else {
                // only what the item has: a wave's posts or a fact change have no persona
                List<String> parts = new ArrayList<>();
                String who = ((f.author() == null ? "" : f.author()) + " " + (f.handle() == null ? "" : f.handle())).strip();
                parts.add(who);
                parts.add(f.personaType() == null ? "" : texts.personaType(Scenario.PersonaType.fromYaml(f.personaType())));
                parts.add(f.via() != null ? f.via() : f.platform() == null ? "" : f.platform());
                parts.add(at);
                head.setText(String.join(messages.get("rehearsal.feed.separator"),
                        parts.stream().filter(p -> !p.isBlank()).toList()));
            }
            body.setText(f.body());
            setGraphic(box);
        }
    }
}
