package io.crisisconsole.app;

import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Lines for the start-up benchmark ({@code StartupBenchmark}), printed only with
 * {@code -Dcrisisconsole.startup.marker=true}: {@code STARTUP window-shown} on the first pulse after
 * the first window is shown, {@code STARTUP ready} once the main window's views are in place.
 * Machine-read, never shown to the person.
 */
final class StartupMarks {

    private static final boolean ON = Boolean.getBoolean("crisisconsole.startup.marker");

    private StartupMarks() {
    }

    /** Prints {@code STARTUP what} after the next pulse once {@code window} is shown. */
    static void whenShown(Window window, String what) {
        if (!ON) {
            return;
        }
        if (window.isShowing()) {
            Platform.runLater(() -> print(what));
            return;
        }
        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> print(what)));
    }

    /** Prints {@code STARTUP what} after the next pulse. */
    static void later(String what) {
        if (ON) {
            Platform.runLater(() -> print(what));
        }
    }

    private static void print(String what) {
        System.out.println("STARTUP " + what);
        System.out.flush();
    }
}
