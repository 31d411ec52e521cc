package io.crisisconsole.toolkit.ui;

import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Tab in a multi-line field moves the focus like everywhere else (Shift+Tab back); Ctrl+Tab types a
 * tab. JavaFX's {@link TextArea} does it the other way round. One key filter per scene, put on the
 * scene of every window the app opens (the main window, composer windows, dialogs) by
 * {@link #installOnEveryWindow()}.
 */
public final class TabKeys {

    private static final Object MARK = new Object();
    private static boolean everyWindow;
    /** True while the filter hands a Ctrl+Tab of its own to the text area (which moves the focus on it). */
    private static boolean forwarding;

    private static final EventHandler<KeyEvent> FILTER = TabKeys::pressed;

    private TabKeys() {
    }

    /** Puts the filter on {@code scene} (once). */
    public static void install(Scene scene) {
        if (scene.getProperties().putIfAbsent(TabKeys.class, MARK) == null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, FILTER);
        }
    }

    /** Puts the filter on the scene of every window open now and opened later, and on a scene a window gets later (FX thread). */
    public static void installOnEveryWindow() {
        if (everyWindow) {
            return;
        }
        everyWindow = true;
        Window.getWindows().forEach(TabKeys::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(TabKeys::watch);
            }
        });
    }

    private static void watch(Window w) {
        if (w.getProperties().putIfAbsent(TabKeys.class, MARK) != null) {
            return;
        }
        if (w.getScene() != null) {
            install(w.getScene());
        }
        w.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                install(now);
            }
        });
    }

    private static void pressed(KeyEvent e) {
        if (forwarding || e.getCode() != KeyCode.TAB || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        TextArea area = enclosingTextArea(e.getTarget() instanceof Node n ? n : null);
        if (area == null) {
            return;
        }
        e.consume();
        if (e.isControlDown()) {
            if (!e.isShiftDown() && area.isEditable()) {
                area.replaceSelection("\t");
            }
            return;
        }
        // the text area's own keys move the focus on Ctrl+Tab (next) and Ctrl+Shift+Tab (previous)
        forwarding = true;
        try {
            area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        } finally {
            forwarding = false;
        }
    }

    private static TextArea enclosingTextArea(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof TextArea t) {
                return t;
            }
        }
        return null;
    }
}
