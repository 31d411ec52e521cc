package io.crisisconsole.cases.ui;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The case list: all cases, the filtered view of them, and the selected one. */
public final class CaseListViewModel {

    /** Severity filter value meaning "any severity". */
    public static final int ANY_SEVERITY = 0;

    private final CaseService cases;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;

    private final ObservableList<CrisisCase> all = FXCollections.observableArrayList();
    private final FilteredList<CrisisCase> visible = new FilteredList<>(all);
    private final ObservableList<CrisisCase> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.NOT_CLOSED);
    private final IntegerProperty severityFilter = new SimpleIntegerProperty(ANY_SEVERITY);
    private final ObjectProperty<CrisisCase> selected = new SimpleObjectProperty<>();
    /** Which cases the list shows: the real ones (the default) or the exercises', never both. */
    private final javafx.beans.property.BooleanProperty exercisesScope =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final Property<Long> lastSelected;
    private boolean restored;

    public CaseListViewModel(CaseService cases, TaskRunner tasks, Notifier notifier, Messages messages,
            Supplier<String> author) {
        this(cases, tasks, notifier, messages, author, new SimpleObjectProperty<>());
    }

    /**
     * @param lastSelected the id of the case selected last (kept in the settings): set on every selection, and
     *        selected again on the first load; when that case is gone or filtered out, the first case is selected
     */
    public CaseListViewModel(CaseService cases, TaskRunner tasks, Notifier notifier, Messages messages,
            Supplier<String> author, Property<Long> lastSelected) {
        this.lastSelected = lastSelected;
        this.cases = cases;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.author = author;
        search.addListener((o, a, b) -> refilter());
        statusFilter.addListener((o, a, b) -> refilter());
        severityFilter.addListener((o, a, b) -> refilter());
        refilter();
        exercisesScope.addListener((o, a, b) -> {
            if (pendingSelect == null) {
                selected.set(null); // a case of the other scope is not shown beside this list
            }
            load(null);
        });
        selected.addListener((o, a, b) -> {
            if (b != null) {
                lastSelected.setValue(b.id());
            }
        });
    }

    public void reload() {
        load(null);
    }

    /** Shows the exercise case {@code caseId}: the list switches to the Exercises scope and selects it. */
    public void showExercise(long caseId) {
        if (exercisesScope.get()) {
            load(caseId);
        } else {
            pendingSelect = caseId;
            exercisesScope.set(true);
        }
    }

    private Long pendingSelect;

    private void load(Long select) {
        boolean exercises = exercisesScope.get();
        Long wanted = select != null ? select : pendingSelect;
        pendingSelect = null;
        tasks.run(messages.get("cases.list.task.load"), exercises ? cases::exercises : cases::list,
                list -> setAll(list, wanted, exercises),
                t -> notifier.failed(messages.get("cases.list.failed.load"), t));
    }

    private void setAll(List<CrisisCase> list, Long wanted, boolean exercises) {
        if (exercises != exercisesScope.get()) {
            return; // the scope changed again meanwhile: its own load follows
        }
        Long selectedId = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
        all.setAll(list);
        if (wanted != null) {
            statusFilter.set(StatusFilter.ALL);
            search.set("");
            severityFilter.set(ANY_SEVERITY);
        }
        if (selectedId != null && all.stream().anyMatch(c -> c.id() == selectedId)) {
            all.stream().filter(c -> c.id() == selectedId).findFirst().ifPresent(selected::set);
        } else if (!restored) {
            restoreLastSelected();
        }
        restored = true;
    }

    /** The first load after a start selects the case selected last; one deleted or not shown falls back to the first. */
    private void restoreLastSelected() {
        Long last = lastSelected.getValue();
        if (last == null || visible.isEmpty()) {
            return;
        }
        selected.set(visible.stream().filter(c -> c.id() == last).findFirst().orElse(visible.get(0)));
    }

    public void create(CaseDetails details, Consumer<CrisisCase> done) {
        tasks.run(messages.get("cases.list.task.open"), () -> cases.open(details, author.get()), c -> {
            if (exercisesScope.get()) {
                // a real case: the list goes back to the real cases and selects it there
                pendingSelect = c.id();
                exercisesScope.set(false);
                notifier.info(messages.get("cases.list.notice.opened", String.valueOf(c.id()), c.title()));
                done.accept(c);
                return;
            }
            all.add(0, c);
            if (!statusFilter.get().test(c)) {
                statusFilter.set(StatusFilter.NOT_CLOSED);
            }
            search.set("");
            severityFilter.set(ANY_SEVERITY);
            selected.set(c);
            notifier.info(messages.get("cases.list.notice.opened", String.valueOf(c.id()), c.title()));
            done.accept(c);
        }, t -> notifier.failed(messages.get("cases.list.failed.open"), t));
    }

    /** Called when a case changed elsewhere in the UI (edit, status). */
    public void caseChanged(CrisisCase changed) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == changed.id()) {
                all.set(i, changed);
                break;
            }
        }
        if (selected.get() != null && selected.get().id() == changed.id()) {
            selected.set(changed);
        }
    }

    private void refilter() {
        visible.setPredicate(predicate());
    }

    Predicate<CrisisCase> predicate() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        StatusFilter status = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        int severity = severityFilter.get();
        return c -> status.test(c)
                && (severity == ANY_SEVERITY || c.severity() == severity)
                && (needle.isEmpty() || matches(c, needle));
    }

    private static boolean matches(CrisisCase c, String needle) {
        return contains(c.title(), needle) || contains(c.owner(), needle) || contains(c.hashtag(), needle)
                || ("#" + c.id()).equals(needle) || Long.toString(c.id()).equals(needle);
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** True while the list shows the exercises' cases instead of the real ones. */
    public javafx.beans.property.BooleanProperty exercisesScopeProperty() {
        return exercisesScope;
    }

    /** The cases the search and filters let through, newest first (read-only). */
    public ObservableList<CrisisCase> visibleCases() {
        return readOnlyVisible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public IntegerProperty severityFilterProperty() {
        return severityFilter;
    }

    public ObjectProperty<CrisisCase> selectedProperty() {
        return selected;
    }
}
