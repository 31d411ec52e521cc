package io.crisisconsole.debrief.ui;

import io.crisisconsole.debrief.ChangeState;
import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.HotWash;
import io.crisisconsole.debrief.Lesson;
import io.crisisconsole.debrief.LessonInput;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.Proposal;
import io.crisisconsole.debrief.Suggestion;
import io.crisisconsole.debrief.SuggestionService;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.ui.PlaybooksViewModel;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The debrief of one case (real or exercise): its hot-wash, lessons and proposed playbook changes,
 * each loaded and written through {@link DebriefService} in the background. Holds no nodes, so a
 * pane anywhere (the Rehearsal area, later the Reviews area) can show it.
 */
public final class DebriefViewModel {

    private final DebriefService service;
    private final SuggestionService suggestionService;
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> readOnlySuggestions = FXCollections.unmodifiableObservableList(suggestions);
    private final PlaybookService playbooks;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Supplier<String> author;

    private final ObjectProperty<Long> caseId = new SimpleObjectProperty<>();
    private final StringProperty wentWell = new SimpleStringProperty("");
    private final StringProperty wentWrong = new SimpleStringProperty("");
    private final StringProperty lucky = new SimpleStringProperty("");
    private final IntegerProperty hotWashVersion = new SimpleIntegerProperty(0);
    private final StringProperty hotWashStatus = new SimpleStringProperty("");
    private final BooleanProperty hotWashDirty = new SimpleBooleanProperty(false);
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObservableList<Lesson> readOnlyLessons = FXCollections.unmodifiableObservableList(lessons);
    private final ObservableList<PlaybookChange> changes = FXCollections.observableArrayList();
    private final ObservableList<PlaybookChange> readOnlyChanges = FXCollections.unmodifiableObservableList(changes);
    private final ObjectProperty<PlaybookChange> selectedChange = new SimpleObjectProperty<>();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ObservableList<DiffLine> readOnlyDiff = FXCollections.unmodifiableObservableList(diff);
    private final BooleanProperty selectedStale = new SimpleBooleanProperty(false);
    /** A refused action's reason, in the service's words ("" when the last one went through). */
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private boolean loadingHotWash;

    public DebriefViewModel(DebriefService service, SuggestionService suggestions, PlaybookService playbooks,
            TaskRunner tasks, Notifier notifier, Messages messages, Formats formats, Supplier<String> author) {
        this.service = Objects.requireNonNull(service);
        this.suggestionService = Objects.requireNonNull(suggestions);
        this.playbooks = Objects.requireNonNull(playbooks);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifier = Objects.requireNonNull(notifier);
        this.messages = Objects.requireNonNull(messages);
        this.formats = Objects.requireNonNull(formats);
        this.author = Objects.requireNonNull(author);
        wentWell.addListener(o -> edited());
        wentWrong.addListener(o -> edited());
        lucky.addListener(o -> edited());
        selectedChange.addListener((o, a, b) -> showDiff(b));
    }

    private void edited() {
        if (!loadingHotWash) {
            hotWashDirty.set(true);
        }
    }

    private record Loaded(HotWash hotWash, List<Lesson> lessons, List<PlaybookChange> changes) {
    }

    /** Shows the debrief of {@code id}. */
    public void show(long id) {
        caseId.set(id);
        loaded.set(false);
        problem.set("");
        tasks.run(messages.get("debrief.task.load"), () -> new Loaded(service.hotWash(id), service.lessons(id),
                service.changes(id)), l -> {
                    if (!Objects.equals(caseId.get(), id)) {
                        return;
                    }
                    setHotWash(l.hotWash());
                    lessons.setAll(l.lessons());
                    setChanges(l.changes(), selectedChange.get() == null ? null : selectedChange.get().id());
                    loaded.set(true);
                }, t -> notifier.failed(messages.get("debrief.failed.load"), t));
        reloadSuggestions();
    }

    /** Computes the case's suggestions again (after a proposal, a lesson, a decision). */
    public void reloadSuggestions() {
        Long id = caseId.get();
        if (id == null) {
            return;
        }
        tasks.run(messages.get("debrief.task.suggestions"), () -> suggestionService.suggest(id), list -> {
            if (Objects.equals(caseId.get(), id)) {
                suggestions.setAll(list);
            }
        }, t -> notifier.failed(messages.get("debrief.failed.suggestions"), t));
    }

