package io.crisisconsole.rehearsal.ui;

import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.rehearsal.Exercise;
import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.rehearsal.ExerciseService;
import io.crisisconsole.rehearsal.ExerciseView;
import io.crisisconsole.rehearsal.FeedItem;
import io.crisisconsole.rehearsal.ObjectiveRating;
import io.crisisconsole.rehearsal.Rating;
import io.crisisconsole.rehearsal.Scenario;
import io.crisisconsole.rehearsal.ScenarioReader;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Rehearsal area without nodes: the exercises, the scenarios to start, and the exercise chosen
 * (its view, its simulated channels, its score), refreshed from the engine on every tick. Every
 * read and write runs on the task runner, never on the FX thread.
 */
public final class RehearsalViewModel {

    /** A scenario that can be started: its file name, its text, and where it was read from (null for a bundled one). */
    public record ScenarioSource(String fileName, String yaml, Path file, String title) {

        /** Read in the background: {@code title} is the scenario's title and language, or the file name when unreadable. */
        public ScenarioSource(String fileName, String yaml, Path file) {
            this(fileName, yaml, file, titleOf(fileName, yaml));
        }

        private static String titleOf(String fileName, String yaml) {
            io.crisisconsole.rehearsal.Scenario s = new io.crisisconsole.rehearsal.ScenarioReader()
                    .read(fileName, yaml).scenario();
            return s == null || s.title() == null ? fileName : s.title() + " \u00b7 " + s.language();
        }
    }

    /** The figures of an exercise (the scoring service; empty when there are none to show). */
    @FunctionalInterface
    public interface Scoring {
        Optional<ExerciseScore> score(long caseId);
    }

    /** What the start dialog asks for. */
    public record StartRequest(ScenarioSource source, String facilitator, int speed, boolean running) {
    }

