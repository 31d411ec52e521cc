package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.UserFacing;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one-line message area of the main window: what just happened, or what went wrong. */
public final class Notifier {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final Messages messages;
    private final Function<Throwable, Optional<String>> explainer;

    /** @param messages the texts of the UI language ("what failed: why" is a pattern, its order may change) */
    public Notifier(Messages messages) {
        this(messages, t -> Optional.empty());
    }

    /**
     * @param explainer plain words for failures that carry none of their own (a full disk under a
     *        write surfaces as a driver exception): the app passes the store's; empty for the rest
     */
    public Notifier(Messages messages, Function<Throwable, Optional<String>> explainer) {
        this.messages = messages;
        this.explainer = explainer;
    }

    /** In English (tests, and code that runs before the UI language is known). */
    public Notifier() {
        this(Messages.forLocale(Locale.ENGLISH));
    }

    public void info(String text) {
        message.set(text);
        error.set(false);
    }

    public void error(String text) {
        message.set(text);
        error.set(true);
    }

    /** Shows a failure in plain words; validation and conflicts carry their own message. */
    public void failed(String what, Throwable t) {
        error(messages.get("notifier.failed", what, explain(t)));
    }

    /**
     * Why {@code t} happened in plain words (the explainer's, else as {@link #describe}), as a clause
     * that patterns put into a sentence: without the full stop its message may end with, so that
     * "Not autosaved: {0}. Your text ..." does not print two.
     */
    public String explain(Throwable t) {
        String why = explainer.apply(t).orElseGet(() -> describe(t)).strip();
        return why.endsWith(".") && !why.endsWith("..") ? why.substring(0, why.length() - 1) : why;
    }

    public static String describe(Throwable t) {
        Throwable cause = t;
        while (cause != null) {
            if (cause instanceof UserFacing) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " \u2014 " + t.getMessage());
    }

    public void clear() {
        message.set("");
        error.set(false);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
