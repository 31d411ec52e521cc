package io.crisisconsole.composer.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the composer of a case in its own window, one per case; a second Compose brings it to the front. */
public final class ComposerWindows {

    private final ViewLoader views;
    private final Function<CrisisCase, ComposerViewModel> models;
    private final Notifier notifier;
    private final Messages messages;
    private final Map<Long, Stage> open = new HashMap<>();

    /**
     * @param models makes the composer of a case; may throw when the message checks are not
     *        available, which is then shown instead of a window
     */
    public ComposerWindows(ViewLoader views, Function<CrisisCase, ComposerViewModel> models, Notifier notifier,
            Messages messages) {
        this.views = views;
        this.models = models;
        this.notifier = notifier;
        this.messages = messages;
    }

    public void open(Window owner, CrisisCase c) {
        Stage existing = open.get(c.id());
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return;
        }
        ComposerViewModel vm;
        try {
            vm = models.apply(c);
        } catch (RuntimeException e) {
            notifier.failed(messages.get("composer.window.failed"), e);
            return;
        }
        ViewLoader.Loaded<Parent> loaded = views.load(FxmlView.COMPOSER);
        ComposerController controller = loaded.controller(ComposerController.class);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(messages.get("composer.window.title", String.valueOf(c.id()), c.title()));
        Scene scene = new Scene(loaded.root(), 1280, 800);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            open.remove(c.id());
            controller.close();
        });
        open.put(c.id(), stage);
        controller.bind(vm);
        stage.show();
    }
}
