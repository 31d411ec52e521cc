package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.ValidationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first problem of a form as the person types: its message, the field it is about, and whether
 * the form is valid. Forms validate with the same rules the store applies (a {@link ValidationException}).
 */
public final class FormProblem {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper field = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> message.get().isEmpty(), message);

    /** Runs the form's checks; a {@link ValidationException} becomes the shown problem, none clears it. */
    public void check(Runnable checks) {
        try {
            checks.run();
            message.set("");
            field.set("");
        } catch (ValidationException e) {
            message.set(e.getMessage());
            field.set(e.field());
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fieldProperty() {
        return field.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Form fields show "" for a value that is not set. */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
