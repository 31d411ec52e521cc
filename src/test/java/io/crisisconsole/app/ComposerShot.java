package io.crisisconsole.app;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.testsupport.LengthOnlyChecker;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Tests only: the app window with the test length checker, for looking at the composer before the
 * real checks are merged ({@code java -cp ... io.crisisconsole.app.ComposerShot DATA_DIR}).
 */
public final class ComposerShot {

    private ComposerShot() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window (a separate class: a main class that is an Application needs JavaFX on the module path). */
    public static final class App extends Application {

    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = AppContext.open(new DataHome(Path.of(getParameters().getRaw().get(0))), Clock.systemUTC(),
                new LengthOnlyChecker());
        stage.setScene(MainWindow.createScene(context, 1400, 860));
        stage.setTitle("Crisis Console (test checker)");
        stage.show();
    }

    @Override
    public void stop() {
        context.close();
    }

    }
}
