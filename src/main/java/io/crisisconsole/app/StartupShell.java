package io.crisisconsole.app;

import io.crisisconsole.store.Store;
import io.crisisconsole.toolkit.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The first thing on screen: the main window's frame with a progress line, shown before the store
 * is opened (migrated, checked), the app wired (bundled playbooks imported) and the views loaded,
 * all of which happen meanwhile in the background. Plain nodes, no FXML: it must cost nothing. The
 * main window's scene replaces it on the same stage; a locked or damaged store gets the start-up
 * dialogs over it, as before. It holds no field: nothing can be typed before the store is open.
 */
final class StartupShell {

    /** Where the start got, in order; each has its line {@code startup.phase.<name>}. */
    enum Phase {
        STORE_OPENING, STORE_MIGRATING, STORE_CHECKING, WIRING, VIEWS, WAITING;

        static Phase of(Store.OpenStep step) {
            switch (step) {
                case MIGRATING:
                    return STORE_MIGRATING;
                case CHECKING:
                    return STORE_CHECKING;
                default:
                    return STORE_OPENING;
            }
        }

        String key() {
            switch (this) {
                case STORE_MIGRATING:
                    return "startup.phase.store.migrating";
                case STORE_CHECKING:
                    return "startup.phase.store.checking";
                case WIRING:
                    return "startup.phase.wiring";
                case VIEWS:
                    return "startup.phase.views";
                case WAITING:
                    return "startup.phase.waiting";
                default:
                    return "startup.phase.store.opening";
            }
        }
    }

    private final Messages messages;
    private final Label phase = new Label();
    private final ProgressBar bar = new ProgressBar();

    StartupShell(Messages messages) {
        this.messages = messages;
    }

    Scene scene(double width, double height) {
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add("title-3");
        HBox header = new HBox(title);
        header.setId("startupHeader");
        header.setPadding(new Insets(10, 16, 10, 16));
        header.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 0 0 1 0;");
        phase.setId("startupPhase");
        phase.getStyleClass().add("text-muted");
        bar.setPrefWidth(320);
        bar.setId("startupProgress");
        VBox middle = new VBox(12, bar, phase);
        middle.setAlignment(Pos.CENTER);
        BorderPane root = new BorderPane(middle);
        root.setTop(header);
        root.setId("startupShell");
        show(Phase.STORE_OPENING);
        return new Scene(root, width, height);
    }

    /** Shows where the start got (FX thread): the line, and the bar moved on to its step. */
    void show(Phase p) {
        phase.setText(messages.get(p.key()));
        bar.setProgress(p == Phase.WAITING ? -1 : (p.ordinal() + 1) / (double) (Phase.VIEWS.ordinal() + 2));
    }
}
