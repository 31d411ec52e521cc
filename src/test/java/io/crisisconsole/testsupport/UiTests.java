package io.crisisconsole.testsupport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers shared by the TestFX tests. */
public final class UiTests {

    private UiTests() {
    }

    /**
     * Waits (up to 30 s: a loaded 2-core machine, late in a long suite where the workspace, the
     * escalation check and the charts share the background threads) until the condition holds,
     * then for FX events.
     */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextArea.class).getText();
    }

    public static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    public static <T> ListView<T> list(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ListView.class);
    }
}
