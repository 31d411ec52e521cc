package io.crisisconsole.app;

import java.time.Duration;

/**
 * Runs an action once on the FX thread after a delay. View-models use it instead of an animation
 * class directly so that they can be tested without the FX toolkit.
 */
public interface OneShotTimer {

    /** Starts the countdown unless it is already running; a running countdown is not restarted. */
    void start();

    void stop();

    boolean isRunning();

    /** Makes timers; the app uses {@link #fx()}. */
    interface Factory {
        OneShotTimer create(Duration delay, Runnable action);
    }

    /** Timers backed by a JavaFX {@link javafx.animation.PauseTransition} (needs the FX toolkit). */
    static Factory fx() {
        return FxOneShotTimer::new;
    }
}
