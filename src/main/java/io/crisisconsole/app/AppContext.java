package io.crisisconsole.app;

import io.crisisconsole.cases.ui.CaseClock;
import io.crisisconsole.cases.ui.CaseDetailController;
import io.crisisconsole.cases.ui.CaseDetailViewModel;
import io.crisisconsole.cases.ui.CaseDialogs;
import io.crisisconsole.cases.ui.CaseFormController;
import io.crisisconsole.cases.ui.CaseFormViewModel;
import io.crisisconsole.cases.ui.CaseListController;
import io.crisisconsole.cases.ui.CaseListViewModel;
import io.crisisconsole.composer.DefaultMessageChecker;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.ui.ComposerController;
import io.crisisconsole.composer.ui.ComposerViewModel;
import io.crisisconsole.composer.ui.ComposerWindows;
import io.crisisconsole.contacts.ui.ContactDialogs;
import io.crisisconsole.contacts.ui.ContactFormController;
import io.crisisconsole.contacts.ui.ContactFormViewModel;
import io.crisisconsole.contacts.ui.ContactListController;
import io.crisisconsole.contacts.ui.ContactListViewModel;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.debrief.ui.DebriefDialogs;
import io.crisisconsole.debrief.ui.DebriefViewModel;
import io.crisisconsole.inbox.ui.InboxController;
import io.crisisconsole.inbox.ui.InboxDialogs;
import io.crisisconsole.inbox.ui.InboxViewModel;
import io.crisisconsole.inbox.ui.MentionImportController;
import io.crisisconsole.inbox.ui.MentionImportDialogs;
import io.crisisconsole.inbox.ui.ReplyPaneController;
import io.crisisconsole.inbox.ui.ReplyViewModel;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.ui.CasePlaybookController;
import io.crisisconsole.playbooks.ui.CasePlaybookViewModel;
import io.crisisconsole.playbooks.ui.PlanReviewViewModel;
import io.crisisconsole.playbooks.ui.PlaybooksController;
import io.crisisconsole.playbooks.ui.PlaybooksViewModel;
import io.crisisconsole.rehearsal.BundledScenarios;
import io.crisisconsole.rehearsal.ui.RehearsalController;
import io.crisisconsole.rehearsal.ui.RehearsalViewModel;
import io.crisisconsole.rehearsal.ui.StartExerciseDialog;
import io.crisisconsole.review.ui.ReviewViewModel;
import io.crisisconsole.review.ui.ReviewsController;
import io.crisisconsole.services.Services;
import io.crisisconsole.signals.ui.ChartsController;
import io.crisisconsole.signals.ui.ChartsViewModel;
import io.crisisconsole.signals.ui.EscalationController;
import io.crisisconsole.signals.ui.EscalationViewModel;
import io.crisisconsole.store.BackupScheduler;
import io.crisisconsole.store.Backups;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.StoreFailures;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.Settings;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.UiLocale;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.FilePicker;
import io.crisisconsole.toolkit.ui.FxOneShotTimer;
import io.crisisconsole.toolkit.ui.FxTaskRunner;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.Navigator;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.Ticker;
import io.crisisconsole.toolkit.ui.ViewLoader;
import io.crisisconsole.workspace.ui.CallsController;
import io.crisisconsole.workspace.ui.ChannelClocksController;
import io.crisisconsole.workspace.ui.ChecklistController;
import io.crisisconsole.workspace.ui.WorkspaceViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the app once: store, services, view-models and the controller factory. The only place that
 * knows how things fit together; nothing looks services up statically.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    /** Where the composer's message checks come from (UI tests can pass their own). */
    static final Supplier<MessageChecker> MESSAGE_CHECKER = DefaultMessageChecker::new;

    private final Store store;
    private final Services services;
    private final FxTaskRunner tasks;
    /** Reads that must not wait behind writes (the inbox list while it scrolls). */
    private final FxTaskRunner reads;
    /** The one clock tick every live countdown listens to. */
    private final Ticker ticker;
    private final BackupScheduler backups;
    private final Notifier notifier;
    private final CaseDetailViewModel caseDetail;
    private final EditorAutosave editorAutosave;
    private boolean closed;
    private final ControllerFactory controllers = new ControllerFactory();
    private final Messages messages;
    private final Formats formats;
    private final ViewLoader views;
    private final MentionImportDialogs mentionImports;
    /** Opens an exported file with the system's program for it; the app sets it once it has its host services. */
    private volatile Consumer<Path> documentOpener = p -> LOG.info("no program to open {} with", p);

    private AppContext(Store store, Clock clock, FilePicker files, Supplier<MessageChecker> checker) {
        this.store = store;
        this.tasks = new FxTaskRunner();
        this.reads = new FxTaskRunner("crisis-console-read");
        this.ticker = new Ticker(clock);
        DataHome home = store.home();
        SettingsStore settingsStore = new SettingsStore(home.settingsFile());
        Settings settings = settingsStore.load();
        // the UI language, once: every text (FXML and code) and every shown date and number follow it
        this.messages = Messages.forLocale(UiLocale.resolve(settings.language()));
        this.notifier = new Notifier(messages, t -> explainStoreFailure(messages, home, t));
        this.formats = new Formats(messages, ZoneId.systemDefault());
        this.views = new ViewLoader(messages.bundle(), controllers);
        Preferences preferences = new Preferences(settingsStore, settings, tasks, notifier, messages);
        this.services = Services.create(store, clock);
        if (store.readOnly().isEmpty()) {
            importBundledPlaybooks(services.playbooks());
        }
        // a change saved while the commit marker could not follow: say so after the view-model's "saved"
        store.marker().onLagging(why -> tasks.run(messages.get("storage.markerLagging.task"), () -> why,
                w -> notifier.error(messages.get("storage.markerLagging", w)), e -> {
                }));
        // entries shown in the reader's language (the bodies stay English)
        TimelineText timelineText = new TimelineText(messages);
        this.backups = new BackupScheduler(store, new Backups(home), BackupScheduler.DEFAULT_INTERVAL,
                message -> Platform.runLater(() -> notifier.error(message)));

        // the time of a case's countdowns: the ticker's, or an exercise's own
        CaseClock caseClock = new CaseClock(services.cases(), ticker);
        CaseListViewModel caseList = new CaseListViewModel(services.cases(), tasks, notifier, messages,
                preferences::author, preferences.lastCaseIdProperty());
        caseDetail = new CaseDetailViewModel(services.cases(), services.autosave(), tasks, notifier, messages, formats,
                preferences::author,
                caseList.selectedProperty(), caseList::caseChanged, clock, FxOneShotTimer::new);
        this.editorAutosave = new EditorAutosave(services.autosave(), tasks, FxOneShotTimer::new, notifier, messages,
                formats);
        CaseDialogs caseDialogs = new CaseDialogs(views, editorAutosave, messages);

        ContactListViewModel contactList = new ContactListViewModel(services.contacts(), services.contactTransfer(),
                tasks, notifier, messages);
        ContactDialogs contactDialogs = new ContactDialogs(views, editorAutosave, files, messages);
        PlaybooksViewModel playbooksView = new PlaybooksViewModel(services.playbooks(), tasks, notifier, messages,
                preferences::author, editorAutosave);
        PlanReviewViewModel planReview = new PlanReviewViewModel(services.playbookReviews(), tasks, notifier, messages,
                preferences::author, preferences.planReviewDaysProperty());
        CasePlaybookViewModel casePlaybook = new CasePlaybookViewModel(services.casePlaybooks(),
                services.playbooks(), services.contacts(), tasks, notifier, messages, formats, preferences::author,
                caseList.selectedProperty(), caseDetail::reloadTimeline, caseDetail.entries(), clock, caseClock::now);
        WorkspaceViewModel workspace = new WorkspaceViewModel(services.checklist(), services.channelClocks(),
                services.calls(), tasks, notifier, messages,
                preferences::author, caseList.selectedProperty(), caseDetail.entries(), caseDetail::reloadTimeline,
                FxOneShotTimer::new);

        ComposerWindows composers = new ComposerWindows(views, c -> new ComposerViewModel(c, services.drafts(),
                services.contacts(), checker.get(), tasks, notifier, messages, formats, preferences::author,
                preferences::brand, editorAutosave,
                // an exercise's composer publishes at the exercise's time
                caseDetail::reloadTimeline, services.cases().clockOf(c.id()), FxOneShotTimer::new), notifier, messages);

        InboxViewModel inbox = new InboxViewModel(services.inbox(), services.cases(), reads, tasks, notifier, messages,
                preferences::author, clock, FxOneShotTimer::new, caseClock);
        // the inbox shows the case chosen in Cases, and choosing one in the inbox chooses it there
        inbox.currentCaseProperty().bindBidirectional(caseList.selectedProperty());
        InboxDialogs inboxDialogs = new InboxDialogs(messages, formats, clock);
        ReplyViewModel reply = new ReplyViewModel(services.inbox(), services.drafts(), services.cases(),
                services.playbooks(), services.casePlaybooks(), services.savedReplies(), checker.get(), tasks, notifier,
                messages, formats, preferences::author, clock, FxOneShotTimer::new);
        reply.mentionProperty().bind(inbox.selectedMentionProperty());
        reply.setOnAnswered(inbox::mentionChanged);
        // the workspace's escalation prompt and charts: evaluated again when the inbox's figures change
        EscalationViewModel escalation = new EscalationViewModel(services.escalations(), tasks, reads, notifier, messages,
                preferences::author, caseList.selectedProperty(), ticker, c -> {
                    caseList.caseChanged(c);
                    caseDetail.reloadTimeline();
                });
        ChartsViewModel charts = new ChartsViewModel(services.inbox(), services.drafts(), reads, notifier, messages,
                caseList.selectedProperty(), ticker, caseClock::now);
        inbox.summaryProperty().addListener(o -> {
            escalation.refresh();
            charts.refresh();
        });
        this.mentionImports = new MentionImportDialogs(views, files, services.inbox(), tasks, notifier, messages, formats,
                preferences::author);

        // the debrief pane of a case; the area that places it calls show(caseId)
        DebriefDialogs debriefDialogs = new DebriefDialogs(messages);
        Navigator navigator = new Navigator();
        // the Rehearsal area: the exercises, the bundled scenarios to start, the figures of the Score tab
        RehearsalViewModel rehearsal = new RehearsalViewModel(services.exercises(),
                caseId -> java.util.Optional.of(services.exerciseScores().score(caseId)), tasks, notifier, messages,
                preferences::author, () -> BundledScenarios.list().stream()
                        .map(b -> new RehearsalViewModel.ScenarioSource(b.fileName(), b.yaml(), null)).toList(),
                caseId -> {
                    caseList.showExercise(caseId);
                    navigator.go("cases");
                });
        StartExerciseDialog startExercise = new StartExerciseDialog(messages, files);
        // the Reviews area: a case's review, its debrief, and the report exported in the background
        ReviewViewModel review = new ReviewViewModel(services.cases(), services.reviews(),
                // the save dialog asked before replacing a file
                (caseId, format, out, progress) -> services.reviewExports().export(caseId, format, out, true,
                        preferences.author(), messages, formats, progress),
                services.reviewExports().formats(), tasks, r -> {
                    Thread t = new Thread(r, "crisis-console-review-export");
                    t.setDaemon(true);
                    t.start();
                }, Platform::runLater, notifier, messages, formats, preferences::author);

        // the main window's areas, in navigation order: a new area is one more line here
        Areas areas = new Areas(views, messages)
                .view("cases", "area.cases", "fth-alert-triangle", FxmlView.CASES)
                .view("inbox", "area.inbox", "fth-inbox", FxmlView.INBOX)
                .view("playbooks", "area.playbooks", "fth-book-open", FxmlView.PLAYBOOKS)
                .view("contacts", "area.contacts", "fth-users", FxmlView.CONTACTS)
                .view("rehearsal", "area.rehearsal", "fth-play-circle", FxmlView.REHEARSAL)
                .view("reviews", "area.reviews", "fth-file-text", FxmlView.REVIEWS);

        controllers
                .register(MainWindowController.class,
                        () -> new MainWindowController(areas, messages, notifier, tasks, preferences, home,
                                store.readOnly().isPresent(), navigator))
                .register(ComingSoonController.class, ComingSoonController::new)
                .register(RehearsalController.class, () -> new RehearsalController(rehearsal, startExercise, files,
                        messages, formats, ticker))
                .register(CaseListController.class, () -> new CaseListController(caseList, caseDialogs, messages, formats))
                .register(CaseDetailController.class, () -> new CaseDetailController(caseDetail, caseDialogs,
                        composers::open, timelineText, messages, formats, caseClock))
                .register(ComposerController.class, () -> new ComposerController(messages, formats))
                .register(CaseFormController.class, () -> new CaseFormController(new CaseFormViewModel(), messages))
                .register(ContactListController.class,
                        () -> new ContactListController(contactList, contactDialogs, clock, messages, formats, ticker))
                .register(ContactFormController.class, () -> new ContactFormController(new ContactFormViewModel(messages),
                        messages))
                .register(PlaybooksController.class, () -> new PlaybooksController(playbooksView, planReview, messages,
                        formats))
                .register(InboxController.class, () -> new InboxController(inbox, mentionImports, inboxDialogs,
                        messages, formats, ticker))
                .register(MentionImportController.class, () -> new MentionImportController(messages, formats))
                .register(ReplyPaneController.class, () -> new ReplyPaneController(reply))
                .register(CasePlaybookController.class, () -> new CasePlaybookController(casePlaybook, messages, formats, ticker))
                .register(ChecklistController.class, () -> new ChecklistController(workspace, messages, formats, caseClock))
                .register(ChannelClocksController.class,
                        () -> new ChannelClocksController(workspace, messages, formats, caseClock))
                .register(CallsController.class, () -> new CallsController(workspace, messages, formats, ticker))
                .register(EscalationController.class, () -> new EscalationController(escalation, messages))
                .register(ChartsController.class, () -> new ChartsController(charts, messages, formats))
                .register(ReviewsController.class, () -> new ReviewsController(review, files,
                        p -> documentOpener.accept(p), messages, formats))
                .register(DebriefController.class, () -> new DebriefController(new DebriefViewModel(services.debriefs(),
                        services.suggestions(), services.playbooks(), tasks, notifier, messages, formats, preferences::author), debriefDialogs,
                        messages, formats));
        ticker.start();
    }

    /**
     * Plain words for a store failure that carries none of its own (see {@link StoreFailures}): a
     * full disk, a read-only store, a refused permission, a database H2 closed after a failed write.
     */
    static Optional<String> explainStoreFailure(Messages messages, DataHome home, Throwable t) {
        return StoreFailures.problemOf(t).map(p -> {
            switch (p) {
                case DISK_FULL:
                    return messages.get("storage.failure.diskFull", home.dir().toString());
                case READ_ONLY:
                    return messages.get("storage.failure.readOnly", home.dir().toString(),
                            home.readOnlyReason().orElse(""));
                case PERMISSION_DENIED:
                    return messages.get("storage.failure.permissionDenied", home.dir().toString());
                default:
                    return messages.get("storage.failure.closed", home.dir().toString());
            }
        });
    }

    /** The notice a read-only store opens with (the data label of the window says so too). */
    void showReadOnlyNotice() {
        store.readOnly().ifPresent(why -> notifier.error(messages.get("storage.readOnly.banner",
                store.home().dir().toString(), why)));
    }

    /**
     * Loads the playbooks that come with the app into the store on its first run. A failure is
     * logged and does not stop the app: cases work without playbooks, and the next start tries again.
     */
    private static void importBundledPlaybooks(PlaybookService playbooks) {
        try {
            int n = BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR).size();
            if (n > 0) {
                LOG.info("Imported {} bundled playbooks", n);
            }
        } catch (RuntimeException e) {
            LOG.error("The bundled playbooks could not be imported", e);
        }
    }

    /**
     * Wires the app around a store that is already open and checked (see {@link StoreOpener}); the
     * context owns the store from here and closes it in {@link #close()} (also when wiring fails).
     */
    public static AppContext create(Store store, Clock clock) {
        return wire(store, clock, FilePicker.system(), MESSAGE_CHECKER);
    }

    /**
     * Opens the plain store in {@code home} through {@link StoreOpener} and wires the app around it
     * (UI tests); throws a {@link io.crisisconsole.store.StoreException} when it does not open.
     */
    public static AppContext open(DataHome home, Clock clock) {
        return wire(openPlain(home), clock, FilePicker.system(), MESSAGE_CHECKER);
    }

    /** As {@link #open(DataHome, Clock)}, with another way to choose files (UI tests). */
    public static AppContext open(DataHome home, Clock clock, FilePicker files) {
        return wire(openPlain(home), clock, files, MESSAGE_CHECKER);
    }

    /** As {@link #open(DataHome, Clock)}, with the given message checks (UI tests). */
    public static AppContext open(DataHome home, Clock clock, MessageChecker checker) {
        return wire(openPlain(home), clock, FilePicker.system(), () -> checker);
    }

    private static Store openPlain(DataHome home) {
        try (StoreOpener opener = new StoreOpener(home)) {
            return opener.open(StoreOpener.OpenMode.NORMAL).storeOrThrow();
        }
    }

    private static AppContext wire(Store store, Clock clock, FilePicker files, Supplier<MessageChecker> checker) {
        try {
            return new AppContext(store, clock, files, checker);
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** How an exported report is opened: the application's host services, once the window is up. */
    public void useDocumentOpener(Consumer<Path> opener) {
        this.documentOpener = Objects.requireNonNull(opener);
    }

    public Notifier notifier() {
        return notifier;
    }

    public ViewLoader views() {
        return views;
    }

    /** The texts of the UI language. */
    public Messages messages() {
        return messages;
    }

    /** Dates, times and numbers in the UI language and the system time zone. */
    public Formats formats() {
        return formats;
    }

    /** The import dialogs of the inbox (UI tests drive them without the inbox view). */
    public MentionImportDialogs mentionImports() {
        return mentionImports;
    }

    /** The one ticker of the live clocks (started with the context, stopped when it closes). */
    public Ticker ticker() {
        return ticker;
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    public Store store() {
        return store;
    }

    /** The services the window works with (built once over {@link #store()}). */
    public Services services() {
        return services;
    }

    /** On the FX thread: writes what the open editors hold (forms, playbook draft) and the composer's text. */
    private boolean flushEditors() {
        editorAutosave.flushAll();
        return caseDetail.flushAutosave();
    }

    /**
     * Writes text typed but not yet saved (the entry composer, the playbook editor) and waits for it. Safe to call from
     * any thread: the view-model is read on the FX thread.
     *
     * @return true when everything typed is in the store; false when a write failed (the status bar
     *         says so and the text is still in memory)
     */
    public boolean flushAutosave() {
        if (Platform.isFxApplicationThread()) {
            return flushEditors();
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    done.complete(flushEditors());
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException toolkitNotRunning) {
            // no FX thread, so nothing else touches the view-model
            return flushEditors();
        }
        try {
            // only the shutdown hook waits here (stop() runs on the FX thread); on SIGTERM the FX
            // thread may already be gone, and the autosaves of the last second are all there is
            return done.get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("The window had already stopped; typed text is kept as of its last autosave (at most 1 s old)");
        } catch (ExecutionException e) {
            LOG.error("Writing unsaved text before closing failed", e.getCause());
        }
        return false;
    }

    /**
     * Writes pending autosaves, lets queued background work finish, writes a last backup if anything
     * changed, then closes the store.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!flushAutosave()) {
                LOG.warn("Typed text may not all be in the store: see the message above");
            }
        } finally {
            ticker.stop();
            tasks.close();
            reads.close();
            backups.close();
            store.close();
        }
    }
}
