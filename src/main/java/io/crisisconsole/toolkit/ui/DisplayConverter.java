package io.crisisconsole.toolkit.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * The converter of a choice box or combo box that only shows its items (nothing is typed in): the
 * text of an item from a function, a fixed text for "none".
 */
public final class DisplayConverter {

    private DisplayConverter() {
    }

    /** Shows items with {@code text}; no item shows as empty. */
    public static <T> StringConverter<T> of(Function<? super T, String> text) {
        return of(text, "");
    }

    /** Shows items with {@code text}; no item (null) shows as {@code none}. */
    public static <T> StringConverter<T> of(Function<? super T, String> text, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
