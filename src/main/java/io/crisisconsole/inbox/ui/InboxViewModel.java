package io.crisisconsole.inbox.ui;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.CaseClock;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.InboxSummary;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inbox of a case: its mentions filtered, searched and sorted (ids from the search index, the
 * mentions themselves read a page at a time as the list scrolls), the mention in focus, the live
 * first-response clocks and triage (type, state, assignment), one mention or a selection at a time.
 *
 * <p>Two background runners: {@code reads} searches and reads pages (so scrolling never waits
 * behind a write), {@code writes} is the store's runner for every change (changes stay in order).
 */
public final class InboxViewModel {

    /** Mentions read at once when the list shows one not read yet. */
    static final int PAGE = 200;
    /** Mentions kept in memory (the rest is read again when scrolled back to). */
    static final int CACHE = 5_000;
    /** The search runs this long after typing stops, at most this often. */
    static final Duration SEARCH_DELAY = Duration.ofMillis(150);

    /** A choice of the state filter: the mentions still waiting for the brand, all, or one state. */
    public record StateChoice(MentionState state, boolean waiting) {
        public static final StateChoice WAITING = new StateChoice(null, true);
        public static final StateChoice ALL = new StateChoice(null, false);

        Set<MentionState> states() {
            if (state != null) {
                return Set.of(state);
            }
            if (!waiting) {
                return Set.of();
            }
            Set<MentionState> s = new HashSet<>();
            for (MentionState m : MentionState.values()) {
                if (m.awaitsAnswer()) {
                    s.add(m);
                }
            }
            return s;
        }
    }

    private final InboxService inbox;
    private final CaseService cases;
    private final TaskRunner reads;
    private final TaskRunner writes;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final Clock clock;
    private final OneShotTimer searchTimer;

    private final ObjectProperty<CrisisCase> currentCase = new SimpleObjectProperty<>();
    private final ObservableList<CrisisCase> caseChoices = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StateChoice> stateChoice = new SimpleObjectProperty<>(StateChoice.WAITING);
    private final ObjectProperty<InboxType> typeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Sentiment> sentimentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> platformFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<InboxSort> sort = new SimpleObjectProperty<>(InboxSort.DUE_SOONEST);
    private final ObservableList<String> platforms = FXCollections.observableArrayList();
    private final IdList ids = new IdList();
    private final ObjectProperty<Mention> selectedMention = new SimpleObjectProperty<>();
    private final ObjectProperty<InboxSummary> summary = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final LongProperty now = new SimpleLongProperty();
    /** The case's time: the first-response clocks of an exercise's case run on the exercise's clock. */
    private final CaseClock caseClock;
    private final BooleanProperty searching = new SimpleBooleanProperty();

