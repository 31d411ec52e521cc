package io.crisisconsole.app;

import io.crisisconsole.cases.CaseDetailController;
import io.crisisconsole.cases.CaseDetailViewModel;
import io.crisisconsole.cases.CaseDialogs;
import io.crisisconsole.cases.CaseFormController;
import io.crisisconsole.cases.CaseFormViewModel;
import io.crisisconsole.cases.CaseListController;
import io.crisisconsole.cases.CaseListViewModel;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.store.Backups;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import java.time.Clock;
import javafx.application.Platform;

/**
 * Wires the app once: store, services, view-models and the controller factory. The only place that
 * knows how things fit together; nothing looks services up statically.
 */
public final class AppContext implements AutoCloseable {

    private final Store store;
    private final FxTaskRunner tasks;
    private final BackupScheduler backups;
    private final ControllerFactory controllers = new ControllerFactory();
    private final ViewLoader views = new ViewLoader(controllers);

    private AppContext(Store store, Clock clock) {
        this.store = store;
        this.tasks = new FxTaskRunner();
        DataHome home = store.home();
        Notifier notifier = new Notifier();
        SettingsStore settingsStore = new SettingsStore(home.settingsFile());
        Preferences preferences = new Preferences(settingsStore, settingsStore.load(), tasks, notifier);
        CaseService cases = new CaseService(store.jdbi(), clock);
        this.backups = new BackupScheduler(store, new Backups(home), BackupScheduler.DEFAULT_INTERVAL,
                message -> Platform.runLater(() -> notifier.error(message)));

        CaseListViewModel caseList = new CaseListViewModel(cases, tasks, notifier, preferences::author);
        CaseDetailViewModel caseDetail = new CaseDetailViewModel(cases, tasks, notifier, preferences::author,
                caseList.selectedProperty(), caseList::caseChanged, clock);
        CaseDialogs caseDialogs = new CaseDialogs(views);

        controllers
                .register(MainWindowController.class,
                        () -> new MainWindowController(views, notifier, tasks, preferences, home))
                .register(ComingSoonController.class, ComingSoonController::new)
                .register(CaseListController.class, () -> new CaseListController(caseList, caseDialogs))
                .register(CaseDetailController.class, () -> new CaseDetailController(caseDetail, caseDialogs))
                .register(CaseFormController.class, () -> new CaseFormController(new CaseFormViewModel()));
    }

    /** Opens the store in {@code home} (may throw {@link io.crisisconsole.store.StoreException}). */
    public static AppContext open(DataHome home, Clock clock) {
        return new AppContext(Store.open(home), clock);
    }

    public ViewLoader views() {
        return views;
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    public Store store() {
        return store;
    }

    /** Lets queued background work finish, writes a last backup if anything changed, closes the store. */
    @Override
    public void close() {
        tasks.close();
        backups.close();
        store.close();
    }
}
