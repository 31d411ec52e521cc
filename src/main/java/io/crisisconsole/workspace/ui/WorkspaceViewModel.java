package io.crisisconsole.workspace.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.playbooks.CallList;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.workspace.CallAttempt;
import io.crisisconsole.workspace.CallLogService;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.ChannelClock;
import io.crisisconsole.workspace.ChannelClockService;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.ChecklistService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The live part of the case workspace: the checklist of the case's playbook, a clock per channel
 * and the call list with the calls made. Read together in the background when the case changes and
 * whenever its timeline does (everything done in the window writes the timeline); actions run in
 * the background too, and the view shows what the store answered.
 */
public final class WorkspaceViewModel {

    /** Many timeline changes in a row (an import) are read once. */
    static final Duration RELOAD_DELAY = Duration.ofMillis(300);

    /** One person of the call list, under a role, with the latest call to them in this case. */
    public record CallRow(CallList.Entry entry, Contact person, boolean backup, CallAttempt latest) {
    }

    /** What one read brings. */
    record Snapshot(long caseId, Checklist checklist, List<ChannelClock> clocks, List<CallRow> calls) {
    }

    private final ChecklistService checklists;
    private final ChannelClockService channelClocks;
    private final CallLogService callLog;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final Runnable onTimelineChanged;
    private final OneShotTimer reloadTimer;

    private final ObjectProperty<CrisisCase> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Checklist> checklist = new SimpleObjectProperty<>();
    /** Whether what is shown was read for the current case (false while the first read runs). */
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final ObservableList<ChecklistItem> items = FXCollections.observableArrayList();
    private final ObservableList<ChannelClock> clocks = FXCollections.observableArrayList();
    private final ObservableList<CallRow> calls = FXCollections.observableArrayList();

    /**
     * @param selection the case shown in the workspace
     * @param timeline the case's timeline as the workspace shows it: a change there means something happened
     * @param onTimelineChanged reloads that timeline after an action here wrote to it
     */
    public WorkspaceViewModel(ChecklistService checklists, ChannelClockService channelClocks, CallLogService callLog,
            TaskRunner tasks, Notifier notifier,
            Messages messages, Supplier<String> author, ReadOnlyObjectProperty<CrisisCase> selection,
            ObservableList<TimelineEntry> timeline, Runnable onTimelineChanged, OneShotTimer.Factory timers) {
        this.checklists = Objects.requireNonNull(checklists);
        this.channelClocks = Objects.requireNonNull(channelClocks);
        this.callLog = Objects.requireNonNull(callLog);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifier = Objects.requireNonNull(notifier);
        this.messages = Objects.requireNonNull(messages);
        this.author = Objects.requireNonNull(author);
        this.onTimelineChanged = Objects.requireNonNull(onTimelineChanged);
        this.reloadTimer = timers.create(RELOAD_DELAY, this::reload);
        current.bind(selection);
        current.addListener((o, before, after) -> {
            if (after == null || before == null || after.id() != before.id()) {
                show(null);
            }
            reload();
        });
        timeline.addListener((ListChangeListener<TimelineEntry>) change -> reloadTimer.start());
        reload();
    }

    /** Reads the checklist, the clocks and the call list of the case again. */
    public void reload() {
        CrisisCase c = current.get();
        if (c == null) {
            show(null);
            return;
        }
        long id = c.id();
        tasks.run(messages.get("workspace.task.load"), () -> read(id), s -> {
            if (current.get() != null && current.get().id() == s.caseId()) {
                show(s);
            }
        }, t -> notifier.failed(messages.get("workspace.failed.load"), t));
    }

