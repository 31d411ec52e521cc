package io.crisisconsole.signals.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.signals.EscalationService;
import io.crisisconsole.signals.Met;
import io.crisisconsole.signals.Proposal;
import io.crisisconsole.signals.Reminder;
import io.crisisconsole.signals.Signal;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.Ticker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The escalation prompt of the case workspace: the thresholds of the selected case's playbook that
 * are met and not yet decided, with Accept and Dismiss. Evaluated in the background (never on the
 * FX thread) every {@value #EVERY_SECONDS} seconds on the app's ticker, when the case changes, and
 * after {@link #refresh()} (mentions imported or answered) at most every
 * {@value #AT_MOST_EVERY_SECONDS} seconds.
 */
public final class EscalationViewModel {

    public static final int EVERY_SECONDS = 30;
    public static final int AT_MOST_EVERY_SECONDS = 3;

    private final EscalationService escalations;
    private final TaskRunner tasks;
    /** Evaluating only reads: it runs beside the writes (an import, an answer), not queued behind them. */
    private final TaskRunner reads;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final ReadOnlyObjectProperty<CrisisCase> selected;
    private final Ticker ticker;
    private final Consumer<CrisisCase> onDecided;
    private final ObservableList<Proposal> proposals = FXCollections.observableArrayList();
    private final ObservableList<Reminder> reminders = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private boolean running;
    private boolean dirty = true;
    private long lastRun = Long.MIN_VALUE / 2;

    /**
     * @param selected the case the workspace shows
     * @param onDecided called on the FX thread with the case after an accept or a dismiss (its
     *        severity and timeline changed)
     */
    public EscalationViewModel(EscalationService escalations, TaskRunner tasks, TaskRunner reads, Notifier notifier,
            Messages messages,
            Supplier<String> author, ReadOnlyObjectProperty<CrisisCase> selected, Ticker ticker,
            Consumer<CrisisCase> onDecided) {
        this.escalations = Objects.requireNonNull(escalations, "escalations");
        this.tasks = tasks;
        this.reads = reads;
        this.notifier = notifier;
        this.messages = messages;
        this.author = author;
        this.selected = selected;
        this.ticker = ticker;
        this.onDecided = onDecided;
        selected.addListener((o, a, c) -> {
            if (a == null || c == null || a.id() != c.id()) {
                proposals.clear();
                reminders.clear();
                evaluateNow();
            }
        });
        ticker.nowProperty().addListener((o, a, now) -> tick(now.longValue()));
    }

    /** Mentions were imported or answered (or anything else the figures count changed): evaluate again soon. */
    public void refresh() {
        dirty = true;
        tick(ticker.now().toEpochMilli());
    }

    private void tick(long now) {
        if (running || selected.get() == null) {
            return;
        }
        long since = now - lastRun;
        if (since >= EVERY_SECONDS * 1000L || (dirty && since >= AT_MOST_EVERY_SECONDS * 1000L)) {
            evaluateNow();
        }
    }

    /** Evaluates the selected case now, in the background (a run under way is followed by one more). */
    public void evaluateNow() {
        CrisisCase c = selected.get();
        if (c == null) {
            return;
        }
        if (running) {
            dirty = true;
            return;
        }
        running = true;
        dirty = false;
        lastRun = ticker.now().toEpochMilli();
        busy.set(true);
        long id = c.id();
        reads.run(messages.get("escalation.task.evaluate"), () -> escalations.evaluate(id), e -> {
            finished();
            if (selected.get() != null && selected.get().id() == id) {
                proposals.setAll(e.proposals());
                reminders.setAll(e.reminders());
            }
            if (dirty) {
                evaluateNow();
            }
        }, t -> {
            finished();
            notifier.failed(messages.get("escalation.failed.evaluate"), t);
        });
    }

    private void finished() {
        running = false;
        busy.set(false);
    }

    /** Raises the severity and writes the escalation (one transaction, in the background). */
    public void accept(Proposal p) {
        proposals.remove(p);
        tasks.run(messages.get("escalation.task.accept"), () -> escalations.accept(p, author.get()), c -> {
            notifier.info(messages.get("escalation.accepted", p.raiseTo()));
            onDecided.accept(c);
            evaluateNow();
        }, t -> {
            notifier.failed(messages.get("escalation.failed.accept"), t);
            evaluateNow();
        });
    }

    /** Writes the dismissal; the threshold stays silent for an hour. */
    public void dismiss(Proposal p) {
        proposals.remove(p);
        tasks.run(messages.get("escalation.task.dismiss"), () -> {
            escalations.dismiss(p, author.get());
            return selected.get();
        }, c -> {
            notifier.info(messages.get("escalation.dismissed", EscalationService.DISMISS_COOL_DOWN.toMinutes()));
            if (c != null) {
                onDecided.accept(c);
            }
        }, t -> {
            notifier.failed(messages.get("escalation.failed.dismiss"), t);
            evaluateNow();
        });
    }

    public ObservableList<Proposal> proposals() {
        return proposals;
    }

    public ObservableList<Reminder> reminders() {
        return reminders;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What was met, with its figure: "142 mentions in the last hour, threshold 100". */
    public String describe(Met m) {
        Map<String, Object> args = new HashMap<>();
        boolean share = m.signal() == Signal.NEGATIVE_SHARE_SPIKE;
        args.put("signal", m.signal().name());
        args.put("figure", share ? m.figure() : Math.round(m.figure()));
        args.put("against", m.against());
        return messages.get("escalation.met", args);
    }

    /** "Raise to SEV1 Critical (now SEV2 High)", or that it is already there. */
    public String proposed(Proposal p) {
        return p.raises() ? messages.get("escalation.proposed.raise", p.raiseTo(), p.severity())
                : messages.get("escalation.proposed.already", p.severity());
    }

    /** "Executive sponsor: Erik Berg" per role, or that the call list has nobody for it. */
    public List<String> notifyLines(Proposal p) {
        return p.contacts().stream().map(n -> n.people().isEmpty()
                ? messages.get("escalation.notify.nobody", n.roleName())
                : messages.get("escalation.notify.people", n.roleName(), String.join(", ", n.people()))).toList();
    }
}
