package io.crisisconsole.app;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.DataHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * A scratch window for looking at the escalation prompt and the charts before the workspace places
 * them: the {@link SignalsPanesFixture} case in a data folder of its own, on the real clock, in a
 * window titled "Crisis Console" (size it with xdotool). Run under Xvfb with the test classpath:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * io.crisisconsole.app.SignalsScratch /tmp/signals-data}.
 */
public final class SignalsScratch {

    private SignalsScratch() {
    }

    public static void main(String[] args) {
        // a main class that extends Application is refused on the class path ("JavaFX runtime components are missing")
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

        private AppContext context;

        @Override
        public void start(Stage stage) {
            Path data = Path.of(getParameters().getRaw().get(0));
            context = AppContext.open(new DataHome(data), Clock.systemUTC());
            CrisisCase c = context.services().cases().list().stream().findFirst()
                    .orElseGet(() -> SignalsPanesFixture.seed(context.services(),
                            Instant.now().truncatedTo(ChronoUnit.SECONDS), at -> {
                            }));
            SignalsPanesFixture panes = new SignalsPanesFixture();
            stage.setTitle("Crisis Console");
            stage.setScene(panes.scene(context, 1280, 800));
            stage.show();
            panes.select(context, c);
        }

        @Override
        public void stop() {
            context.close();
        }
    }
}
