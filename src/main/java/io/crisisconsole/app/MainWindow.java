package io.crisisconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.TabKeys;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Builds the main window's scene; shared by the app and the UI tests. */
public final class MainWindow {

    static final String APP_CSS = "/io/crisisconsole/styles/app.css";

    private MainWindow() {
    }

    /** AtlantaFX Primer light or dark; the app's own CSS only overrides colour tokens on top. */
    static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static Scene createScene(AppContext context, double width, double height) {
        Parent root = context.views().<Parent>load(FxmlView.MAIN_WINDOW).root();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(APP_CSS)).toExternalForm());
        // Tab moves the focus out of multi-line fields here, in composer windows and in dialogs
        TabKeys.install(scene);
        TabKeys.installOnEveryWindow();
        return scene;
    }
}
