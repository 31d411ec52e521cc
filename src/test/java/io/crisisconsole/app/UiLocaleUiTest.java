package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.UiLocale;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code -Dcrisisconsole.locale=pl}: the views get Polish dates (the Polish texts are a later issue). */
@ExtendWith(ApplicationExtension.class)
class UiLocaleUiTest {

    @TempDir
    Path tmp;
    AppContext context;
    CrisisCase opened;

    @Start
    void start(Stage stage) {
        System.setProperty(UiLocale.PROPERTY, "pl");
        try {
            context = AppContext.open(new DataHome(tmp.resolve("data")), Clock.systemUTC());
        } finally {
            System.clearProperty(UiLocale.PROPERTY);
        }
        opened = context.services().cases()
                .open(new CaseDetails("Awaria płatności", 1, "Anna", null, null), "t");
        stage.setScene(MainWindow.createScene(context, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
        context.close();
    }

    @Test
    void datesInTheViewsFollowTheUiLocale(FxRobot robot) throws TimeoutException {
        assertThat(context.messages().locale()).isEqualTo(Locale.forLanguageTag("pl"));
        String polish = context.formats().dayClock(opened.openedAt());
        String english = new Formats(Messages.forLocale(Locale.ENGLISH), ZoneId.systemDefault()).dayClock(opened.openedAt());
        assertThat(polish).as("Polish month abbreviations").isNotEqualTo(english);

        waitUntil(() -> robot.lookup("#caseList").queryAs(ListView.class).getItems().size() == 1);
        robot.clickOn("#caseList .list-cell");
        waitUntil(() -> "Awaria płatności".equals(label(robot, "#titleLabel")));
        assertThat(label(robot, "#openedLabel")).startsWith("Opened " + polish + " (T+");
        assertThat(robot.lookup("#navCases").queryLabeled().getText()).as("texts stay English until translated")
                .isEqualTo("Cases");
    }
}
