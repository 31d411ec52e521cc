package io.crisisconsole.composer.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.DraftVersion;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Placeholders;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer of one case: the drafts of the case, the one being edited (core message, stage and a
 * variant per channel), its live check, versions, review and publications.
 *
 * <p>A thin coordinator of one collaborator per job: {@link DraftSelection} (the drafts and the one
 * shown, with its saved baseline), {@link ComposerFields} (the editor's fields ↔ {@code DraftContent}),
 * {@link ComposerChecks} (every change re-checked {@link #CHECK_DELAY} later with the injected
 * {@link MessageChecker}), {@link ReviewWorkflow} (save, submit, approve, reopen, publish) and
 * {@link DraftAutosave} (key {@code draft:ID}, written about a second after a change). Save,
 * switching drafts, closing and every workflow step save a version (only when the content changed)
 * and then forget the autosave.
 */
public final class ComposerViewModel {

    public static final Duration CHECK_DELAY = ComposerChecks.DELAY;

    private final CrisisCase crisisCase;
    private final DraftService drafts;
    private final ContactService contacts;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final ComposerLabels labels;
    private final Supplier<String> author;
    private static final Pattern BRAND_PLACEHOLDER = Pattern.compile("\\{\\{\\s*brand\\s*}}");

    /** The brand name setting for {@code {{brand}}}; blank when not set. */
    private final Supplier<String> brand;
    private final Runnable onTimelineChanged;
    private final Clock clock;

    private final ComposerFields fields = new ComposerFields();
    private final DraftSelection selection = new DraftSelection();
    private final ComposerChecks checks;
    private final ReviewWorkflow workflow;
    private final DraftAutosave autosave;

    private final ObservableList<Contact> approvers = FXCollections.observableArrayList();
    private final ObservableList<Contact> readOnlyApprovers = FXCollections.unmodifiableObservableList(approvers);
    private final ObjectProperty<Contact> approver = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canApprove;

    private Playbook playbook;

    public ComposerViewModel(CrisisCase crisisCase, DraftService drafts, ContactService contacts,
            MessageChecker checker, TaskRunner tasks, Notifier notifier, Messages messages, Formats formats,
            Supplier<String> author, Supplier<String> brand, EditorAutosave autosave, Runnable onTimelineChanged,
            Clock clock, OneShotTimer.Factory timers) {
        this.crisisCase = crisisCase;
        this.drafts = drafts;
        this.contacts = contacts;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.formats = formats;
        this.labels = new ComposerLabels(messages);
        this.author = author;
        this.brand = brand;
        this.onTimelineChanged = onTimelineChanged;
        this.clock = clock;
        this.checks = new ComposerChecks(checker, messages, timers, fields::content, this::context);
        this.workflow = new ReviewWorkflow(drafts, tasks, notifier, messages, author, clock, this::zone, busy,
                this::stepped);
        this.autosave = new DraftAutosave(autosave, crisisCase.id(), fields, this::restore);
        var shown = selection.shownProperty();
        canApprove = Bindings.createBooleanBinding(() -> shown.get() != null
                && shown.get().status() == DraftStatus.IN_REVIEW && approver.get() != null && !busy.get()
                && !checks.hasErrorsProperty().get(), shown, approver, busy, checks.hasErrorsProperty());
        fields.onEdited(checks::changed);
    }

    /** Loads the case's playbook, approvers and drafts; shows the newest draft. */
    public void load() {
        long caseId = crisisCase.id();
        busy.set(true);
        tasks.run(messages.get("composer.task.load"), () -> new Loaded(drafts.playbookOf(caseId).orElse(null),
                contacts.list(), drafts.list(caseId)), loaded -> {
                    busy.set(false);
                    playbook = loaded.playbook();
                    approvers.setAll(loaded.contacts());
                    selection.setAll(loaded.drafts());
                    if (!selection.drafts().isEmpty()) {
                        select(selection.drafts().get(0));
                    }
                    recheck();
                }, t -> {
                    busy.set(false);
                    notifier.failed(messages.get("composer.task.load.failed"), t);
                });
    }

    private record Loaded(Playbook playbook, List<Contact> contacts, List<Draft> drafts) {
    }

    /**
     * Reads the contacts again (every contact can approve; they are added in Contacts), e.g. when the
     * composer window comes to the front after contacts were edited. The chosen approver stays chosen
     * (as stored now) while the contact exists.
     */
    public void reloadApprovers() {
        tasks.run(messages.get("composer.task.approvers"), contacts::list, list -> {
            Contact chosen = approver.get();
            approvers.setAll(list);
            if (chosen != null) {
                approver.set(list.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null));
            }
        }, t -> notifier.failed(messages.get("composer.task.approvers.failed"), t));
    }

    /** Shows another draft; the one being left is saved as a version first if it changed. */
    public void select(Draft d) {
        if (d == null || selection.isShown(d)) {
            return;
        }
        leaveCurrent();
        long id = d.id();
        tasks.run(messages.get("composer.task.open"), () -> DraftSelection.Opened.read(drafts, id), this::show,
                t -> notifier.failed(messages.get("composer.task.open.failed"), t));
    }

    private void show(DraftSelection.Opened o) {
        selection.show(o, o.draft().stage());
        fields.apply(o.draft().stage(), o.content());
        autosave.open(o.draft().id());
        recheck();
    }

    /** Starts a new draft from the playbook's templates for the chosen stage, filled from the core message. */
    public void createDraft(String title) {
        long caseId = crisisCase.id();
        Stage s = fields.stageOrDefault();
        CoreMessage core = selection.shown() == null ? null : core();
        leaveCurrent();
        busy.set(true);
        tasks.run(messages.get("composer.task.start"), () -> {
            Draft d = drafts.create(caseId, title, s, core, author.get(), brand.get());
            return DraftSelection.Opened.read(drafts, d.id());
        }, o -> {
            busy.set(false);
            selection.addFirst(o.draft());
            show(o);
            onTimelineChanged.run();
            notifier.info(messages.get("composer.started", o.draft().title()));
        }, t -> {
            busy.set(false);
            notifier.failed(messages.get("composer.task.start.failed"), t);
        });
    }

    /** A title for the next draft: the stage and the time. */
    public String suggestedTitle() {
        Stage s = fields.stageOrDefault();
        String time = formats.clock(clock.instant());
        return s == Stage.INVESTIGATING ? messages.get("composer.suggestedTitle.holding", time)
                : s == Stage.RESOLVED ? messages.get("composer.suggestedTitle.resolved", time)
                : messages.get("composer.suggestedTitle.update", labels.stage(s), time);
    }

    // ---- editing ----

    /** Puts an earlier version's text into the editor (not saved until Save or a workflow step). */
    public void restoreVersion(DraftVersion v) {
        if (v == null || selection.shown() == null) {
            return;
        }
        fields.apply(fields.stage(), v.content());
        recheck();
        autosave.saveNow();
        notifier.info(messages.get("composer.versions.restored", v.version()));
    }

    /** What an autosave of the shown draft holds comes back, unless it is what was saved anyway. */
    private void restore(Stage s, DraftContent c) {
        if (!selection.isSaved(s, c)) {
            fields.apply(s, c);
            recheck();
        }
    }

    /**
     * Replaces every placeholder that has a value now (from the case, the playbook, the core message and
     * the brand name setting). When the brand name is not set and a variant still shows {@code {{brand}}},
     * says so and where to set it.
     */
    public void fillPlaceholders() {
        String b = brand.get();
        fields.fillPlaceholders(Placeholders.values(crisisCase, playbook, core(), b));
        if ((b == null || b.isBlank()) && content().variants().stream().anyMatch(v -> v.text() != null
                && BRAND_PLACEHOLDER.matcher(v.text()).find())) {
            notifier.info(messages.get("composer.fill.noBrand"));
        }
    }

    public CoreMessage core() {
        return fields.core();
    }

    public DraftContent content() {
        return fields.content();
    }

    public boolean hasUnsavedChanges() {
        return selection.hasUnsavedChanges(fields.stage(), fields.content());
    }

    // ---- checks ----

    /** What the checks know: the case's hashtag and hub (else the playbook's), the playbook's language and rules. */
    public MessageContext context() {
        return ComposerChecks.context(crisisCase, playbook, fields.apologyProperty().get());
    }

    /** Checks the editor now (on the FX thread) and publishes the report. */
    public CheckReport recheck() {
        return checks.recheck();
    }

    /**
     * How a count reads under a variant, in the UI language: {@code 231 / 280}, {@code 2 SMS · UCS-2 · 134},
     * {@code 512 characters}.
     */
    public String counterText(ChannelCount count) {
        return checks.counterText(count);
    }

    public Optional<ChannelCount> count(Channel c) {
        return checks.count(c);
    }

    // ---- saving and the workflow ----

    public void saveVersion() {
        workflow.saveVersion(selection.shown(), fields.stage(), fields.content());
    }

    public void submitForReview() {
        workflow.submitForReview(selection.shown(), fields.stage(), fields.content());
    }

    public void approve() {
        Contact who = approver.get();
        Draft d = selection.shown();
        if (who == null || d == null) {
            return;
        }
        CheckReport fresh = recheck();
        workflow.approve(d, fields.stage(), fields.content(), who, fresh);
    }

    public void reopen() {
        workflow.reopen(selection.shown(), fields.stage(), fields.content());
    }

    /**
     * Marks the channel's variant published at {@code date} {@code time} (H:mm, local time); blank
     * time means now. Unsaved edits are saved first, and edits after approval need a new approval.
     */
    public void markPublished(Channel channel, LocalDate date, String time) {
        Draft d = selection.shown();
        if (channel == null || d == null) {
            return;
        }
        workflow.markPublished(d, fields.stage(), fields.content(), channel, date, time);
    }

    /** A workflow step is done: the draft as the store has it now is shown, with a fresh autosave. */
    private void stepped(ReviewWorkflow.Stepped done) {
        selection.show(done.after(), done.stage());
        autosave.restart(done.after().draft().id());
        if (done.timelineChanged()) {
            onTimelineChanged.run();
        }
    }

    // ---- autosave ----

    /** The autosave key of a draft's editor. */
    public static String autosaveKey(long draftId) {
        return DraftAutosave.key(draftId);
    }

    /** Leaves the shown draft: a version is saved if it changed, then its autosave is forgotten. */
    private void leaveCurrent() {
        Draft d = selection.shown();
        if (d == null) {
            return;
        }
        EditorAutosave.Session leaving = autosave.detach();
        checks.cancel();
        if (hasUnsavedChanges()) {
            leaving.leave(); // written now, kept until the version is saved
            workflow.saveWhenLeaving(d, fields.stage(), fields.content(), saved -> {
                leaving.finish();
                selection.replace(saved);
            });
        } else {
            leaving.finish();
        }
        selection.clear();
    }

    /** The composer closes: saves the shown draft as a version if it changed. */
    public void close() {
        leaveCurrent();
    }

    /** The zone times are entered and shown in: the UI's. */
    public ZoneId zone() {
        return formats.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- properties ----

    public CrisisCase crisisCase() {
        return crisisCase;
    }

    /** The drafts of the case, newest first (read-only). */
    public ObservableList<Draft> drafts() {
        return selection.drafts();
    }

    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return selection.shownProperty();
    }

    public ObjectProperty<Stage> stageProperty() {
        return fields.stageProperty();
    }

    public StringProperty whatHappenedProperty() {
        return fields.whatHappenedProperty();
    }

    public StringProperty whatWeAreDoingProperty() {
        return fields.whatWeAreDoingProperty();
    }

    public StringProperty whatYouShouldDoProperty() {
        return fields.whatYouShouldDoProperty();
    }

    public StringProperty nextUpdateProperty() {
        return fields.nextUpdateProperty();
    }

    public BooleanProperty apologyProperty() {
        return fields.apologyProperty();
    }

    public StringProperty keyFactsProperty() {
        return fields.keyFactsProperty();
    }

    public StringProperty variantProperty(Channel c) {
        return fields.variantProperty(c);
    }

    /** The findings of one channel in the newest check (read-only). */
    public ObservableList<Finding> findings(Channel c) {
        return checks.findings(c);
    }

    public ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return checks.reportProperty();
    }

    /** The versions of the shown draft, oldest first (read-only). */
    public ObservableList<DraftVersion> versions() {
        return selection.versions();
    }

    /** Where and when the shown draft went out (read-only). */
    public ObservableList<DraftPublication> publications() {
        return selection.publications();
    }

    /** The contacts who can approve (read-only). */
    public ObservableList<Contact> approvers() {
        return readOnlyApprovers;
    }

    public ObjectProperty<Contact> approverProperty() {
        return approver;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding hasErrorsProperty() {
        return checks.hasErrorsProperty();
    }

    public BooleanBinding canApproveProperty() {
        return canApprove;
    }
}
