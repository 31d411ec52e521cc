package io.crisisconsole.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * Builds FXML controllers with their dependencies passed to the constructor. Every controller the
 * FXML files name must be registered; an unknown one is a programming error and fails loudly.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    public <C> ControllerFactory register(Class<C> type, Supplier<? extends C> supplier) {
        suppliers.put(type, supplier);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> s = suppliers.get(type);
        if (s == null) {
            throw new IllegalStateException("No controller registered for " + type.getName());
        }
        return s.get();
    }
}