    private final Map<Long, Mention> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Mention> eldest) {
            return size() > CACHE;
        }
    };
    private final Set<Integer> pagesLoading = new HashSet<>();
    private Map<InboxType, Integer> replyMinutes = new EnumMap<>(InboxType.class);
    private int focusedIndex = -1;
    /** Counts searches so that only the latest one's answer is shown. */
    private long searchGeneration;
    /** After a search: the mention to keep in focus (by id), else the position to keep. */
    private Long keepId;
    private int keepIndex = -1;
    /** Whether the search that runs keeps the focus's position when its mention is gone. */
    private boolean keepPosition = true;
    private BiConsumer<List<Integer>, Integer> onFound = (kept, focus) -> {
    };
    private Supplier<List<Long>> selection = List::of;

    public InboxViewModel(InboxService inbox, CaseService cases, TaskRunner reads, TaskRunner writes,
            Notifier notifier, Messages messages, Supplier<String> author, Clock clock, OneShotTimer.Factory timers,
            CaseClock caseClock) {
        this.caseClock = Objects.requireNonNull(caseClock, "caseClock");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.author = Objects.requireNonNull(author, "author");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.searchTimer = timers.create(SEARCH_DELAY, this::requery);
        now.set(clock.millis());
        currentCase.addListener((o, before, after) -> {
            if (before == null || after == null || before.id() != after.id()) {
                caseSwitched();
            }
        });
        search.addListener((o, a, b) -> searchTimer.start());
        stateChoice.addListener((o, a, b) -> requery());
        typeFilter.addListener((o, a, b) -> requery());
        sentimentFilter.addListener((o, a, b) -> requery());
        platformFilter.addListener((o, a, b) -> requery());
        sort.addListener((o, a, b) -> requery());
    }

    // ------------------------------------------------------------------ loading

    /** Reads the cases the chooser offers (open ones first, as the case list orders them), then the exercises'. */
    public void reloadCases() {
        reads.run(messages.get("inbox.task.cases"), () -> {
            List<CrisisCase> all = new java.util.ArrayList<>(cases.list());
            all.addAll(cases.exercises());
            return all;
        }, list -> {
            CrisisCase current = currentCase.get();
            caseChoices.setAll(list);
            if (current == null && !list.isEmpty()) {
                currentCase.set(list.get(0));
            }
        }, t -> notifier.failed(messages.get("inbox.failed.cases"), t));
    }

    private void caseSwitched() {
        cache.clear();
        pagesLoading.clear();
        selectedMention.set(null);
        focusedIndex = -1;
        keepId = null;
        keepIndex = -1;
        ids.setAll(new long[0]);
        summary.set(null);
        platforms.clear();
        replyMinutes = new EnumMap<>(InboxType.class);
        if (currentCase.get() != null) {
            refresh();
        }
    }

    /**
     * The query changed (search, filter, order): the mention in focus stays in focus if it is still
     * found, else the list starts from its top.
     */
    private void requery() {
        keepPosition = false;
        refresh();
    }

    /**
     * Runs the query again (after a change, an import) and reads the figures; a mention in focus
     * that is no longer found gives its place to the one after it.
     */
    public void refresh() {
        searchTimer.stop();
        CrisisCase c = currentCase.get();
        if (c == null) {
            return;
        }
        long caseId = c.id();
        InboxQuery query = query();
        long generation = ++searchGeneration;
        if (keepId == null && focusedIndex >= 0) {
            Mention focused = selectedMention.get();
            keepId = focused == null ? null : focused.id();
            keepIndex = focusedIndex;
        }
        searching.set(true);
        // the targets come from the case's playbook: read once per case (as its search index does)
        Map<InboxType, Integer> known = replyMinutes.isEmpty() ? null : replyMinutes;
        reads.run(messages.get("inbox.task.search"), () -> new Found(inbox.search(caseId, query),
                inbox.summary(caseId), known != null ? known : inbox.replyMinutes(caseId)), found -> {
                    if (generation != searchGeneration || currentCase.get() == null
                            || currentCase.get().id() != caseId) {
                        return;
                    }
                    searching.set(false);
                    replyMinutes = found.minutes;
                    summary.set(found.summary);
                    if (!platforms.equals(found.summary.platforms())) {
                        platforms.setAll(found.summary.platforms());
                    }
                    showFound(found.ids);
                }, t -> {
                    searching.set(false);
                    notifier.failed(messages.get("inbox.failed.search"), t);
                });
    }

    private record Found(long[] ids, InboxSummary summary, Map<InboxType, Integer> minutes) {
    }

    private void showFound(long[] found) {
        Long wanted = keepId;
        int oldIndex = keepPosition ? keepIndex : -1;
        keepId = null;
        keepIndex = -1;
        keepPosition = true;
        // the selection goes with the old ids: keep every selected mention that is still found
        Set<Long> selected = new HashSet<>(selection.get());
        ids.setAll(found);
        int index = -1;
        List<Integer> kept = new ArrayList<>();
        if (wanted != null || !selected.isEmpty()) {
            for (int i = 0; i < found.length; i++) {
                if (wanted != null && found[i] == wanted) {
                    index = i;
                }
                if (selected.contains(found[i])) {
                    kept.add(i);
                }
            }
        }
        if (index < 0 && oldIndex >= 0 && found.length > 0) {
            // the mention in focus left the list (hidden, answered): the one that took its place
            index = Math.min(oldIndex, found.length - 1);
        }
        focusedIndex = -1;
        selectedMention.set(null);
        revision.set(revision.get() + 1);
        onFound.accept(kept, index);
    }

    InboxQuery query() {
        StateChoice s = stateChoice.get() == null ? StateChoice.ALL : stateChoice.get();
        return new InboxQuery(s.states(), typeFilter.get() == null ? Set.of() : Set.of(typeFilter.get()),
                sentimentFilter.get() == null ? Set.of() : Set.of(sentimentFilter.get()),
                platformFilter.get() == null ? Set.of() : Set.of(platformFilter.get()), search.get(), sort.get());
    }

    /**
     * The mention at {@code index} of the list, or null while its page is read (the list is told by
     * {@link #revisionProperty()} when it arrives).
     */
    public Mention mentionAt(int index) {
        if (index < 0 || index >= ids.size()) {
            return null;
        }
        Mention m = cache.get(ids.id(index));
        if (m == null) {
            loadPage(index / PAGE);
        }
        return m;
    }

    private void loadPage(int page) {
        CrisisCase c = currentCase.get();
        if (c == null || !pagesLoading.add(page)) {
            return;
        }
        long[] of = ids.ids();
        long caseId = c.id();
        reads.run(messages.get("inbox.task.page"), () -> inbox.get(of, page * PAGE, PAGE), list -> {
            pagesLoading.remove(page);
            if (currentCase.get() == null || currentCase.get().id() != caseId) {
                return;
            }
            for (Mention m : list) {
                cache.put(m.id(), m);
            }
            revision.set(revision.get() + 1);
            if (focusedIndex >= 0 && selectedMention.get() == null) {
                selectedMention.set(mentionAt(focusedIndex));
            }
        }, t -> {
            pagesLoading.remove(page);
            notifier.failed(messages.get("inbox.failed.page"), t);
        });
    }

    /** The list's focus moved to {@code index} (-1: none): the detail and reply panes follow. */
    public void focus(int index) {
        focusedIndex = index;
        selectedMention.set(index < 0 ? null : mentionAt(index));
    }

    /**
     * How the list keeps its selection across a search: {@code selection} gives the ids selected
     * before it; {@code onFound} is then called with the positions of those still found and the
     * position to focus (-1: none), the one in focus before or the one that took its place.
     */
    public void keepSelection(Supplier<List<Long>> selection, BiConsumer<List<Integer>, Integer> onFound) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.onFound = Objects.requireNonNull(onFound, "onFound");
    }

    /** The ids at {@code indices} of the list (a selection). */
    public List<Long> idsAt(Collection<Integer> indices) {
        List<Long> out = new ArrayList<>(indices.size());
        for (Integer i : indices) {
            if (i != null && i >= 0 && i < ids.size()) {
                out.add(ids.id(i));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ clocks

    /** Moves the clocks on (the view calls it every second). */
    public void tick() {
        now.set(caseClock.now(currentCase.get(), clock.instant()).toEpochMilli());
    }

    /** The first-response clock of {@code m} as of the last {@link #tick()}. */
    public ResponseClock clockOf(Mention m) {
        int minutes = replyMinutes.getOrDefault(m.type(), InboxService.DEFAULT_REPLY_MINUTES);
        return ResponseClock.of(m, minutes, Instant.ofEpochMilli(now.get()));
    }

    // ------------------------------------------------------------------ triage

    /** Sets the type of the mentions {@code ids} (a person's choice: no longer a suggestion). */
    public void setType(List<Long> ids, InboxType type) {
        if (ids.isEmpty()) {
            return;
        }
        String by = author.get();
        writes.run(messages.get("inbox.task.type"), () -> {
            List<Mention> out = new ArrayList<>();
            for (Long id : ids) {
                out.add(inbox.setType(id, type, by));
            }
            return out;
        }, changed -> changed(changed, messages.get("inbox.notice.type", Map.of("count", changed.size(),
                "type", messages.get("inbox.type." + type.cliName())))),
                t -> notifier.failed(messages.get("inbox.failed.type"), t));
    }

    /** Moves the mentions {@code ids} to {@code to} (all or none); {@code assignee} for assigned. */
    public void changeState(List<Long> ids, MentionState to, String assignee) {
        if (ids.isEmpty()) {
            return;
        }
        String by = author.get();
        writes.run(messages.get("inbox.task.state"), () -> inbox.changeStates(ids, to, assignee, by),
                changed -> changed(changed, messages.get("inbox.notice.state", Map.of("count", changed.size(),
                        "state", messages.get("inbox.state." + to.cliName())))),
                t -> notifier.failed(messages.get("inbox.failed.state", Map.of("state",
                        messages.get("inbox.state." + to.cliName()))), t));
    }

    /** The person the assign key offers first: who is working the console. */
    public String defaultAssignee() {
        return author.get();
    }

    private void changed(List<Mention> changed, String notice) {
        for (Mention m : changed) {
            cache.put(m.id(), m);
        }
        Mention focused = selectedMention.get();
        if (focused != null) {
            changed.stream().filter(m -> m.id() == focused.id()).findFirst().ifPresent(selectedMention::set);
        }
        notifier.info(notice);
        refresh();
    }

    /** A mention changed elsewhere (an answer was recorded): shows it as stored and searches again. */
    public void mentionChanged(Mention m) {
        cache.put(m.id(), m);
        if (selectedMention.get() != null && selectedMention.get().id() == m.id()) {
            selectedMention.set(m);
        }
        refresh();
    }

    /** Mentions were imported into the current case: searches again. */
    public void imported() {
        refresh();
    }

    /** Adds a mention typed or pasted by hand to the current case, then shows it. */
    public void addByHand(String text, String url, String platform, String mentionAuthor, Instant publishedAt,
            Consumer<Mention> added) {
        CrisisCase c = currentCase.get();
        if (c == null) {
            return;
        }
        String by = author.get();
        writes.run(messages.get("inbox.task.add"), () -> inbox.addByHand(c.id(), text, url, platform, mentionAuthor,
                publishedAt, by), m -> {
                    cache.put(m.id(), m);
                    keepId = m.id();
                    keepIndex = -1;
                    notifier.info(messages.get("inbox.notice.added", Map.of("author",
                            m.author() == null ? "" : m.author())));
                    added.accept(m);
                    refresh();
                }, t -> notifier.failed(messages.get("inbox.failed.add"), t));
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<CrisisCase> currentCaseProperty() {
        return currentCase;
    }

    public ObservableList<CrisisCase> caseChoices() {
        return caseChoices;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StateChoice> stateChoiceProperty() {
        return stateChoice;
    }

    public ObjectProperty<InboxType> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<Sentiment> sentimentFilterProperty() {
        return sentimentFilter;
    }

    public ObjectProperty<String> platformFilterProperty() {
        return platformFilter;
    }

    public ObjectProperty<InboxSort> sortProperty() {
        return sort;
    }

    /** The platforms of the case's mentions (for the platform filter). */
    public ObservableList<String> platforms() {
        return platforms;
    }

    /** The ids the query found, in its order: the items of the list. */
    public ObservableList<Long> ids() {
        return ids;
    }

    /** The mention shown in the detail and reply panes, or null. */
    public ReadOnlyObjectProperty<Mention> selectedMentionProperty() {
        return selectedMention;
    }

    public ReadOnlyObjectProperty<InboxSummary> summaryProperty() {
        return summary;
    }

    /** Changes each time mentions were read or changed: the list redraws its cells. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** The time the clocks show (epoch ms), moved on by {@link #tick()}. */
    public ReadOnlyLongProperty nowProperty() {
        return now;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }
}
