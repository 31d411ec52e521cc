package io.crisisconsole.app;

import io.crisisconsole.inbox.ui.ReplyViewModel;
import io.crisisconsole.store.DataHome;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Tests only: the reply pane in a real 1280×800 window on a seeded data folder, for looking at it
 * under Xvfb ({@code java -cp ... io.crisisconsole.app.ReplyPaneShot DATA_DIR [REPLY]}).
 */
public final class ReplyPaneShot {

    private ReplyPaneShot() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window (a separate class: a main class that is an Application needs JavaFX on the module path). */
    public static final class App extends Application {

        private AppContext context;

        @Override
        public void start(Stage stage) {
            Clock clock = Clock.systemDefaultZone();
            context = AppContext.open(new DataHome(Path.of(getParameters().getRaw().get(0))), clock);
            ReplyPaneFixture f = ReplyPaneFixture.seed(context.services(), ReplyPaneFixture.minutesBefore(clock, 40));
            ReplyViewModel vm = ReplyPaneFixture.viewModel(context, clock);
            stage.setScene(ReplyPaneFixture.scene(context, vm));
            stage.setTitle("Crisis Console: reply pane");
            stage.show();
            vm.mentionProperty().set(f.mention);
            if (getParameters().getRaw().size() > 1) {
                String reply = getParameters().getRaw().get(1);
                vm.loadedProperty().addListener((o, a, loaded) -> {
                    if (loaded) {
                        Platform.runLater(() -> vm.textProperty().set(reply));
                    }
                });
            }
        }

        @Override
        public void stop() {
            context.close();
        }
    }
}
