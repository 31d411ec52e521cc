package io.crisisconsole.testsupport;

import io.crisisconsole.toolkit.OneShotTimer;
import java.time.Duration;

/** A {@link OneShotTimer} the test fires by hand. */
public final class ManualTimer implements OneShotTimer, OneShotTimer.Factory {

    public Duration delay;
    private Runnable action;
    private boolean running;
    public int countdownsStarted;

    @Override
    public OneShotTimer create(Duration delay, Runnable action) {
        this.delay = delay;
        this.action = action;
        return this;
    }

    @Override
    public void start() {
        if (!running) {
            running = true;
            countdownsStarted++;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The countdown ends. */
    public void fire() {
        if (!running) {
            throw new IllegalStateException("the countdown is not running");
        }
        running = false;
        action.run();
    }
}
