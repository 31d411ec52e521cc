package io.crisisconsole.app;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.LessonInput;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.debrief.ui.DebriefController;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A scratch window that shows the debrief pane of a seeded case, to look at it under Xvfb before an
 * area places it: {@code java -cp ... io.crisisconsole.app.DebriefPreview DATA_DIR}. Not a test.
 */
public final class DebriefPreview {

    private DebriefPreview() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        private AppContext context;

        @Override
        public void start(Stage stage) {
            MainWindow.applyTheme(Theme.LIGHT);
            context = AppContext.open(new DataHome(Path.of(getParameters().getRaw().get(0))), Clock.systemUTC());
            var s = context.services();
            CrisisCase c = s.cases().list().stream().findFirst().orElseGet(() -> seed(context));
            ViewLoader.Loaded<Parent> pane = context.views().load(FxmlView.DEBRIEF_FORM);
            pane.controller(DebriefController.class).show(c.id());
            Scene scene = new Scene(pane.root(), 1280, 800);
            scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(MainWindow.APP_CSS))
                    .toExternalForm());
            stage.setTitle("Crisis Console debrief preview");
            stage.setScene(scene);
            stage.show();
        }

        private static CrisisCase seed(AppContext context) {
            var s = context.services();
            BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
            CrisisCase c = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                    "https://status.example.com/checkout"), "anna");
            s.casePlaybooks().assign(c.id(), s.playbooks().find("service-outage", "en").orElseThrow().id(), "anna");
            DebriefService d = s.debriefs();
            d.saveHotWash(c.id(), 0, "Holding statement out in 12 minutes; one voice on every channel.",
                    "The status page lagged 40 minutes behind X; the call centre had no script for the first hour.",
                    "The outage hit at night, when traffic was low.", "anna");
            LocalDate today = LocalDate.now();
            d.addLesson(c.id(), LessonInput.of("Pre-approve a status page text for outages", "Piotr Zieliński",
                    today.plusDays(7)), "anna");
            d.addLesson(c.id(), LessonInput.of("Give the call centre a first-hour script with the hub link and the "
                    + "next update time", "Carla Ruiz", today.plusDays(14)), "anna");
            d.proposeSla(c.id(), SlaTarget.FIRST_PUBLIC_REPLY, 20, "anna");
            d.proposeForbiddenPhrase(c.id(), "en", "we apologise for any inconvenience", "anna");
            return c;
        }

        @Override
        public void stop() {
            if (context != null) {
                context.close();
            }
        }
    }
}
