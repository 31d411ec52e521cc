package io.crisisconsole.toolkit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.util.Callback;

/**
 * Loads FXML views with the texts of the UI language ({@code text="%cases.list.new"}) and
 * controllers built by the controller factory (constructor injection).
 */
public final class ViewLoader {

    private final ResourceBundle bundle;
    private final Callback<Class<?>, Object> controllerFactory;

    /** @param bundle the messages of the UI language ({@code Messages.bundle()}) */
    public ViewLoader(ResourceBundle bundle, Callback<Class<?>, Object> controllerFactory) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.controllerFactory = controllerFactory;
    }

    public <N> Loaded<N> load(FxmlView view) {
        FXMLLoader loader = new FXMLLoader(view.url(), bundle, null, controllerFactory);
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
