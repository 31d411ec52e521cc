package io.crisisconsole.toolkit.ui;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Shows an area of the main window by its id ({@code cases}) from a view-model that must not know
 * the window (the Rehearsal area's "Open the case workspace"). The window sets the way once it is built.
 */
public final class Navigator {

    private Consumer<String> show = id -> {
    };

    /** Set by the main window. */
    public void setShow(Consumer<String> show) {
        this.show = Objects.requireNonNull(show);
    }

    /** Shows the area {@code areaId} (on the FX thread). */
    public void go(String areaId) {
        show.accept(areaId);
    }
}
