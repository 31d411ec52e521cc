package io.crisisconsole.app;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.UiLocale;
import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started through {@link Launcher} (a main class that extends Application
 * fails on a plain class path). The data folder arrives as the named parameter {@code --data=DIR}.
 */
public final class CrisisConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CrisisConsoleApp.class);

    // set on the FX thread, read by the shutdown hook
    private volatile AppContext context;
    private DataHome home;
    private StoreOpener opener;
    /** The first attempt's outcome until the FX thread takes it (stop() closes it if the window closed first). */
    private volatile Startup.Step first;
    /** Counted down when the background opening ended, however it ended. */
    private final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
    /** Set when the app stops: an opening that ends later is closed, not shown. */
    private volatile boolean closing;
    private Messages messages;

    /**
     * Runs on the launcher thread, not the FX thread: opening and migrating a plain store happens
     * here; an encrypted one waits for its passphrase.
     */
    @Override
    public void init() {
        // a logout, closed terminal or kill (SIGTERM, SIGHUP) skips stop(): still write typed text,
        // back up and close the store (AppContext.close is idempotent and its waits are bounded)
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeContext, "crisis-console-shutdown"));
        // ... and first, while the FX thread still runs (the toolkit's own hook stops it), so the
        // text typed in the last second is written too
        for (String name : new String[] {"TERM", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(() -> {
                    LOG.warn("Stopping on SIG{}: writing typed text, backing up and closing the store", name);
                    closeContext();
                    System.exit(128 + signal.getNumber());
                }, "crisis-console-signal").start());
            } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
                // no such signal on this system: the shutdown hook still closes the store
            }
        }
        home = DataHome.resolve(getParameters().getNamed().get("data"));
        opener = new StoreOpener(home);
        // the texts of the start-up window and dialogs, in the language the app will use (AppContext
        // chooses it the same way)
        messages = Messages.forLocale(UiLocale.resolve(new SettingsStore(home.settingsFile()).load().language()));
    }

    /**
     * Shows the window's frame at once (the {@link StartupShell}) and opens the store, migrates and
     * checks it, and wires the app in the background, the shell showing each step; then the main
     * window's views replace the shell on the same stage. A locked or damaged store gets the
     * start-up dialogs as before.
     */
    @Override
    public void start(Stage stage) {
        MainWindow.applyTheme(Theme.LIGHT);
        StartupShell shell = new StartupShell(messages);
        // as large as the design wants, never larger than the screen (a 1280x800 laptop)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(messages.get("app.window.title", home.dir()));
        stage.setScene(shell.scene(Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight())));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            // closed before the store was open: nothing was typed; the opening is let finish and closed in stop()
            LOG.info("Window closed while the store was being opened");
            Platform.exit();
        });
        StartupMarks.whenShown(stage, "window-shown");
        stage.show();
        // after show: the frame is not held up by decoding them; the window manager takes them as they come
        stage.getIcons().setAll(windowIcons());
        Startup startup = new Startup(opener, Clock.systemDefaultZone(), messages, ready -> showMain(stage, ready));
        Thread opening = new Thread(() -> {
            try {
                Startup.Step step = Startup.firstAttempt(opener, Clock.systemDefaultZone(),
                        phase -> Platform.runLater(() -> shell.show(phase)));
                first = step;
                if (step.outcome() instanceof StoreOpener.Refused refused) {
                    LOG.error("Cannot open the store: {}", refused.message());
                }
                Platform.runLater(() -> {
                    if (closing) {
                        return;
                    }
                    if (step.ready() == null) {
                        shell.show(StartupShell.Phase.WAITING);
                    } else {
                        shell.show(StartupShell.Phase.VIEWS);
                    }
                    // one pulse, so that the shell shows the step before the views are built
                    Platform.runLater(() -> {
                        if (closing) {
                            return;
                        }
                        first = null;
                        startup.begin(step);
                    });
                });
            } catch (RuntimeException | Error t) {
                LOG.error("The store could not be opened", t);
                Platform.runLater(() -> {
                    if (!closing) {
                        shell.show(StartupShell.Phase.WAITING);
                        startup.begin(t);
                    }
                });
            } finally {
                opened.countDown();
            }
        }, "crisis-console-opening");
        opening.setDaemon(true);
        opening.start();
    }

    private void showMain(Stage stage, AppContext ready) {
        context = ready;
        ready.useDocumentOpener(p -> getHostServices().showDocument(p.toUri().toString()));
        stage.setTitle(ready.messages().get("app.window.title", home.dir()));
        // the views take the shell's place, at the size the person may have given it meanwhile
        stage.setScene(MainWindow.createScene(context, stage.getScene().getWidth(), stage.getScene().getHeight()));
        stage.setOnCloseRequest(e -> {
            // write typed text now, while the person can still be asked
            if (!context.flushAutosave() && !closeAnyway(stage, ready.messages())) {
                e.consume();
            }
        });
        if (!stage.isShowing()) {
            stage.show();
        }
        StartupMarks.later("ready");
        LOG.info("Window open on {}", home.dir());
        // the composer's checks run on every pause in typing: compile them now, in the background, so
        // that the first keystrokes in a composer are not the cold ones (see ComposerKeystrokeBench)
        Thread warm = new Thread(io.crisisconsole.composer.DefaultMessageChecker::warmUp, "composer-check-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** The app's icon at the sizes the title bar, task bar and window switcher pick from (drawn by the test code's IconGenerator). */
    private static List<Image> windowIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 64, 256}) {
            URL url = CrisisConsoleApp.class.getResource("/io/crisisconsole/icons/crisis-console-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    private static boolean closeAnyway(Stage owner, Messages messages) {
        ButtonType lose = new ButtonType(messages.get("app.close.lose"), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, ButtonType.CANCEL, lose);
        alert.initOwner(owner);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("app.close.header"));
        alert.setContentText(messages.get("app.close.content"));
        alert.getDialogPane().setPrefWidth(560);
        return alert.showAndWait().filter(b -> b == lose).isPresent();
    }

    private void closeContext() {
        AppContext c = context;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void stop() {
        closing = true;
        if (context != null) {
            context.close();
            return;
        }
        // closed while the store was being opened: let the opening end, then close what it opened
        try {
            if (!opened.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("The store was still being opened 60 s after the window closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Startup.Step left = first;
        if (left != null && left.ready() != null) {
            left.ready().close();
        }
        opener.close();
    }
}