    private Snapshot read(long caseId) {
        // the playbook and its call list are read once for the checklist, the clocks and the calls
        Optional<ChecklistService.CaseRun> run = checklists.run(caseId);
        if (run.isEmpty()) {
            return new Snapshot(caseId, null, List.of(), List.of());
        }
        Checklist list = run.get().checklist();
        List<ChannelClock> channelList = channelClocks.clocks(run.get().crisisCase(), run.get().playbook());
        List<CallRow> rows = new ArrayList<>();
        Map<Long, CallAttempt> latest = callLog.latestByContact(caseId);
        for (CallList.Entry e : run.get().callList().entries()) {
            for (Contact p : e.primary()) {
                rows.add(new CallRow(e, p, false, latest.get(p.id())));
            }
            for (Contact p : e.backups()) {
                rows.add(new CallRow(e, p, true, latest.get(p.id())));
            }
            if (e.primary().isEmpty() && e.backups().isEmpty()) {
                rows.add(new CallRow(e, null, false, null));
            }
        }
        return new Snapshot(caseId, list, channelList, rows);
    }

    private void show(Snapshot s) {
        loaded.set(s != null);
        checklist.set(s == null ? null : s.checklist());
        items.setAll(s == null || s.checklist() == null ? List.of() : s.checklist().items());
        clocks.setAll(s == null ? List.of() : s.clocks());
        calls.setAll(s == null ? List.of() : s.calls());
    }

    // ------------------------------------------------------------------ checklist actions

    public void markDone(ChecklistItem item) {
        act(item, "workspace.task.done", id -> checklists.markDone(id, item.step().id(), null, author.get()));
    }

    public void skip(ChecklistItem item, String reason) {
        act(item, "workspace.task.skip", id -> checklists.skip(id, item.step().id(), reason, author.get()));
    }

    public void reopen(ChecklistItem item) {
        act(item, "workspace.task.reopen", id -> checklists.reopen(id, item.step().id(), author.get()));
    }

    public void assign(ChecklistItem item, Contact person) {
        act(item, "workspace.task.assign", id -> checklists.assign(id, item.step().id(), person.id(), author.get()));
    }

    @FunctionalInterface
    private interface StepAction {
        Checklist apply(long caseId) throws Exception;
    }

    private void act(ChecklistItem item, String taskKey, StepAction action) {
        CrisisCase c = current.get();
        if (c == null || item == null) {
            return;
        }
        long id = c.id();
        Callable<Checklist> work = () -> action.apply(id);
        tasks.run(messages.get(taskKey), work, list -> {
            if (current.get() != null && current.get().id() == id) {
                checklist.set(list);
                items.setAll(list.items());
            }
            onTimelineChanged.run();
        }, t -> notifier.failed(messages.get("workspace.failed.step", item.step().title()), t));
    }

    // ------------------------------------------------------------------ calls

    /** Writes down a call to the person of {@code row} (at {@code at}; null is now). */
    public void logCall(CallRow row, CallOutcome outcome, Instant at) {
        CrisisCase c = current.get();
        if (c == null || row == null || row.person() == null) {
            return;
        }
        long id = c.id();
        tasks.run(messages.get("workspace.task.call"), () -> callLog.log(id, row.person().id(), row.entry().role().id(),
                outcome, at, null, author.get()), attempt -> {
                    if (current.get() != null && current.get().id() == id) {
                        int i = calls.indexOf(row);
                        if (i >= 0) {
                            calls.set(i, new CallRow(row.entry(), row.person(), row.backup(), attempt));
                        }
                        // the same person may fill several roles
                        for (int k = 0; k < calls.size(); k++) {
                            CallRow other = calls.get(k);
                            if (k != i && other.person() != null && other.person().id() == row.person().id()) {
                                calls.set(k, new CallRow(other.entry(), other.person(), other.backup(), attempt));
                            }
                        }
                    }
                    onTimelineChanged.run();
                }, t -> notifier.failed(messages.get("workspace.failed.call", row.person().name()), t));
    }

    // ------------------------------------------------------------------ state

    public ReadOnlyObjectProperty<CrisisCase> currentProperty() {
        return current;
    }

    /** The checklist, or null when the case follows no playbook (or none is shown). */
    public ReadOnlyObjectProperty<Checklist> checklistProperty() {
        return checklist;
    }

    /** True once the checklist, clocks and calls of the current case have been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ObservableList<ChecklistItem> items() {
        return items;
    }

    public ObservableList<ChannelClock> clocks() {
        return clocks;
    }

    public ObservableList<CallRow> calls() {
        return calls;
    }
}
