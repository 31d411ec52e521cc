package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.OneShotTimer;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;

/** A {@link OneShotTimer} on a {@link PauseTransition}, created on first use (on the FX thread). */
public final class FxOneShotTimer implements OneShotTimer {

    private final Duration delay;
    private final Runnable action;
    private PauseTransition pause;

    public FxOneShotTimer(Duration delay, Runnable action) {
        this.delay = delay;
        this.action = action;
    }

    @Override
    public void start() {
        if (pause == null) {
            pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> action.run());
        }
        if (pause.getStatus() != Animation.Status.RUNNING) {
            pause.playFromStart();
        }
    }

    @Override
    public void stop() {
        if (pause != null) {
            pause.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return pause != null && pause.getStatus() == Animation.Status.RUNNING;
    }
}
