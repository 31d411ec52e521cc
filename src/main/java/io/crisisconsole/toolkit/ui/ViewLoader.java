package io.crisisconsole.toolkit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.util.Callback;

/** Loads FXML views with controllers built by the controller factory (constructor injection). */
public final class ViewLoader {

    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Callback<Class<?>, Object> controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    public <N> Loaded<N> load(FxmlView view) {
        FXMLLoader loader = new FXMLLoader(view.url(), null, null, controllerFactory);
        try {
            N root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + view, e);
        }
    }

    public record Loaded<N>(N root, Object controller) {
        public <C> C controller(Class<C> type) {
            return type.cast(controller);
        }
    }
}