    /** A start refused: the scenario's problems (file:line:col) or the engine's reason. */
    public static final class StartRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartRefused(String message) {
            super(message);
        }
    }

    private final ExerciseService exercises;
    private final Scoring scoring;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final Supplier<List<ScenarioSource>> bundledScenarios;
    private final LongConsumer openCase;

    private final ObservableList<Exercise> list = FXCollections.observableArrayList();
    private final ObservableList<ScenarioSource> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ExerciseView> view = new SimpleObjectProperty<>();
    private final ObservableList<FeedItem> feed = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<ExerciseScore>> score = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<ObjectiveRating> ratings = FXCollections.observableArrayList();
    private boolean ticking;

    /**
     * @param scoring the figures of the Score tab
     * @param bundledScenarios the scenarios that come with the app
     * @param openCase shows a case in the Cases area (the exercise's workspace)
     */
    public RehearsalViewModel(ExerciseService exercises, Scoring scoring, TaskRunner tasks, Notifier notifier,
            Messages messages, Supplier<String> author, Supplier<List<ScenarioSource>> bundledScenarios,
            LongConsumer openCase) {
        this.exercises = Objects.requireNonNull(exercises);
        this.scoring = Objects.requireNonNull(scoring);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifier = Objects.requireNonNull(notifier);
        this.messages = Objects.requireNonNull(messages);
        this.author = Objects.requireNonNull(author);
        this.bundledScenarios = Objects.requireNonNull(bundledScenarios);
        this.openCase = Objects.requireNonNull(openCase);
        selected.addListener((o, a, b) -> {
            view.set(null);
            feed.clear();
            ratings.clear();
            score.set(Optional.empty());
            refresh();
        });
    }

    /** Reads the exercises and the bundled scenarios again. */
    public void reload() {
        tasks.run(messages.get("rehearsal.task.load"), () -> new Lists(exercises.list(), bundledScenarios.get()),
                l -> {
                    list.setAll(l.exercises());
                    List<ScenarioSource> keep = new ArrayList<>(l.bundled());
                    scenarios.stream().filter(s -> s.file() != null).forEach(keep::add);
                    scenarios.setAll(keep);
                }, t -> notifier.failed(messages.get("rehearsal.failed.load"), t));
    }

    private record Lists(List<Exercise> exercises, List<ScenarioSource> bundled) {
    }

    /** Reads a scenario file the user chose (in the background) and adds it to the scenarios. */
    public void addScenarioFile(Path file, Consumer<ScenarioSource> done) {
        tasks.run(messages.get("rehearsal.task.readFile"), () -> new ScenarioSource(file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8), file), s -> {
                    scenarios.removeIf(x -> file.equals(x.file()));
                    scenarios.add(s);
                    done.accept(s);
                }, t -> notifier.failed(messages.get("rehearsal.failed.readFile", file.toString()), t));
    }

    /** Parses a scenario; its problems, each as file:line:col: message, make a {@link StartRefused}. */
    static Scenario parse(ScenarioSource source) {
        ScenarioReader.Parsed p = new ScenarioReader().read(source.fileName(), source.yaml());
        if (!p.ok()) {
            List<String> lines = new ArrayList<>();
            for (PlaybookProblem problem : p.problems()) {
                lines.add(problem.file() + ":" + problem.line() + ":" + problem.column() + ": " + problem.message());
            }
            throw new StartRefused(String.join("\n", lines));
        }
        return p.scenario();
    }

    /**
     * Starts an exercise; on success it is selected. A refusal (the scenario's problems, a playbook
     * not in the store) goes to {@code refused} and nothing is made.
     */
    public void start(StartRequest r, Consumer<Exercise> started, Consumer<String> refused) {
        tasks.run(messages.get("rehearsal.task.start"), () -> exercises.start(parse(r.source()), r.source().yaml(),
                r.source().file(), r.facilitator(), r.speed(), r.running()), e -> {
                    list.add(0, e);
                    selected.set(e.caseId());
                    notifier.info(messages.get("rehearsal.notice.started", e.scenarioTitle()));
                    started.accept(e);
                }, t -> refused.accept(t instanceof StartRefused ? t.getMessage() : notifier.explain(t)));
    }

    /** One tick of the window's clock: lets the engine do what is due and reads the exercise again (skipped while one runs). */
    public void tick() {
        Long id = selected.get();
        if (id == null || ticking) {
            return;
        }
        ticking = true;
        tasks.run(messages.get("rehearsal.task.tick"), () -> {
            exercises.tick(id);
            return read(id);
        }, s -> {
            ticking = false;
            show(id, s);
        }, t -> {
            ticking = false;
            notifier.failed(messages.get("rehearsal.failed.tick"), t);
        });
    }

    /** Reads the selected exercise again. */
    public void refresh() {
        Long id = selected.get();
        if (id == null) {
            return;
        }
        tasks.run(messages.get("rehearsal.task.load"), () -> read(id), s -> show(id, s),
                t -> notifier.failed(messages.get("rehearsal.failed.load"), t));
    }

    private record Snapshot(ExerciseView view, List<FeedItem> feed, Optional<ExerciseScore> score,
            List<ObjectiveRating> ratings) {
    }

    private Snapshot read(long id) {
        return new Snapshot(exercises.view(id), exercises.feed(id), scoring.score(id), exercises.ratings(id));
    }

    private void show(long id, Snapshot s) {
        if (!Objects.equals(selected.get(), id)) {
            return;
        }
        Exercise e = s.view().exercise();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).caseId() == id && !list.get(i).equals(e)) {
                list.set(i, e);
            }
        }
        view.set(s.view());
        if (!feed.equals(s.feed())) {
            feed.setAll(s.feed());
        }
        score.set(s.score());
        if (!ratings.equals(s.ratings())) {
            ratings.setAll(s.ratings());
        }
    }

    private void act(String task, Callable<?> work) {
        Long id = selected.get();
        if (id == null) {
            return;
        }
        tasks.run(task, () -> {
            work.call();
            return read(id);
        }, s -> show(id, s), t -> {
            notifier.failed(messages.get("rehearsal.failed.action"), t);
            refresh();
        });
    }

    private long id() {
        return selected.get();
    }

    public void pause() {
        act(messages.get("rehearsal.task.clock"), () -> exercises.pause(id(), author.get()));
    }

    public void resume() {
        act(messages.get("rehearsal.task.clock"), () -> exercises.resume(id(), author.get()));
    }

    public void setSpeed(int speed) {
        act(messages.get("rehearsal.task.clock"), () -> exercises.setSpeed(id(), speed, author.get()));
    }

    public void stepToNext() {
        act(messages.get("rehearsal.task.clock"), () -> exercises.stepToNext(id(), author.get()));
    }

    public void end() {
        act(messages.get("rehearsal.task.clock"), () -> exercises.end(id(), author.get()));
    }

    public void fire(String injectId) {
        act(messages.get("rehearsal.task.inject"), () -> {
            exercises.fire(id(), injectId, author.get());
            return null;
        });
    }

    public void skip(String injectId) {
        act(messages.get("rehearsal.task.inject"), () -> {
            exercises.skip(id(), injectId, author.get());
            return null;
        });
    }

    /** Edits a pending inject (null keeps the minute or the text). */
    public void edit(String injectId, Integer minute, String text) {
        act(messages.get("rehearsal.task.inject"), () -> {
            exercises.edit(id(), injectId, minute, text, author.get());
            return null;
        });
    }

    public void judge(String expectationId, Scenario.Result result, String note) {
        act(messages.get("rehearsal.task.judge"), () -> {
            exercises.judge(id(), expectationId, result, note, author.get());
            return null;
        });
    }

    public void rate(String objectiveId, Rating rating, String note) {
        act(messages.get("rehearsal.task.rate"), () -> {
            exercises.rate(id(), objectiveId, rating, note, author.get());
            return null;
        });
    }

    /** Shows the selected exercise's case in the Cases area. */
    public void openCase() {
        Long id = selected.get();
        if (id != null) {
            openCase.accept(id);
        }
    }

    /** Exercise time now, read from the exercise's clock at {@code wall} (no store read: the clock bar's every second). */
    public Optional<Instant> exerciseNow(Instant wall) {
        ExerciseView v = view.get();
        return v == null ? Optional.empty() : Optional.of(v.exercise().clock().now(wall));
    }

    public String author() {
        return author.get();
    }

    public ObservableList<Exercise> exercises() {
        return list;
    }

    public ObservableList<ScenarioSource> scenarios() {
        return scenarios;
    }

    public ObjectProperty<Long> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ExerciseView> viewProperty() {
        return view;
    }

    public ObservableList<FeedItem> feed() {
        return feed;
    }

    public ObjectProperty<Optional<ExerciseScore>> scoreProperty() {
        return score;
    }

    public ObservableList<ObjectiveRating> ratings() {
        return ratings;
    }
}
