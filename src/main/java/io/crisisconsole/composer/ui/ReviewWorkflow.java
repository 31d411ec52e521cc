package io.crisisconsole.composer.ui;

import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;

/**
 * The review workflow of a draft: save version, submit for review, approve, back to draft, mark
 * published. Every step first saves the editor as a version if it changed, then runs, all in one
 * task on the store thread, while {@code busy} is set; a step is refused while another one runs.
 * What the store answered goes to {@code onStepped}, then the status bar says what happened.
 */
final class ReviewWorkflow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    private final DraftService drafts;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final ComposerLabels labels;
    private final Supplier<String> author;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final BooleanProperty busy;
    private final Consumer<Stepped> onStepped;

    /**
     * A step is done.
     *
     * @param before the draft as it was shown when the step started
     * @param after the draft as the store has it now, with the content that was saved
     * @param stage the stage that was saved
     * @param timelineChanged whether the step wrote to the case timeline
     */
    record Stepped(Draft before, DraftSelection.Opened after, Stage stage, boolean timelineChanged) {
    }

    private interface Step {
        Draft run(String author, Draft saved) throws Exception;
    }

    ReviewWorkflow(DraftService drafts, TaskRunner tasks, Notifier notifier, Messages messages,
            Supplier<String> author, Clock clock, Supplier<ZoneId> zone, BooleanProperty busy,
            Consumer<Stepped> onStepped) {
        this.drafts = drafts;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.labels = new ComposerLabels(messages);
        this.author = author;
        this.clock = clock;
        this.zone = zone;
        this.busy = busy;
        this.onStepped = onStepped;
    }

    void saveVersion(Draft d, Stage s, DraftContent content) {
        step(d, s, content, "composer.task.saveVersion", "composer.task.saveVersion.failed", null,
                x -> messages.get("composer.saved", x.currentVersion()));
    }

    void submitForReview(Draft d, Stage s, DraftContent content) {
        step(d, s, content, "composer.task.submit", "composer.task.submit.failed",
                (who, x) -> drafts.submitForReview(x.id(), x.version(), who), x -> messages.get("composer.submitted"));
    }

    /** Approves by {@code approver}, unless {@code freshCheck} (the check of this very content) has errors. */
    void approve(Draft d, Stage s, DraftContent content, Contact approver, CheckReport freshCheck) {
        if (!DraftService.errors(freshCheck).isEmpty()) {
            notifier.error(messages.get("composer.approve.blocked"));
            return;
        }
        step(d, s, content, "composer.task.approve", "composer.task.approve.failed",
                (who, x) -> drafts.approve(x.id(), x.version(), approver.id(), freshCheck, who),
                x -> messages.get("composer.approved", approver.name()));
    }

    void reopen(Draft d, Stage s, DraftContent content) {
        step(d, s, content, "composer.task.reopen", "composer.task.reopen.failed",
                (who, x) -> drafts.reopen(x.id(), x.version(), null, who), x -> messages.get("composer.reopened"));
    }

    /**
     * Marks the channel's variant published at {@code date} {@code time} (H:mm, local time); blank
     * time means now. Unsaved edits are saved first, and edits after approval need a new approval.
     */
    void markPublished(Draft d, Stage s, DraftContent content, Channel channel, LocalDate date, String time) {
        Instant at;
        try {
            at = publishedAt(date, time);
        } catch (ValidationException e) {
            notifier.error(messages.get("composer.publish.refused", e.getMessage()));
            return;
        }
        step(d, s, content, "composer.task.publish", "composer.task.publish.failed", (who, x) -> {
            drafts.markPublished(x.id(), channel, at, who);
            return drafts.get(x.id());
        }, x -> messages.get("composer.published.done", labels.channel(channel)));
    }

    /** When a publication entered as {@code date} and {@code time} (H:mm) happened; now when the time is blank. */
    Instant publishedAt(LocalDate date, String time) {
        if (time == null || time.isBlank()) {
            return clock.instant();
        }
        LocalTime t;
        try {
            t = LocalTime.parse(time.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new ValidationException("publishedAt", messages.get("composer.publish.time.invalid", time.strip()));
        }
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone.get())) : date;
        return day.atTime(t).atZone(zone.get()).toInstant();
    }

    /**
     * Saves the draft being left as a version (it changed), in the background, without showing it again.
     *
     * @param saved on the FX thread, with the saved draft, before the status bar says so
     */
    void saveWhenLeaving(Draft d, Stage s, DraftContent content, Consumer<Draft> saved) {
        String who = author.get();
        tasks.run(messages.get("composer.task.saveVersion"),
                () -> drafts.saveVersion(d.id(), d.version(), s, content, who), x -> {
                    saved.accept(x);
                    notifier.info(messages.get("composer.saved.left", x.title(), x.currentVersion()));
                }, t -> notifier.failed(messages.get("composer.saved.left.failed", d.title()), t));
    }

    /** Saves the editor as a version if it changed, then runs the step, all on the store thread. */
    /**
     * @param taskKey the key of what the status bar shows while the step runs
     * @param failedKey the key of what it shows when the step fails (the reason follows)
     */
    private void step(Draft d, Stage s, DraftContent content, String taskKey, String failedKey, Step then,
            Function<Draft, String> done) {
        if (d == null || busy.get()) {
            return;
        }
        String who = author.get();
        busy.set(true);
        Callable<DraftSelection.Opened> work = () -> {
            Draft savedDraft = drafts.saveVersion(d.id(), d.version(), s, content, who);
            Draft after = then == null ? savedDraft : then.run(who, savedDraft);
            return new DraftSelection.Opened(after, content, drafts.versions(d.id()), drafts.publications(d.id()));
        };
        tasks.run(messages.get(taskKey), work, o -> {
            busy.set(false);
            onStepped.accept(new Stepped(d, o, s, then != null || o.draft().status() != d.status()));
            notifier.info(done.apply(o.draft()));
        }, t -> {
            busy.set(false);
            notifier.failed(messages.get(failedKey), t);
        });
    }
}
