package io.crisisconsole.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of {@link StartupBenchmark}: a bare JavaFX 21 window that opens an H2 file first,
 * as little as an app can do that shows a window over a store. Prints {@code STARTUP window-shown}
 * when its window is shown. Run by the benchmark: {@code BareFxWindow H2_FILE_BASE}.
 */
public final class BareFxWindow {

    private BareFxWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application (a main class that extends Application fails on a plain class path). */
    public static final class App extends Application {

        private Connection connection;

        @Override
        public void init() throws Exception {
            String base = getParameters().getRaw().get(0);
            connection = DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, text VARCHAR(100))");
                s.execute("MERGE INTO note KEY (id) VALUES (1, 'bare')");
                try (ResultSet r = s.executeQuery("SELECT text FROM note WHERE id = 1")) {
                    r.next();
                }
            }
        }

        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window over an H2 file")), 1280, 800));
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println("STARTUP window-shown");
                System.out.flush();
            }));
            stage.show();
        }

        @Override
        public void stop() throws Exception {
            connection.close();
        }
    }
}
