package io.crisisconsole.toolkit;

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

    /** Makes timers; the app uses {@code FxOneShotTimer::new} (toolkit.ui). */
    interface Factory {
        OneShotTimer create(Duration delay, Runnable action);
    }

}
