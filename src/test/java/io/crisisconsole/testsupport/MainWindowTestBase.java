package io.crisisconsole.testsupport;

import io.crisisconsole.app.AppContext;
import io.crisisconsole.app.MainWindow;
import io.crisisconsole.store.DataHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup every TestFX test of the main window shares: before each test, an {@link AppContext} on
 * a fresh data folder in a temp directory, data put in by {@link #seed()}, and the main window shown
 * on the primary stage, all on the FX thread (as a TestFX {@code @Start} would); after it, the
 * stages are closed, the background work that started is let finish, and the context is closed
 * (unless the test closed it and set {@link #context} to null). Test methods take an
 * {@code FxRobot} parameter as usual.
 *
 * <p>Tagged {@code ui}: {@code mvn -B test -Dgroups=ui} runs these tests alone,
 * {@code -DexcludedGroups=ui} skips them. (TestFX's {@code @Start} is only looked up on the test
 * class itself, hence a {@code @BeforeEach} here.)
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowTestBase {

    @TempDir
    protected Path tmp;
    /** The data folder, {@code tmp/data}. */
    protected DataHome home;
    /** The primary stage the main window is shown on. */
    protected Stage stage;
    /** The open app; a test that closes it itself sets this to null. */
    protected AppContext context;

    /** Opens the app on {@code home}; override to pass a file picker or message checks of the test's own. */
    protected AppContext open(DataHome home) {
        return AppContext.open(home, Clock.systemUTC());
    }

    /** Puts what the test needs into the store before the window opens (on the FX thread). */
    protected void seed() {
    }

    protected double windowWidth() {
        return 1280;
    }

    protected double windowHeight() {
        return 800;
    }

    @BeforeEach
    final void openMainWindow() throws TimeoutException {
        home = new DataHome(tmp.resolve("data"));
        FxToolkit.setupStage(s -> {
            stage = s;
            context = open(home);
            seed();
            showMainWindow();
        });
    }

    /** Shows the main window of {@link #context} on {@link #stage} (on the FX thread; again after a restart). */
    protected final void showMainWindow() {
        stage.setScene(MainWindow.createScene(context, windowWidth(), windowHeight()));
        stage.show();
    }

    @AfterEach
    final void closeMainWindow() throws Exception {
        FxToolkit.cleanupStages(); // closing a window saves what its editor held (e.g. a composer's version)
        if (context != null) {
            drain();
            context.close();
        }
    }

    /**
     * Lets the store thread finish what closing the windows queued, and the FX thread run its
     * callbacks, before the app closes: a callback that queues more work (forgetting an autosave)
     * would otherwise meet a task runner that is shutting down.
     */
    private void drain() throws Exception {
        for (int round = 0; round < 2; round++) {
            context.tasks().runAndWait("Finishing the test", () -> null, Duration.ofSeconds(10));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