    /**
     * Proposes a suggestion, as offered or as the person edited it ({@code edited}; null for as
     * offered), and selects the change it became.
     */
    public void proposeSuggestion(Suggestion s, Proposal edited) {
        Long id = caseId.get();
        String who = author.get();
        tasks.run(messages.get("debrief.task.propose"), () -> suggestionService.propose(id, s.key(), edited, who),
                ch -> {
                    problem.set("");
                    reloadChanges(ch.id());
                }, this::refused);
    }

    /** The changes the case suggests and nobody proposed yet. */
    public ObservableList<Suggestion> suggestions() {
        return readOnlySuggestions;
    }

    private void setHotWash(HotWash h) {
        loadingHotWash = true;
        try {
            wentWell.set(h.wentWell());
            wentWrong.set(h.wentWrong());
            lucky.set(h.lucky());
        } finally {
            loadingHotWash = false;
        }
        hotWashVersion.set(h.version());
        hotWashDirty.set(false);
        hotWashStatus.set(h.version() == 0 ? messages.get("debrief.hotwash.never")
                : messages.get("debrief.hotwash.saved", h.version(), h.updatedBy(), formats.dayClock(h.updatedAt())));
    }

    private void setChanges(List<PlaybookChange> all, Long keep) {
        changes.setAll(all);
        PlaybookChange again = keep == null ? null
                : all.stream().filter(c -> c.id() == keep).findFirst().orElse(null);
        if (again != null) {
            selectedChange.set(again);
            showDiff(again);
        }
    }

    public void saveHotWash() {
        Long id = caseId.get();
        if (id == null) {
            return;
        }
        int base = hotWashVersion.get();
        String well = wentWell.get();
        String wrong = wentWrong.get();
        String luck = lucky.get();
        String who = author.get();
        tasks.run(messages.get("debrief.task.saveHotWash"), () -> service.saveHotWash(id, base, well, wrong, luck, who),
                saved -> {
                    problem.set("");
                    if (well.equals(wentWell.get()) && wrong.equals(wentWrong.get()) && luck.equals(lucky.get())) {
                        setHotWash(saved);
                    } else {
                        hotWashVersion.set(saved.version());
                    }
                    notifier.info(messages.get("debrief.hotwash.notice", saved.version()));
                }, this::refused);
    }

    // ----- lessons

    /** Adds a lesson; {@code onAdded} runs when it was stored (e.g. to clear the form). */
    public void addLesson(String text, String owner, LocalDate due, Runnable onAdded) {
        Long id = caseId.get();
        String who = author.get();
        write(messages.get("debrief.task.lesson"), () -> service.addLesson(id, LessonInput.of(text, owner, due), who),
                l -> onAdded.run());
    }

    public void editLesson(long lessonId, String text, String owner, LocalDate due, Runnable onSaved) {
        String who = author.get();
        write(messages.get("debrief.task.lesson"), () -> service.editLesson(lessonId, LessonInput.of(text, owner, due),
                who), l -> onSaved.run());
    }

    public void closeLesson(long lessonId) {
        String who = author.get();
        write(messages.get("debrief.task.lesson"), () -> service.closeLesson(lessonId, who), l -> {
        });
    }

    public void deleteLesson(long lessonId) {
        String who = author.get();
        write(messages.get("debrief.task.lesson"), () -> {
            service.deleteLesson(lessonId, who);
            return lessonId;
        }, l -> {
        });
    }

    // ----- proposed changes

    /** Proposes a change to the case's playbook and selects it, so its diff shows first. */
    public void propose(Proposal p) {
        Long id = caseId.get();
        String who = author.get();
        tasks.run(messages.get("debrief.task.propose"), () -> p.propose(service, id, who), ch -> {
            problem.set("");
            reloadChanges(ch.id());
        }, this::refused);
    }

    /** The current YAML and playbook of the case's playbook, for the free edit and the dialog's choices. */
    public record PlaybookNow(String yaml, Playbook playbook) {
    }

