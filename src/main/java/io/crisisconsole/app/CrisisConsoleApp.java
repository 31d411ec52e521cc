package io.crisisconsole.app;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.toolkit.Theme;

import java.time.Clock;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started through {@link Launcher} (a main class that extends Application
 * fails on a plain class path). The data folder arrives as the named parameter {@code --data=DIR}.
 */
public final class CrisisConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CrisisConsoleApp.class);

    private AppContext context;
    private DataHome home;
    private StoreOpener opener;
    private Startup.Step first;

    /**
     * Runs on the launcher thread, not the FX thread: opening and migrating a plain store happens
     * here; an encrypted one waits for its passphrase.
     */
    @Override
    public void init() {
        home = DataHome.resolve(getParameters().getNamed().get("data"));
        opener = new StoreOpener(home);
        first = Startup.firstAttempt(opener, Clock.systemDefaultZone());
        if (first.outcome() instanceof StoreOpener.Refused refused) {
            LOG.error("Cannot open the store: {}", refused.message());
        }
    }

    @Override
    public void start(Stage stage) {
        MainWindow.applyTheme(Theme.LIGHT);
        new Startup(opener, Clock.systemDefaultZone(), ready -> showMain(stage, ready)).begin(first);
        first = null;
    }

    private void showMain(Stage stage, AppContext ready) {
        context = ready;
        // a logout or kill (SIGTERM) skips stop(): still write typed text, back up and close the store
        Runtime.getRuntime().addShutdownHook(new Thread(ready::close, "crisis-console-shutdown"));
        stage.setTitle(MainWindow.TITLE + " \u2014 " + home.dir());
        stage.setScene(MainWindow.createScene(context, 1360, 860));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            // write typed text now, while the person can still be asked
            if (!context.flushAutosave() && !closeAnyway(stage)) {
                e.consume();
            }
        });
        stage.show();
    }

    private static boolean closeAnyway(Stage owner) {
        ButtonType lose = new ButtonType("Close and lose it", ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, ButtonType.CANCEL, lose);
        alert.initOwner(owner);
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText("Text you typed could not be saved");
        alert.setContentText("The entry you are writing is not in the timeline and could not be autosaved "
                + "(see the status bar). Cancel, then add it or copy it somewhere safe; or close and lose it.");
        alert.getDialogPane().setPrefWidth(560);
        return alert.showAndWait().filter(b -> b == lose).isPresent();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
