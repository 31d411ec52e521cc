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

    /**
     * As {@link #waitUntil(BooleanSupplier)}; on a timeout the exception also says what the
     * windows showed then ({@code state}, read on the FX thread), so a failure far away in CI can be
     * understood from its message alone.
     */
    public static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws TimeoutException {
        try {
            waitUntil(condition);
        } catch (TimeoutException e) {
            String shown;
            try {
                shown = WaitForAsyncUtils.asyncFx(state::get).get(5, TimeUnit.SECONDS);
            } catch (Exception unreadable) {
                shown = "(could not be read: " + unreadable + ")";
            }
            TimeoutException described = new TimeoutException(e.getMessage() + "; then: " + shown);
            described.initCause(e);
            throw described;
        }
    }

    /** The showing windows: their kinds, titles and, for dialogs, their header texts. */
    public static String windows() {
        StringBuilder b = new StringBuilder();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            b.append('[').append(w.getClass().getSimpleName());
            if (w instanceof javafx.stage.Stage s) {
                b.append(" \"").append(s.getTitle()).append('"');
            }
            if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d) {
                b.append(" header \"").append(d.getHeaderText()).append('"');
            }
            b.append("] ");
        }
        return b.toString().strip();
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
