package io.crisisconsole.playbooks.ui;

import io.crisisconsole.playbooks.PlanReminder;
import io.crisisconsole.playbooks.PlaybookReviewService;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The plan-review reminders of the Playbooks area: which playbooks are due (by id), how many, and
 * "Mark as reviewed". The interval is the setting {@code days}; changing it checks again.
 */
public final class PlanReviewViewModel {

    private final PlaybookReviewService service;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final IntegerProperty days;
    private final ObservableMap<Long, PlanReminder> reminders = FXCollections.observableHashMap();
    private final ObservableMap<Long, PlanReminder> readOnlyReminders = FXCollections.unmodifiableObservableMap(reminders);
    private final ReadOnlyIntegerWrapper flagged = new ReadOnlyIntegerWrapper(0);

    public PlanReviewViewModel(PlaybookReviewService service, TaskRunner tasks, Notifier notifier, Messages messages,
            Supplier<String> author, IntegerProperty days) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifier = Objects.requireNonNull(notifier);
        this.messages = Objects.requireNonNull(messages);
        this.author = Objects.requireNonNull(author);
        this.days = Objects.requireNonNull(days);
        days.addListener((o, a, b) -> refresh());
    }

    /** Checks every playbook again. */
    public void refresh() {
        int n = PlaybookReviewService.checkDays(Math.max(1, Math.min(PlaybookReviewService.MAX_DAYS, days.get())));
        tasks.run(messages.get("playbooks.review.task.load"), () -> service.reminders(n), this::show,
                t -> notifier.failed(messages.get("playbooks.review.failed.load"), t));
    }

    private void show(Map<Long, PlanReminder> all) {
        reminders.keySet().retainAll(all.keySet());
        reminders.putAll(all);
        flagged.set((int) all.values().stream().filter(PlanReminder::flagged).count());
    }

    /** Marks playbook {@code playbookId} reviewed now, by the person at the window. */
    public void markReviewed(long playbookId) {
        String who = author.get();
        tasks.run(messages.get("playbooks.review.task.mark"), () -> service.markReviewed(playbookId, who),
                done -> refresh(), t -> notifier.failed(messages.get("playbooks.review.failed.mark"), t));
    }

    public ObservableMap<Long, PlanReminder> reminders() {
        return readOnlyReminders;
    }

    /** How many playbooks are due for a review. */
    public ReadOnlyIntegerProperty flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    /** The setting: days between reviews. */
    public IntegerProperty daysProperty() {
        return days;
    }
}