    public void playbookNow(Consumer<PlaybookNow> then) {
        Long id = caseId.get();
        tasks.run(messages.get("debrief.task.playbook"), () -> {
            var sp = service.playbookOf(id);
            return new PlaybookNow(playbooks.current(sp.id()).yaml(), playbooks.currentPlaybook(sp.id()));
        }, then, this::refused);
    }

    public void accept() {
        PlaybookChange ch = selectedChange.get();
        if (ch == null) {
            return;
        }
        String who = author.get();
        tasks.run(messages.get("debrief.task.accept"), () -> service.accept(ch.id(), who), done -> {
            problem.set("");
            notifier.info(messages.get("debrief.change.accepted.notice", done.becameVersion()));
            reloadChanges(done.id());
        }, t -> {
            refused(t);
            reloadChanges(ch.id());
        });
    }

    public void reject() {
        PlaybookChange ch = selectedChange.get();
        if (ch == null) {
            return;
        }
        String who = author.get();
        tasks.run(messages.get("debrief.task.reject"), () -> service.reject(ch.id(), who), done -> {
            problem.set("");
            reloadChanges(done.id());
        }, this::refused);
    }

    private record Diff(long changeId, List<DiffLine> lines, boolean stale) {
    }

    private void showDiff(PlaybookChange ch) {
        if (ch == null) {
            diff.clear();
            selectedStale.set(false);
            return;
        }
        tasks.run(messages.get("debrief.task.diff"), () -> new Diff(ch.id(),
                PlaybooksViewModel.withContext(service.diff(ch.id()), 3), service.isStale(ch)), d -> {
                    PlaybookChange now = selectedChange.get();
                    if (now != null && now.id() == d.changeId()) {
                        diff.setAll(d.lines());
                        selectedStale.set(d.stale());
                    }
                }, t -> notifier.failed(messages.get("debrief.failed.diff"), t));
    }

    private void reloadChanges(long select) {
        Long id = caseId.get();
        tasks.run(messages.get("debrief.task.load"), () -> service.changes(id), all -> setChanges(all, select),
                t -> notifier.failed(messages.get("debrief.failed.load"), t));
        reloadSuggestions();
    }

    private <T> void write(String what, java.util.concurrent.Callable<T> work, Consumer<T> then) {
        Long id = caseId.get();
        if (id == null) {
            return;
        }
        tasks.run(what, () -> {
            T result = work.call();
            return new Object[] {result, service.lessons(id)};
        }, r -> {
            problem.set("");
            @SuppressWarnings("unchecked")
            List<Lesson> all = (List<Lesson>) r[1];
            lessons.setAll(all);
            @SuppressWarnings("unchecked")
            T result = (T) r[0];
            then.accept(result);
            reloadSuggestions();
        }, this::refused);
    }

    /** A refusal the person can act on goes beside the form; anything else to the status line. */
    private void refused(Throwable t) {
        String why = t instanceof PlaybookInvalidException invalid && !invalid.problems().isEmpty()
                ? String.join("\n", invalid.problems().stream().limit(5).map(PlaybookProblem::format).toList())
                : notifier.explain(t);
        problem.set(why);
        notifier.failed(messages.get("debrief.failed"), t);
    }

    public boolean isDecided(PlaybookChange ch) {
        return ch != null && ch.state() != ChangeState.PROPOSED;
    }

    public ReadOnlyObjectProperty<Long> caseIdProperty() {
        return caseId;
    }

    public StringProperty wentWellProperty() {
        return wentWell;
    }

    public StringProperty wentWrongProperty() {
        return wentWrong;
    }

    public StringProperty luckyProperty() {
        return lucky;
    }

    public ReadOnlyStringProperty hotWashStatusProperty() {
        return hotWashStatus;
    }

    public ReadOnlyBooleanProperty hotWashDirtyProperty() {
        return hotWashDirty;
    }

    public ObservableList<Lesson> lessons() {
        return readOnlyLessons;
    }

    public ObservableList<PlaybookChange> changes() {
        return readOnlyChanges;
    }

    public ObjectProperty<PlaybookChange> selectedChangeProperty() {
        return selectedChange;
    }

    public ObservableList<DiffLine> diff() {
        return readOnlyDiff;
    }

    public ReadOnlyBooleanProperty selectedStaleProperty() {
        return selectedStale;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }
}
