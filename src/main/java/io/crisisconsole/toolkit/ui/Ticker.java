package io.crisisconsole.toolkit.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.util.Duration;

/**
 * The one ticker of the app: every live countdown (the inbox's first-response clocks, the
 * workspace's checklist and channel clocks, the case header) listens to {@link #nowProperty()}
 * instead of running a timer of its own, so the clocks of one screen move together and the app has
 * one animation ticking, not one per view.
 *
 * <p>The time comes from the app's {@link Clock} (a test moves it and calls {@link #tick()}).
 * Listeners run on the FX thread once a second; they should only format what they show.
 */
public final class Ticker {

    /** How often the clocks move on. */
    public static final Duration PERIOD = Duration.seconds(1);

    private final Clock clock;
    private final SimpleLongProperty now = new SimpleLongProperty();
    private Timeline timeline;

    public Ticker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        now.set(clock.millis());
    }

    /** The time the clocks show, in epoch milliseconds; moves on every {@link #PERIOD}. */
    public ReadOnlyLongProperty nowProperty() {
        return now;
    }

    /** The time the clocks show. */
    public Instant now() {
        return Instant.ofEpochMilli(now.get());
    }

    /** Reads the clock now (the timeline calls it every period; a test calls it after moving its clock). */
    public void tick() {
        now.set(clock.millis());
    }

    /** Starts ticking (on the FX thread; from another thread it is passed there); a second call does nothing. */
    public void start() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::start);
            return;
        }
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(PERIOD, e -> tick()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        if (timeline.getStatus() != Animation.Status.RUNNING) {
            timeline.play();
        }
    }

    /** Stops ticking, e.g. when the window closes (from another thread it is passed to the FX thread). */
    public void stop() {
        if (!Platform.isFxApplicationThread()) {
            try {
                Platform.runLater(this::stop);
            } catch (IllegalStateException toolkitGone) {
                // nothing ticks without the toolkit
            }
            return;
        }
        if (timeline != null) {
            timeline.stop();
        }
    }

    /**
     * Runs {@code action} on the ticks that enter a new period of {@code seconds} (a header that
     * shows "opened 12 min ago" need not be redrawn every second). The listener is held by this
     * ticker for as long as the app runs: use it for views that live as long.
     */
    public void every(int seconds, Runnable action) {
        long period = seconds * 1000L;
        now.addListener((o, before, after) -> {
            if (before.longValue() / period != after.longValue() / period) {
                action.run();
            }
        });
    }

    public boolean isRunning() {
        return timeline != null && timeline.getStatus() == Animation.Status.RUNNING;
    }
}
