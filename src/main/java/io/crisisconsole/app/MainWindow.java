package io.crisisconsole.app;

import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Builds the main window's scene; shared by the app and the UI tests. */
public final class MainWindow {

    public static final String TITLE = "Crisis Console";
    static final String APP_CSS = "/io/crisisconsole/styles/app.css";

    private MainWindow() {
    }

    public static Scene createScene(AppContext context, double width, double height) {
        Parent root = context.views().<Parent>load(FxmlView.MAIN_WINDOW).root();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(APP_CSS)).toExternalForm());
        return scene;
    }
}
